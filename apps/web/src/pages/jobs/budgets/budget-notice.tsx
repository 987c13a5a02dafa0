// The signed-in user's GPU quota and the chosen project's budget, as the New render dialog shows them: a quiet line
// while there is room, an alert when running low or used up.
import { Alert, Stack, Text } from '@mantine/core';
import type { Budget } from '@/api/types';
import { ErrorIcon, WarningIcon } from '@/components';
import { budgetOwnerName, describeProjection, describeUse } from './budget-format';
import { useBudgets } from './budget-queries';

function whoseOf(budget: Budget): string {
  return budget.scope === 'user' ? 'Your GPU quota' : `The budget of ${budgetOwnerName(budget)}`;
}

function BudgetLine({ budget, exempt }: { budget: Budget; exempt: boolean }) {
  const whose = whoseOf(budget);
  const common = {
    'data-testid': 'budget-notice',
    'data-scope': budget.scope,
    'data-state': budget.state,
  };
  if (budget.state === 'ok') {
    return (
      <Text size="xs" c="dimmed" {...common}>
        {whose}: {describeUse(budget)}.
      </Text>
    );
  }
  const exceeded = budget.state === 'exceeded';
  return (
    <Alert
      color={exceeded ? 'red' : 'yellow'}
      variant="light"
      icon={exceeded ? <ErrorIcon size={18} /> : <WarningIcon size={18} />}
      title={exceeded ? `${whose} is used up` : `${whose} is running low`}
      p="xs"
      {...common}
    >
      <Text size="xs">
        {describeUse(budget)}
        {exceeded ? '. ' : `; ${describeProjection(budget)}. `}
        {exceeded &&
          (exempt
            ? 'This render is exempt from budgets, so it runs anyway.'
            : budget.hardLimit
              ? 'New GPU jobs are refused until the period resets or an admin raises the limit.'
              : 'The limit only warns; renders still run.')}
      </Text>
    </Alert>
  );
}

export function BudgetNotice({
  userId,
  projectId,
  exempt,
}: {
  userId: string;
  projectId: string | null;
  exempt: boolean;
}) {
  const mine = useBudgets({ userId });
  const project = useBudgets({ projectId: projectId ?? undefined }, Boolean(projectId));
  const budgets = [
    ...(mine.data?.items.filter((b) => b.scope === 'user') ?? []),
    ...(projectId ? (project.data?.items.filter((b) => b.scope === 'project') ?? []) : []),
  ];
  if (budgets.length === 0) return null;
  return (
    <Stack gap={6}>
      {budgets.map((b) => (
        <BudgetLine key={b.id} budget={b} exempt={exempt} />
      ))}
    </Stack>
  );
}
