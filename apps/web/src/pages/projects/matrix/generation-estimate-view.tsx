// The estimate of a batch (PRD-061) as the Generate dialog shows it: totals, confidence and what it rests on, a line
// per workflow × worker class, and the selected cells that will not start, with why.
import { Alert, Badge, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { InfoIcon, WarningIcon } from '@/components';
import { countOf } from '@/format/count';
import { confidenceExplanations, confidenceTones, formatSeconds } from '../generation/generation-format';
import type { GenerationEstimate, SkippedCell } from '../generation/generation-queries';

function Figure({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId: string;
}) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

const perSegment = (l: GenerationEstimate['lines'][number]) => {
  const s = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} s`;
  return l.low !== l.high ? `${s(l.secondsPerSegment)} (${s(l.low)}–${s(l.high)})` : s(l.secondsPerSegment);
};

/** Skipped cells grouped by reason ("3 × generated before"), then every cell in a short scrolling list. */
export function SkippedCells({ skipped }: { skipped: readonly SkippedCell[] }) {
  if (skipped.length === 0) return null;
  const byReason = new Map<string, number>();
  for (const s of skipped) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
  return (
    <Stack gap={6} data-testid="skipped-cells">
      <Group gap={6}>
        <Text size="sm" fw={600}>
          {countOf(skipped.length, 'scene')} will not start:
        </Text>
        {[...byReason].map(([reason, n]) => (
          <Badge key={reason} variant="light" color="gray" tt="none">
            {n} × {reason}
          </Badge>
        ))}
      </Group>
      <ScrollArea.Autosize mah={140} type="auto">
        <Table verticalSpacing={2} fz="xs">
          <Table.Tbody>
            {skipped.map((s) => (
              <Table.Tr key={`${s.sceneId ?? ''}:${s.cell}`} data-testid="skipped-cell">
                <Table.Td>{s.cell}</Table.Td>
                <Table.Td c="dimmed">{s.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Stack>
  );
}

export function GenerationEstimateView({ estimate }: { estimate: GenerationEstimate }) {
  const e = estimate;
  const workers = Math.max(1, e.workers);
  return (
    <Stack gap="sm" data-testid="estimate">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label="Scenes" value={String(e.scenes)} testId="estimate-scenes" />
        <Figure label="Segments" value={String(e.segments)} testId="estimate-segments" />
        <Figure
          label="GPU time"
          value={formatSeconds(e.gpuSeconds)}
          hint="Rendering, all workers together"
          testId="estimate-gpu"
        />
        <Figure
          label="Wall time"
          value={formatSeconds(e.wallSeconds)}
          hint={`On ${countOf(workers, 'worker')}, until the last scene is done`}
          testId="estimate-wall"
        />
      </SimpleGrid>
      {e.scenes > 0 && (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Badge
            variant="light"
            color={confidenceTones[e.confidence]}
            style={{ flex: 'none' }}
            data-testid="estimate-confidence"
            data-confidence={e.confidence}
          >
            {e.confidence === 'none' ? 'No history' : `${e.confidence} confidence`}
          </Badge>
          <Text size="xs" c="dimmed">
            {confidenceExplanations[e.confidence]}
          </Text>
        </Group>
      )}
      {e.workers === 0 && (
        <Alert color="orange" variant="light" icon={<WarningIcon size={18} />} p="xs">
          No worker is enabled: nothing renders until one is. The wall time assumes one worker.
        </Alert>
      )}
      {e.lines.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table fz="xs" verticalSpacing={4} withTableBorder aria-label="Estimate by workflow">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Workflow</Table.Th>
                <Table.Th>Workers</Table.Th>
                <Table.Th ta="right">Scenes</Table.Th>
                <Table.Th ta="right">Segments</Table.Th>
                <Table.Th ta="right">Per segment (p10–p90)</Table.Th>
                <Table.Th ta="right">Past renders</Table.Th>
                <Table.Th ta="right">GPU time</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {e.lines.map((l) => (
                <Table.Tr key={`${l.workflow}:${l.workerClass}`} data-testid="estimate-line">
                  <Table.Td>{l.workflow}</Table.Td>
                  <Table.Td>{l.workerClass === 'any' ? 'Any' : l.workerClass}</Table.Td>
                  <Table.Td ta="right">{l.scenes}</Table.Td>
                  <Table.Td ta="right">{l.segments}</Table.Td>
                  <Table.Td ta="right">{perSegment(l)}</Table.Td>
                  <Table.Td ta="right">
                    <Badge size="xs" variant="light" color={confidenceTones[l.confidence]}>
                      {l.samples}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{formatSeconds(l.gpuSeconds)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {e.scenes === 0 && (
        <Group gap={6} wrap="nowrap">
          <InfoIcon size={14} style={{ flex: 'none' }} />
          <Text size="xs" c="dimmed">
            No existing scene of the selection would start.
          </Text>
        </Group>
      )}
      <SkippedCells skipped={e.skipped} />
    </Stack>
  );
}
