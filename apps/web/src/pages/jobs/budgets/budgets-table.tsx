// Budgets or quotas as rows: how much is used (a bar coloured by state), the period and when it resets, how long the
// rest lasts at the recent rate, exempt time apart, and whether the limit holds work or only warns.
import {
  ActionIcon,
  Anchor,
  Badge,
  Group,
  Menu,
  Progress,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { Link } from 'react-router';
import type { Budget } from '@/api/types';
import { EditIcon, MoreActionsIcon, TrashIcon } from '@/components';
import { formatDateTime, formatRelative } from '@/format/date-time';
import {
  budgetOwnerName,
  budgetStateColors,
  budgetStateLabels,
  describeProjection,
  formatGpuTime,
  nextReset,
  percentUsed,
  periodLabels,
} from './budget-format';

/** The same for projects and people, so the two tables line up. */
const columnWidths = ['22%', '30%', '15%', '17%', '16%'];

interface BudgetsTableProps {
  label: string;
  budgets: Budget[];
  canManage: boolean;
  onEdit: (budget: Budget) => void;
  onRemove: (budget: Budget) => void;
}

function UsageCell({ budget }: { budget: Budget }) {
  const percent = percentUsed(budget);
  return (
    <Stack gap={4}>
      <Tooltip label={budgetStateLabels[budget.state]}>
        <Progress
          value={Math.min(100, percent)}
          color={budgetStateColors[budget.state]}
          size="lg"
          aria-label={`${budgetOwnerName(budget)}: ${percent} % used`}
          data-testid="budget-bar"
          data-state={budget.state}
        />
      </Tooltip>
      <Group gap={6} justify="space-between" wrap="nowrap">
        <Text size="xs" data-testid="budget-use">
          <Text span fw={600} size="xs">
            {formatGpuTime(budget.usedHours, budget.limitHours)}
          </Text>{' '}
          of {formatGpuTime(budget.limitHours)}
        </Text>
        <Text size="xs" fw={600} c={budget.state === 'ok' ? 'dimmed' : budgetStateColors[budget.state]}>
          {percent} %
        </Text>
      </Group>
      {budget.exemptHours > 0 && (
        <Text size="xs" c="dimmed">
          + {formatGpuTime(budget.exemptHours)} exempt, not counted
        </Text>
      )}
    </Stack>
  );
}

function PeriodCell({ budget }: { budget: Budget }) {
  const reset = nextReset(budget);
  return (
    <Stack gap={2}>
      <Text size="sm">{periodLabels[budget.period]}</Text>
      {reset ? (
        <Tooltip label={formatDateTime(reset.toISOString())}>
          <Text size="xs" c="dimmed" w="fit-content">
            resets {formatRelative(reset.toISOString())}
          </Text>
        </Tooltip>
      ) : (
        <Text size="xs" c="dimmed">
          never resets
        </Text>
      )}
    </Stack>
  );
}

function LimitCell({ budget }: { budget: Budget }) {
  return (
    <Stack gap={4} align="flex-start">
      <Badge
        variant={budget.hardLimit ? 'light' : 'outline'}
        color={budget.hardLimit ? 'red' : 'gray'}
        miw="max-content"
      >
        {budget.hardLimit ? 'Hard limit' : 'Warn only'}
      </Badge>
      <Text size="xs" c="dimmed">
        {budget.warnAt.length
          ? `warns at ${budget.warnAt.map((f) => `${Math.round(f * 100)} %`).join(', ')}`
          : 'no warnings'}
      </Text>
    </Stack>
  );
}

export function BudgetsTable({ label, budgets, canManage, onEdit, onRemove }: BudgetsTableProps) {
  const scope = budgets[0]?.scope ?? 'project';
  const headers = [scope === 'project' ? 'Project' : 'Person', 'Used', 'Period', 'Projection', 'Limit'];
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table
        aria-label={label}
        verticalSpacing="sm"
        layout="fixed"
        data-testid="budgets-table"
        data-scope={scope}
      >
        <Table.Thead>
          <Table.Tr>
            {headers.map((h, i) => (
              <Table.Th key={h} w={columnWidths[i]}>
                {h}
              </Table.Th>
            ))}
            {canManage && (
              <Table.Th w={48}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {budgets.map((b) => (
            <Table.Tr key={b.id} data-testid="budget-row" data-name={budgetOwnerName(b)} data-state={b.state}>
              <Table.Td>
                {b.project ? (
                  <Anchor
                    component={Link}
                    to={`/projects/${b.project.id}`}
                    size="sm"
                    fw={500}
                    truncate="end"
                    display="block"
                  >
                    {b.project.name}
                  </Anchor>
                ) : (
                  <Text size="sm" fw={500} truncate="end">
                    {budgetOwnerName(b)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <UsageCell budget={b} />
              </Table.Td>
              <Table.Td>
                <PeriodCell budget={b} />
              </Table.Td>
              <Table.Td>
                <Text
                  size="sm"
                  c={b.state === 'exceeded' ? 'red' : b.daysLeft === null ? 'dimmed' : undefined}
                  data-testid="budget-projection"
                >
                  {describeProjection(b)}
                </Text>
              </Table.Td>
              <Table.Td>
                <LimitCell budget={b} />
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Actions for ${budgetOwnerName(b)}`}
                      >
                        <MoreActionsIcon size={18} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item leftSection={<EditIcon size={16} />} onClick={() => onEdit(b)}>
                        Edit…
                      </Menu.Item>
                      <Menu.Item
                        color="red"
                        leftSection={<TrashIcon size={16} />}
                        onClick={() => onRemove(b)}
                      >
                        Remove…
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
