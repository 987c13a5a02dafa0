// A segment's QA as a table: every gate with its score, the rule in force on the scene type, and the reason it
// failed or flagged the segment (red for a hard gate, yellow for a soft one).
import { Badge, Group, Table, Text } from '@mantine/core';
import { describeThreshold, formatScore, qaRows, severityColors } from './generation-format';
import type { SceneTypeView, Segment } from './generation-queries';

export function SegmentQaTable({
  segment,
  thresholds,
}: {
  segment: Segment;
  thresholds: SceneTypeView['generation']['qaThresholds'] | undefined;
}) {
  const { scores, reasons } = segment.qa;
  const rows = qaRows.filter((r) => r.kind !== 'info' || r.scoreKey in scores);
  if (Object.keys(scores).length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {segment.status === 'generating' ? 'QA runs once the clip is rendered.' : 'QA measured nothing.'}
      </Text>
    );
  }
  return (
    <Table
      striped
      withTableBorder
      verticalSpacing={4}
      horizontalSpacing="xs"
      fz="xs"
      data-testid="segment-qa-table"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Gate</Table.Th>
          <Table.Th ta="right">Score</Table.Th>
          <Table.Th>Rule</Table.Th>
          <Table.Th>Result</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const value = scores[row.scoreKey];
          const reason = reasons.find((r) => r.gate === row.gate);
          const rule =
            row.kind === 'info'
              ? 'for information'
              : row.kind === 'conformance'
                ? 'must be as asked'
                : describeThreshold(
                    row.direction,
                    thresholds?.[row.gate as keyof typeof thresholds],
                    row.scoreKey,
                  );
          const unmeasured = value === null || value === undefined;
          return (
            <Table.Tr
              key={row.gate}
              data-testid="qa-row"
              data-gate={row.gate}
              data-result={reason?.severity ?? ''}
            >
              <Table.Td>{row.label}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Text span fz="xs" c={unmeasured ? 'dimmed' : undefined}>
                  {formatScore(row.scoreKey, value)}
                </Text>
              </Table.Td>
              <Table.Td c="dimmed">{rule}</Table.Td>
              <Table.Td>
                {reason ? (
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Badge
                      size="xs"
                      color={severityColors[reason.severity]}
                      variant="filled"
                      miw="max-content"
                    >
                      {reason.severity === 'hard' ? 'Fails' : 'Flags'}
                    </Badge>
                    <Text fz="xs" c={severityColors[reason.severity] === 'red' ? 'red.7' : 'yellow.8'}>
                      {reason.message}
                    </Text>
                  </Group>
                ) : unmeasured || row.kind === 'info' ? (
                  <Text fz="xs" c="dimmed">
                    —
                  </Text>
                ) : (
                  <Text fz="xs" c="green.7">
                    OK
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
        {reasons
          .filter((r) => !qaRows.some((row) => row.gate === r.gate))
          .map((r) => (
            <Table.Tr
              key={`reason-${r.gate}`}
              data-testid="qa-row"
              data-gate={r.gate}
              data-result={r.severity}
            >
              <Table.Td colSpan={4}>
                <Text fz="xs" c={r.severity === 'hard' ? 'red.7' : 'yellow.8'}>
                  {r.message}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
      </Table.Tbody>
    </Table>
  );
}
