// What came before the current chain, folded away: earlier versions and attempts of each segment with their QA
// verdict and reasons, and the scene's earlier runs.
import { Anchor, Badge, Button, Collapse, Group, Image, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { CollapsedIcon, DateTimeText, ExpandIcon, HistoryIcon } from '@/components';
import { formatDuration } from '@/format/duration';
import {
  formatSeconds,
  runStatusColors,
  runStatusLabels,
  segmentStatusLabels,
  severityColors,
} from './generation-format';
import type { SceneRun, Segment } from './generation-queries';
import { SegmentQaBadge } from './segment-strip';

function AttemptRow({ segment }: { segment: Segment }) {
  const thumb = segment.output?.thumbnailUrl ?? segment.seed?.thumbnailUrl ?? null;
  return (
    <Table.Tr data-testid="attempt-row" data-index={segment.index} data-status={segment.status}>
      <Table.Td w={56}>
        {thumb ? <Image src={thumb} alt="" w={48} h={48} radius="sm" fit="cover" /> : null}
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          Segment {segment.index}
        </Text>
        <Text size="xs" c="dimmed">
          version {segment.version} · attempt {segment.attempt}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <SegmentQaBadge segment={segment} />
          {(segment.status === 'approved' || segment.status === 'rejected') && (
            <Text size="xs" c="dimmed">
              {segmentStatusLabels[segment.status]}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {segment.qa.reasons.map((r) => (
            <Text key={r.gate} size="xs" c={severityColors[r.severity] === 'red' ? 'red.7' : 'yellow.8'}>
              {r.message}
            </Text>
          ))}
          {segment.error && (
            <Text size="xs" c="red.7">
              {segment.error.message}
            </Text>
          )}
          {segment.qa.reasons.length === 0 && !segment.error && (
            <Text size="xs" c="dimmed">
              {segment.qa.verdict === 'pass' ? 'Every gate passed' : '—'}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          {segment.output && (
            <Anchor href={segment.output.url} target="_blank" rel="noreferrer" size="xs">
              Clip
            </Anchor>
          )}
          {segment.renderJobId && (
            <Anchor component={Link} to={`/jobs/${segment.renderJobId}`} size="xs">
              Render job
            </Anchor>
          )}
        </Group>
        <DateTimeText value={segment.createdAt} relative size="xs" c="dimmed" />
      </Table.Td>
    </Table.Tr>
  );
}

const purposeLabels: Record<SceneRun['purpose'], string> = {
  generate: 'Generate',
  regenerate: 'Regenerate',
  test_shot: 'Test shot',
};

function RunRow({ run }: { run: SceneRun }) {
  return (
    <Table.Tr data-testid="run-row" data-status={run.status}>
      <Table.Td>
        <DateTimeText value={run.startedAt} relative size="xs" />
      </Table.Td>
      <Table.Td>
        <Text size="xs">
          {purposeLabels[run.purpose]}
          {run.purpose === 'regenerate' ? ` from segment ${run.fromIndex}${run.cascade ? ' on' : ''}` : ''} ·{' '}
          {run.tier}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge size="xs" variant="light" color={runStatusColors[run.status]} miw="max-content">
          {runStatusLabels[run.status]}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="xs">
          {run.segmentsDone}/{run.segmentsEstimated} segments · {formatSeconds(run.secondsDone)} of{' '}
          {formatSeconds(run.targetSeconds)} · {formatDuration(run.elapsedSeconds * 1000)}
        </Text>
        {run.error && run.status !== 'cancelled' && (
          <Text size="xs" c="red.7">
            {run.error.message}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {run.startedBy?.displayName ?? ''}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

export function GenerationHistory({ attempts, runs }: { attempts: Segment[]; runs: SceneRun[] }) {
  const [open, setOpen] = useState(false);
  if (attempts.length === 0 && runs.length <= 1) return null;
  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<HistoryIcon size={16} />}
          rightSection={open ? <ExpandIcon size={14} /> : <CollapsedIcon size={14} />}
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          data-testid="generation-history-toggle"
        >
          Earlier attempts ({attempts.length}) and runs ({runs.length})
        </Button>
      </Group>
      <Collapse expanded={open}>
        <Stack gap="md" data-testid="generation-history">
          {attempts.length > 0 ? (
            <Table verticalSpacing={4} fz="xs" withTableBorder data-testid="attempts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th>Segment</Table.Th>
                  <Table.Th>QA</Table.Th>
                  <Table.Th>Reasons</Table.Th>
                  <Table.Th>Files and jobs</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {attempts.map((s) => (
                  <AttemptRow key={s.id} segment={s} />
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm" c="dimmed">
              No earlier versions or attempts: every segment is on its first.
            </Text>
          )}
          <Table verticalSpacing={4} fz="xs" withTableBorder data-testid="runs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Started</Table.Th>
                <Table.Th>Run</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Progress</Table.Th>
                <Table.Th>By</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.map((r) => (
                <RunRow key={r.id} run={r} />
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Collapse>
    </Stack>
  );
}
