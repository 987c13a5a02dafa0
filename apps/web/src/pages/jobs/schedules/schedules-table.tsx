// Recurring schedules as a table: when each runs next (in words), its time zone, whether it is on, what its last run
// submitted (or why it could not), and who owns it.
import {
  ActionIcon,
  Anchor,
  Code,
  Group,
  Menu,
  Stack,
  Switch,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { JobSchedule } from '@/api/types';
import { DateTimeText, EditIcon, ErrorIcon, MoreActionsIcon, TableSkeleton, TrashIcon } from '@/components';
import { formatRelative } from '@/format/date-time';
import { describeRun, describeTemplate, formatRunTime, presetLabelOf } from './schedule-format';

interface SchedulesTableProps {
  schedules: JobSchedule[] | undefined;
  empty: ReactNode;
  canChange: (schedule: JobSchedule) => boolean;
  /** The schedule whose switch is being saved. */
  toggling: string | null;
  onToggle: (schedule: JobSchedule, enabled: boolean) => void;
  onEdit: (schedule: JobSchedule) => void;
  onDelete: (schedule: JobSchedule) => void;
}

const headers = ['Name', 'Cron', 'Time zone', 'Enabled', 'Next run', 'Last run', 'Owner'];

function WhenCell({ schedule }: { schedule: JobSchedule }) {
  const preset = presetLabelOf(schedule.cron);
  const hint = schedule.enabled
    ? schedule.nextRunAt
      ? `Next ${describeRun(schedule.nextRunAt)}`
      : 'Never runs again'
    : 'Off';
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <Code>{schedule.cron}</Code>
        {preset && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {preset}
          </Text>
        )}
      </Group>
      <Tooltip
        label={schedule.upcoming.map((u) => formatRunTime(u)).join(' · ')}
        disabled={schedule.upcoming.length < 2}
        multiline
        maw={320}
      >
        <Text size="xs" c="dimmed" data-testid="schedule-hint">
          {hint}
        </Text>
      </Tooltip>
    </Stack>
  );
}

function LastRunCell({ schedule }: { schedule: JobSchedule }) {
  return (
    <Stack gap={2} maw={260}>
      {schedule.lastRunAt ? (
        <Group gap={6} wrap="nowrap">
          <DateTimeText value={schedule.lastRunAt} relative />
          {schedule.lastJobId && (
            <Anchor component={Link} to={`/jobs/${schedule.lastJobId}`} size="sm">
              its job
            </Anchor>
          )}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          Not yet
        </Text>
      )}
      {schedule.lastError && (
        <Tooltip label={schedule.lastError} multiline maw={360}>
          <Group gap={4} wrap="nowrap" align="flex-start" data-testid="schedule-error">
            <ErrorIcon size={14} color="var(--mantine-color-red-6)" style={{ flexShrink: 0, marginTop: 2 }} />
            <Text size="xs" c="red" lineClamp={2}>
              {schedule.lastError}
            </Text>
          </Group>
        </Tooltip>
      )}
    </Stack>
  );
}

export function SchedulesTable(props: SchedulesTableProps) {
  const { schedules } = props;
  const columns = headers.length + 1;
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table aria-label="Schedules" data-testid="schedules-table" verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {headers.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        {schedules === undefined ? (
          <TableSkeleton columns={columns} />
        ) : (
          <Table.Tbody>
            {schedules.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns}>{props.empty}</Table.Td>
              </Table.Tr>
            ) : (
              schedules.map((s) => {
                const changeable = props.canChange(s);
                return (
                  <Table.Tr
                    key={s.id}
                    data-testid="schedule-row"
                    data-name={s.name}
                    data-enabled={s.enabled}
                    bg={s.lastError ? 'var(--mantine-color-red-light)' : undefined}
                  >
                    <Table.Td maw={260}>
                      <Stack gap={0}>
                        <Text size="sm" fw={500} truncate="end">
                          {s.name}
                        </Text>
                        <Text size="xs" c="dimmed" truncate="end">
                          {describeTemplate(s)}
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <WhenCell schedule={s} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {s.timezone}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label="Only its owner or a job manager can change it" disabled={changeable}>
                        <Switch
                          aria-label={`${s.name} enabled`}
                          checked={s.enabled}
                          disabled={!changeable || props.toggling === s.id}
                          onChange={(e) => props.onToggle(s, e.currentTarget.checked)}
                        />
                      </Tooltip>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {s.nextRunAt ? (
                        <Tooltip label={formatRunTime(s.nextRunAt)}>
                          <Text size="sm" data-testid="schedule-next-run">
                            {formatRelative(s.nextRunAt)}
                          </Text>
                        </Tooltip>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <LastRunCell schedule={s} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {s.owner?.displayName ?? 'Studio'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {changeable && (
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${s.name}`}>
                              <MoreActionsIcon size={18} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<EditIcon size={16} />} onClick={() => props.onEdit(s)}>
                              Edit…
                            </Menu.Item>
                            <Menu.Item
                              color="red"
                              leftSection={<TrashIcon size={16} />}
                              onClick={() => props.onDelete(s)}
                            >
                              Delete…
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })
            )}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
