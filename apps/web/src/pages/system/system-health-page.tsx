// System health (PRD-080): is the database answering, can the studio write its files, how is the worker fleet,
// is the job engine scheduling, and how events travel.
import { Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { DateTimeText, LoadError, PageHeader } from '@/components';
import { formatFileSize } from '@/format/media';
import { adminStateLabels, healthLabels } from '../workers/worker-format';
import { useSystemHealth } from '../workers/worker-queries';

function StatusBadge({ ok, label }: { ok: boolean | null; label?: string }) {
  const color = ok === null ? 'gray' : ok ? 'green' : 'red';
  return (
    <Badge color={color} variant="light">
      {label ?? (ok ? 'OK' : 'Problem')}
    </Badge>
  );
}

function Section({ title, status, children }: { title: string; status: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder data-testid={`health-${title.toLowerCase().replace(/\s+/g, '-')}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {title}
          </Title>
          {status}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td w="45%">
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" component="div">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

export function SystemHealthPage() {
  const health = useSystemHealth();
  const h = health.data;
  return (
    <>
      <PageHeader
        title="System health"
        description="What the studio depends on, checked when you open this page and every 5 s after."
      />
      {health.isError && (
        <LoadError what="system health" error={health.error} onRetry={() => void health.refetch()} />
      )}
      {!h ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} h={160} />
          ))}
        </SimpleGrid>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Section title="Database" status={<StatusBadge ok={h.database.ok} />}>
            <Table>
              <Table.Tbody>
                <Row label="Kind">{h.database.kind === 'pglite' ? 'Embedded (PGlite)' : 'PostgreSQL'}</Row>
                <Row label="Ping">
                  {h.database.pingMs === null ? '—' : `${h.database.pingMs.toFixed(1)} ms`}
                </Row>
                {h.database.detail && <Row label="Problem">{h.database.detail}</Row>}
              </Table.Tbody>
            </Table>
          </Section>
          <Section title="Storage" status={<StatusBadge ok={h.storage.ok} />}>
            <Table>
              <Table.Tbody>
                <Row label="Data directory">
                  <Text size="sm" ff="monospace">
                    {h.storage.dataDir}
                  </Text>
                </Row>
                <Row label="Writable">{h.storage.writable ? 'yes' : 'no'}</Row>
                <Row label="Free disk">
                  {h.storage.freeBytes === null
                    ? 'unknown'
                    : `${formatFileSize(h.storage.freeBytes)} of ${formatFileSize(h.storage.totalBytes ?? 0)}`}
                </Row>
                {h.storage.detail && <Row label="Problem">{h.storage.detail}</Row>}
              </Table.Tbody>
            </Table>
          </Section>
          <Section
            title="Workers"
            status={<StatusBadge ok={h.workers.ok} label={h.workers.ok ? 'OK' : 'No healthy worker'} />}
          >
            <Table>
              <Table.Tbody>
                <Row label="In the fleet">
                  <Anchor component={Link} to="/workers" size="sm">
                    {h.workers.total} worker{h.workers.total === 1 ? '' : 's'}
                  </Anchor>
                </Row>
                {(Object.keys(healthLabels) as (keyof typeof healthLabels)[]).map((k) => (
                  <Row key={k} label={healthLabels[k]}>
                    {h.workers.byHealth[k]}
                  </Row>
                ))}
                {(Object.keys(adminStateLabels) as (keyof typeof adminStateLabels)[]).map((k) => (
                  <Row key={k} label={adminStateLabels[k]}>
                    {h.workers.byAdminState[k]}
                  </Row>
                ))}
                <Row label="Health loop">
                  {h.workers.healthLoop.running
                    ? `every ${h.workers.healthLoop.intervalMs / 1000} s`
                    : 'not running in this process'}
                  {h.workers.healthLoop.lastRunAt && (
                    <Group gap={4}>
                      <Text size="xs" c="dimmed">
                        last round
                      </Text>
                      <DateTimeText value={h.workers.healthLoop.lastRunAt} relative size="xs" />
                      <Text size="xs" c="dimmed">
                        ({Math.round(h.workers.healthLoop.lastRunMs ?? 0)} ms)
                      </Text>
                    </Group>
                  )}
                </Row>
              </Table.Tbody>
            </Table>
          </Section>
          <Section
            title="Event bus"
            status={
              <StatusBadge
                ok={h.eventBus.available ? true : null}
                label={h.eventBus.available ? 'OK' : 'Not available'}
              />
            }
          >
            <Text size="sm">{h.eventBus.detail}</Text>
          </Section>
          <Section
            title="Job engine"
            status={
              <StatusBadge
                ok={h.jobs.ok}
                label={h.jobs.ok ? 'OK' : h.jobs.engineRunning ? 'Work waits' : 'Stopped'}
              />
            }
          >
            <Table>
              <Table.Tbody>
                <Row label="This process">
                  {h.jobs.engineRunning
                    ? [
                        h.jobs.gpu ? 'schedules and runs GPU jobs' : null,
                        h.jobs.cpuSlots ? `runs ${h.jobs.cpuSlots} CPU jobs at once` : null,
                      ]
                        .filter(Boolean)
                        .join('; ') || 'submits only'
                    : 'not scheduling'}
                </Row>
                <Row label="Last scheduler pass">
                  {h.jobs.lastTickAt ? (
                    <>
                      <DateTimeText value={h.jobs.lastTickAt} /> · {h.jobs.lastTickMs} ms
                    </>
                  ) : (
                    'not yet'
                  )}
                </Row>
                <Row label="Running here">{h.jobs.runningHere}</Row>
                <Row label="Jobs by state">
                  {Object.keys(h.jobs.byState).length
                    ? Object.entries(h.jobs.byState)
                        .map(([state, n]) => `${n} ${state}`)
                        .join(' · ')
                    : 'none yet'}
                </Row>
                <Row label="Oldest queued since">
                  {h.jobs.oldestQueuedAt ? <DateTimeText value={h.jobs.oldestQueuedAt} /> : 'nothing waits'}
                </Row>
              </Table.Tbody>
            </Table>
            <Anchor component={Link} to="/jobs" size="sm">
              Open the queue
            </Anchor>
          </Section>
        </SimpleGrid>
      )}
    </>
  );
}
