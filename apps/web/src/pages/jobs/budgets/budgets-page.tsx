// GPU budgets and quotas (PRD-093): how much GPU time each project and each person has used of what they may use.
// Job managers add, change and remove them; everyone else reads them.
import { roleCan } from '@i2v/domain';
import { Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Budget } from '@/api/types';
import { useCurrentUser } from '@/auth/use-session';
import {
  AddIcon,
  BudgetsIcon,
  ConfirmDialog,
  EmptyList,
  LoadError,
  notifyError,
  notifySuccess,
  PageHeader,
} from '@/components';
import { JobsTabs } from '../jobs-tabs';
import { budgetOwnerName } from './budget-format';
import { BudgetModal } from './budget-modal';
import { useBudgets, useRemoveBudget } from './budget-queries';
import { BudgetsTable } from './budgets-table';

function Section({
  title,
  description,
  none,
  children,
}: {
  title: string;
  description: string;
  none: string | null;
  children: React.ReactNode;
}) {
  return (
    <Stack gap="xs">
      <div>
        <Title order={2} size="h4">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      </div>
      <Card p={none ? 'md' : 0}>
        {none ? (
          <Text size="sm" c="dimmed">
            {none}
          </Text>
        ) : (
          children
        )}
      </Card>
    </Stack>
  );
}

export function BudgetsPage() {
  const me = useCurrentUser();
  const canManage = roleCan(me.role, 'jobs.manage');
  const list = useBudgets();
  const remove = useRemoveBudget();
  const [dialog, setDialog] = useState<{ opened: boolean; budget: Budget | null }>({
    opened: false,
    budget: null,
  });
  const [removing, setRemoving] = useState<Budget | null>(null);
  const budgets = list.data?.items;
  const projects = budgets?.filter((b) => b.scope === 'project') ?? [];
  const people = budgets?.filter((b) => b.scope === 'user') ?? [];

  const addButton = canManage && (
    <Button
      leftSection={<AddIcon size={16} />}
      onClick={() => setDialog({ opened: true, budget: null })}
      data-testid="add-budget"
    >
      Add budget
    </Button>
  );
  const edit = (budget: Budget) => setDialog({ opened: true, budget });

  return (
    <>
      <JobsTabs />
      <PageHeader
        title="Budgets"
        description="GPU time each project and each person may use, counted from finished renders. Near a limit the owner is warned; at a hard limit new renders wait until the period resets or the limit is raised."
        actions={addButton}
      />
      {list.isError && <LoadError what="budgets" error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Skeleton h={200} />}
      {budgets && budgets.length === 0 && (
        <Card>
          <EmptyList
            title="No budgets or quotas"
            icon={<BudgetsIcon size={28} />}
            description={
              canManage
                ? 'Renders are not limited. Give a project a budget to keep its GPU time in check, or a person a quota.'
                : 'Renders are not limited. A job manager can give projects budgets and people quotas.'
            }
            action={addButton || undefined}
          />
        </Card>
      )}
      {budgets && budgets.length > 0 && (
        <Stack gap="xl">
          <Section
            title="Project budgets"
            description="Every render of the project counts, whoever starts it."
            none={projects.length ? null : 'No project has a budget.'}
          >
            <BudgetsTable
              label="Project budgets"
              budgets={projects}
              canManage={canManage}
              onEdit={edit}
              onRemove={setRemoving}
            />
          </Section>
          <Section
            title="Quotas"
            description="A person's renders in every project count."
            none={people.length ? null : 'Nobody has a quota.'}
          >
            <BudgetsTable
              label="Quotas"
              budgets={people}
              canManage={canManage}
              onEdit={edit}
              onRemove={setRemoving}
            />
          </Section>
          <Group justify="flex-end">
            <Text size="xs" c="dimmed">
              Exempt renders (started by a job manager) are shown apart and never counted.
            </Text>
          </Group>
        </Stack>
      )}
      <BudgetModal
        opened={dialog.opened}
        budget={dialog.budget}
        onClose={() => setDialog((d) => ({ ...d, opened: false }))}
      />
      <ConfirmDialog
        opened={removing !== null}
        title={removing?.scope === 'user' ? 'Remove quota' : 'Remove budget'}
        confirmLabel="Remove"
        danger
        loading={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(removing, {
            onSuccess: () => {
              notifySuccess(`${removing ? budgetOwnerName(removing) : ''} is no longer limited.`);
              setRemoving(null);
            },
            onError: (error) => notifyError(error, 'Could not remove it'),
          })
        }
      >
        {removing && (
          <>
            <strong>{budgetOwnerName(removing)}</strong> is no longer limited; held renders start again. The
            GPU time used so far stays in the jobs' history.
          </>
        )}
      </ConfirmDialog>
    </>
  );
}
