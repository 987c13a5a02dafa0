// One worker: its facts, admin actions, vitals charts over 1 h / 6 h / 24 h, and its events.
import { roleCan } from '@i2v/domain';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { WorkerEvent, WorkerVitals } from '@/api/types';
import { useCurrentUser } from '@/auth/use-session';
import { BackIcon, DateTimeText, EmptyList, LoadError, LoadMore, PageHeader } from '@/components';
import { EditWorkerModal } from './edit-worker-modal';
import { type ChartPoint, VitalsChart } from './vitals-chart';
import { actionsFor, type PendingWorkerAction, WorkerActionDialog } from './worker-action-dialog';
import { WorkerHealthBadge, WorkerStateBadge } from './worker-badges';
import { formatGib, formatGpuName, formatTemperature, formatVram } from './worker-format';
import { useWorker, useWorkerEvents, useWorkerVitals, type VitalsWindow } from './worker-queries';
import { actionIcons, actionLabels } from './workers-table';

const severityColors: Record<WorkerEvent['severity'], string> = {
  info: 'blue',
  warning: 'yellow',
  critical: 'red',
};

function points(
  v: WorkerVitals,
  avg: keyof WorkerVitals['buckets'][number],
  max: keyof WorkerVitals['buckets'][number],
): ChartPoint[] {
  return v.buckets.map((b) => ({
    at: Date.parse(b.at),
    avg: b[avg] as number | null,
    max: b[max] as number | null,
  }));
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

export function WorkerPage() {
  const { workerId = '' } = useParams();
  const me = useCurrentUser();
  const canManage = roleCan(me.role, 'workers.manage');
  const [window, setWindow] = useState<VitalsWindow>('1h');
  const [pending, setPending] = useState<PendingWorkerAction | null>(null);
  const [editing, setEditing] = useState(false);
  const worker = useWorker(workerId);
  const vitals = useWorkerVitals(workerId, window);
  const events = useWorkerEvents(workerId);
  const eventItems = events.data?.pages.flatMap((p) => p.items);

  if (worker.isError)
    return <LoadError what="the worker" error={worker.error} onRetry={() => void worker.refetch()} />;
  const w = worker.data;
  const v = vitals.data;
  const from = v ? Date.parse(v.from) : 0;
  const to = v ? Date.parse(v.to) : 0;

  return (
    <>
      <Anchor
        component={Link}
        to="/workers"
        size="sm"
        mb="xs"
        display="inline-flex"
        style={{ alignItems: 'center', gap: 4 }}
      >
        <BackIcon size={14} /> Workers
      </Anchor>
      <PageHeader
        title={w?.name ?? 'Worker'}
        description={
          w ? (
            <Text span ff="monospace" size="sm">
              {w.url}
            </Text>
          ) : undefined
        }
        actions={
          w &&
          canManage && [
            w.adminState !== 'decommissioned' && (
              <Button key="edit" variant="default" onClick={() => setEditing(true)}>
                Edit
              </Button>
            ),
            ...actionsFor(w.adminState).map((a) => (
              <Button
                key={a}
                variant={a === 'decommission' ? 'light' : 'default'}
                color={a === 'decommission' ? 'red' : undefined}
                leftSection={actionIcons[a]}
                onClick={() => setPending({ worker: w, action: a })}
              >
                {actionLabels[a].replace('…', '')}
              </Button>
            )),
          ]
        }
      />
      <EditWorkerModal worker={editing && w ? w : null} onClose={() => setEditing(false)} />
      {!w ? (
        <Skeleton h={120} />
      ) : (
        <Card withBorder mb="lg">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
            <Fact label="Health">
              <Group gap={6}>
                <WorkerHealthBadge worker={w} />
                {w.healthDetail && (
                  <Text size="xs" c="dimmed" data-testid="worker-health-detail">
                    {w.healthDetail}
                  </Text>
                )}
              </Group>
            </Fact>
            <Fact label="State">
              <WorkerStateBadge state={w.adminState} />
            </Fact>
            <Fact label="GPU">{formatGpuName(w.gpuName)}</Fact>
            <Fact label="VRAM">{w.vitals ? formatVram(w) : formatGib(w.vramTotalBytes)}</Fact>
            <Fact label="Temperature">{formatTemperature(w.vitals?.temperatureC)}</Fact>
            <Fact label="Queue">
              {w.vitals
                ? `${w.vitals.queueRunning ?? 0} running, ${w.vitals.queuePending ?? 0} waiting`
                : '—'}
            </Fact>
            <Fact label="Max concurrency">{w.maxConcurrency}</Fact>
            <Fact label="ComfyUI">{w.comfyVersion ?? '—'}</Fact>
            <Fact label="Tags">
              {w.tags.length ? (
                <Group gap={4}>
                  {w.tags.map((t) => (
                    <Badge key={t} size="sm" variant="default" tt="none">
                      {t}
                    </Badge>
                  ))}
                </Group>
              ) : (
                'none (takes any job)'
              )}
            </Fact>
            <Fact label="Last seen">
              <DateTimeText value={w.lastSeenAt} relative empty="never" />
            </Fact>
            <Fact label="Last checked">
              <DateTimeText value={w.lastCheckedAt} relative empty="never" />
            </Fact>
            <Fact label="Registered">
              <DateTimeText value={w.createdAt} />
            </Fact>
          </SimpleGrid>
        </Card>
      )}

      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Vitals
        </Title>
        <SegmentedControl
          aria-label="Window"
          value={window}
          onChange={(value) => setWindow(value as VitalsWindow)}
          data={[
            { value: '1h', label: '1 h' },
            { value: '6h', label: '6 h' },
            { value: '24h', label: '24 h' },
          ]}
        />
      </Group>
      {vitals.isError && (
        <LoadError what="vitals" error={vitals.error} onRetry={() => void vitals.refetch()} />
      )}
      {v && v.buckets.length === 0 ? (
        <Card withBorder mb="lg">
          <EmptyList
            title="No vitals in this window"
            description="The health loop samples every worker every few seconds; samples appear here once the worker answers a check."
          />
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} mb="lg">
          {v ? (
            <>
              <VitalsChart
                title="GPU utilisation"
                points={points(v, 'gpuUtilizationAvg', 'gpuUtilizationMax')}
                from={from}
                to={to}
                yMax={100}
                format={(n) => `${Math.round(n)} %`}
              />
              <VitalsChart
                title="GPU temperature"
                points={points(v, 'temperatureAvg', 'temperatureMax')}
                from={from}
                to={to}
                yMax={90}
                format={(n) => `${Math.round(n)} °C`}
                color="orange"
              />
              <VitalsChart
                title="VRAM used"
                points={points(v, 'vramUsedAvg', 'vramUsedMax')}
                from={from}
                to={to}
                yMax={Math.max(0, ...v.buckets.map((b) => b.vramTotal ?? 0))}
                format={formatGib}
                color="grape"
              />
              <VitalsChart
                title="Queue (running + waiting)"
                points={points(v, 'queueAvg', 'queueMax')}
                from={from}
                to={to}
                yMax={2}
                format={(n) => n.toFixed(n < 10 && n % 1 ? 1 : 0)}
                color="teal"
              />
            </>
          ) : (
            [0, 1, 2, 3].map((i) => <Skeleton key={i} h={180} />)
          )}
        </SimpleGrid>
      )}

      <Title order={2} size="h4" mb="sm">
        Events
      </Title>
      {events.isError && (
        <LoadError what="events" error={events.error} onRetry={() => void events.refetch()} />
      )}
      <Card p={0} withBorder>
        <Table aria-label="Events" data-testid="worker-events">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Event</Table.Th>
              <Table.Th>What happened</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {eventItems?.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <DateTimeText value={e.createdAt} />
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={severityColors[e.severity]} tt="none">
                    {e.kind.replace('_', ' ')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.message}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {eventItems && eventItems.length > 0 && (
          <LoadMore
            shown={eventItems.length}
            hasMore={events.hasNextPage}
            loading={events.isFetchingNextPage}
            onLoadMore={() => void events.fetchNextPage()}
            noun="event"
          />
        )}
      </Card>
      <WorkerActionDialog pending={pending} onDone={() => setPending(null)} />
    </>
  );
}
