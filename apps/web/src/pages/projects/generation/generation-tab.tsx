// The Generation tab of a project: scenes by status, overall segment progress, the latest run of each scene by status,
// and the runs live now with their progress. Polls while anything is live; the Matrix tab is where batches start.
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { Project } from '@/api/types';
import { DeliverIcon, EmptyList, LoadError, MatrixIcon, StartProductionIcon } from '@/components';
import { countOf } from '@/format/count';
import {
  formatSeconds,
  runStatusLabel,
  runStatusOrder,
  runStatusTone,
  sceneStatusLabels,
  sceneStatusOrder,
  sceneStatusTones,
} from './generation-format';
import { type GenerationDashboard, type LiveRun, useGenerationDashboard } from './generation-queries';

function ScenesCard({ dashboard }: { dashboard: GenerationDashboard }) {
  const total = Math.max(1, dashboard.scenes);
  const present = sceneStatusOrder.filter((s) => (dashboard.byStatus[s] ?? 0) > 0);
  return (
    <Card withBorder data-testid="scenes-by-status">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>Scenes by status</Text>
          <Text size="sm" c="dimmed" data-testid="scene-total">
            {countOf(dashboard.scenes, 'scene')}
          </Text>
        </Group>
        <Progress.Root size="xl" aria-label="Scenes by status">
          {present.map((status) => (
            <Tooltip key={status} label={`${sceneStatusLabels[status]}: ${dashboard.byStatus[status]}`}>
              <Progress.Section
                value={((dashboard.byStatus[status] ?? 0) / total) * 100}
                color={sceneStatusTones[status]}
              />
            </Tooltip>
          ))}
        </Progress.Root>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
          {sceneStatusOrder.map((status) => (
            <Group
              key={status}
              gap={8}
              wrap="nowrap"
              data-testid="scene-status-count"
              data-status={status}
              data-count={dashboard.byStatus[status] ?? 0}
            >
              <Badge
                variant="light"
                color={sceneStatusTones[status]}
                size="lg"
                miw={44}
                style={{ opacity: (dashboard.byStatus[status] ?? 0) > 0 ? 1 : 0.55 }}
              >
                {dashboard.byStatus[status] ?? 0}
              </Badge>
              <Text size="sm">{sceneStatusLabels[status]}</Text>
            </Group>
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function ProgressCard({ dashboard }: { dashboard: GenerationDashboard }) {
  const { segmentsDone: done, segmentsEstimated: estimated } = dashboard;
  const percent = estimated > 0 ? Math.min(100, Math.round((done / estimated) * 100)) : 0;
  const live = dashboard.live.length > 0;
  const runStatuses = runStatusOrder.filter((s) => (dashboard.runs[s] ?? 0) > 0);
  return (
    <Card withBorder data-testid="segment-progress">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>Segments</Text>
          <Text size="sm" c="dimmed" data-testid="segments-done">
            {done} of {estimated} done · {percent} %
          </Text>
        </Group>
        <Progress
          value={percent}
          size="xl"
          striped={live}
          animated={live}
          color={percent === 100 ? 'green' : 'brand'}
          aria-label="Segments done"
        />
        <Text size="xs" c="dimmed">
          Over the latest run of each scene; a scene's segment count is an estimate until its run ends.
        </Text>
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Latest runs
          </Text>
          <Group gap={6} data-testid="runs-by-status">
            {runStatuses.map((status) => (
              <Badge
                key={status}
                variant="light"
                color={runStatusTone(status)}
                tt="none"
                data-testid="run-status-count"
                data-status={status}
                data-count={dashboard.runs[status]}
              >
                {dashboard.runs[status]} {runStatusLabel(status).toLowerCase()}
              </Badge>
            ))}
          </Group>
        </Stack>
      </Stack>
    </Card>
  );
}

function LiveRuns({ projectId, runs }: { projectId: string; runs: LiveRun[] }) {
  const navigate = useNavigate();
  const path = (r: LiveRun) => `/projects/${projectId}/scenes/${r.sceneId}`;
  return (
    <Card withBorder p={0} data-testid="live-runs">
      <Group justify="space-between" p="md" pb="xs">
        <Text fw={600}>Live runs</Text>
        <Text size="sm" c="dimmed">
          {runs.length > 0 ? `${countOf(runs.length, 'run')} · updates every few seconds` : ''}
        </Text>
      </Group>
      {runs.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="md" data-testid="no-live-runs">
          Nothing is generating right now.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table highlightOnHover verticalSpacing="xs" horizontalSpacing="md" aria-label="Live runs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Character</Table.Th>
                <Table.Th>Scene type</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Segments</Table.Th>
                <Table.Th ta="right">Seconds</Table.Th>
                <Table.Th ta="right">Elapsed</Table.Th>
                <Table.Th ta="right">Remaining</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {runs.map((r) => (
                <Table.Tr
                  key={r.id}
                  data-testid="live-run"
                  data-scene-id={r.sceneId}
                  style={{ cursor: 'pointer' }}
                  onClick={() => navigate(path(r))}
                >
                  <Table.Td>
                    <Anchor component={Link} to={path(r)} size="sm" onClick={(e) => e.stopPropagation()}>
                      {r.characterName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.sceneTypeName}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={runStatusTone(r.status)} tt="none">
                      {runStatusLabel(r.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={8} wrap="nowrap" miw={140}>
                      <Progress
                        value={r.segmentsEstimated ? (r.segmentsDone / r.segmentsEstimated) * 100 : 0}
                        size="sm"
                        style={{ flex: 1 }}
                        aria-label="Segments done"
                      />
                      <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                        {r.segmentsDone} / {r.segmentsEstimated}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {r.secondsDone.toFixed(1)} / {r.targetSeconds} s
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatSeconds(r.elapsedSeconds)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {r.remainingSeconds === null ? (
                      <Text span size="sm" c="dimmed" title="Known once the first segment is done">
                        estimating…
                      </Text>
                    ) : (
                      `~${formatSeconds(r.remainingSeconds)}`
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function DashboardSkeleton() {
  return (
    <Stack gap="md" data-testid="generation-skeleton">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Skeleton height={160} />
        <Skeleton height={160} />
      </SimpleGrid>
      <Skeleton height={120} />
    </Stack>
  );
}

export function GenerationTab({ project }: { project: Project }) {
  const dashboard = useGenerationDashboard(project.id);
  if (dashboard.isError && !dashboard.data)
    return (
      <LoadError
        what="the generation progress"
        error={dashboard.error}
        onRetry={() => void dashboard.refetch()}
      />
    );
  const d = dashboard.data;
  if (!d) return <DashboardSkeleton />;

  const runCount = Object.values(d.runs).reduce((n, x) => n + x, 0);
  if (runCount === 0 && d.live.length === 0)
    return (
      <EmptyList
        title="Nothing generated yet"
        icon={<StartProductionIcon size={28} />}
        description={
          <>
            {d.scenes > 0 ? `${countOf(d.scenes, 'scene')} wait for generation. ` : ''}
            Start generation from the Matrix tab: tick characters or scene types, then choose Generate….
            Progress shows here.
          </>
        }
        action={
          <Button
            variant="default"
            leftSection={<MatrixIcon size={16} />}
            component={Link}
            to={`/projects/${project.id}?tab=matrix`}
          >
            Go to Matrix
          </Button>
        }
      />
    );

  return (
    <Stack gap="md" data-testid="generation-dashboard">
      <Group justify="flex-end">
        <Button
          leftSection={<DeliverIcon size={16} />}
          component={Link}
          to={`/projects/${project.id}/delivery`}
          variant="light"
          data-testid="deliver-project"
        >
          Deliver project
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ScenesCard dashboard={d} />
        <ProgressCard dashboard={d} />
      </SimpleGrid>
      <LiveRuns projectId={project.id} runs={d.live} />
    </Stack>
  );
}
