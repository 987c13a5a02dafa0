// The fleet as a table: one row per worker with health, state, GPU vitals and the admin actions.
import { ActionIcon, Anchor, Badge, Group, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Worker } from '@/api/types';
import {
  DateTimeText,
  DecommissionWorkerIcon,
  DisableWorkerIcon,
  DrainWorkerIcon,
  EnableWorkerIcon,
  MoreActionsIcon,
  TableSkeleton,
} from '@/components';
import { actionsFor } from './worker-action-dialog';
import { WorkerHealthBadge, WorkerStateBadge } from './worker-badges';
import { formatGpuName, formatTemperature, formatVram } from './worker-format';
import type { WorkerAction } from './worker-queries';

const columns = ['Name', 'URL', 'Health', 'State', 'GPU', 'VRAM', 'Temp.', 'Conc.', 'Tags', 'Last seen', ''];

export const actionLabels: Record<WorkerAction, string> = {
  enable: 'Enable',
  drain: 'Drain',
  disable: 'Disable',
  decommission: 'Decommission…',
};
export const actionIcons: Record<WorkerAction, ReactNode> = {
  enable: <EnableWorkerIcon size={16} />,
  drain: <DrainWorkerIcon size={16} />,
  disable: <DisableWorkerIcon size={16} />,
  decommission: <DecommissionWorkerIcon size={16} />,
};

interface WorkersTableProps {
  workers: Worker[] | undefined;
  canManage: boolean;
  onAction: (worker: Worker, action: WorkerAction) => void;
  empty: ReactNode;
}

export function WorkersTable({ workers, canManage, onAction, empty }: WorkersTableProps) {
  return (
    <Table.ScrollContainer minWidth={1240}>
      <Table aria-label="Workers" data-testid="workers-table" verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c || 'actions'}>{c || <VisuallyHidden>Actions</VisuallyHidden>}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        {workers === undefined ? (
          <TableSkeleton columns={columns.length} />
        ) : (
          <Table.Tbody>
            {workers.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>{empty}</Table.Td>
              </Table.Tr>
            ) : (
              workers.map((w) => (
                <Table.Tr key={w.id} data-testid="worker-row" data-worker-name={w.name}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor
                        component={Link}
                        to={`/workers/${w.id}`}
                        fw={500}
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        {w.name}
                      </Anchor>
                      {w.isSimulated && (
                        <Badge size="xs" variant="light" color="grape" miw="max-content">
                          sim
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {w.url}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <WorkerHealthBadge worker={w} />
                  </Table.Td>
                  <Table.Td>
                    <WorkerStateBadge state={w.adminState} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatGpuName(w.gpuName)}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{formatVram(w)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatTemperature(w.vitals?.temperatureC)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{w.maxConcurrency}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {w.tags.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          any job
                        </Text>
                      ) : (
                        w.tags.map((t) => (
                          <Badge key={t} size="sm" variant="default" tt="none" miw="max-content">
                            {t}
                          </Badge>
                        ))
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <DateTimeText value={w.lastSeenAt} relative empty="never" />
                  </Table.Td>
                  <Table.Td>
                    {canManage && actionsFor(w.adminState).length > 0 && (
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${w.name}`}>
                            <MoreActionsIcon size={18} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {actionsFor(w.adminState).map((a) => (
                            <Menu.Item
                              key={a}
                              leftSection={actionIcons[a]}
                              color={a === 'decommission' ? 'red' : undefined}
                              onClick={() => onAction(w, a)}
                            >
                              {actionLabels[a]}
                            </Menu.Item>
                          ))}
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
