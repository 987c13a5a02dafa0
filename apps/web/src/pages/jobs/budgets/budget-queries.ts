// Server calls for GPU budgets and quotas (PRD-093) as TanStack Query hooks. They live under the job keys, so a
// finished job (which uses GPU time) refreshes them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { paths } from '@/api/schema';
import type { Budget } from '@/api/types';
import { unwrap, unwrapNoContent } from '@/api/unwrap';
import { jobKeys } from '../job-queries';

export type NewBudget = paths['/api/v1/budgets']['post']['requestBody']['content']['application/json'];
export type BudgetChange =
  paths['/api/v1/budgets/{id}']['patch']['requestBody']['content']['application/json'];

export interface BudgetFilter {
  projectId?: string | undefined;
  userId?: string | undefined;
}

export function useBudgets(filter: BudgetFilter = {}, enabled = true) {
  return useQuery({
    queryKey: [...jobKeys.budgets, filter],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/budgets', {
          params: {
            query: {
              ...(filter.projectId ? { projectId: filter.projectId } : {}),
              ...(filter.userId ? { userId: filter.userId } : {}),
            },
          },
        }),
      ),
    enabled,
    refetchInterval: 60_000,
    meta: { handlesErrors: true },
  });
}

function useInvalidateBudgets() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: jobKeys.budgets });
}

export function useCreateBudget() {
  const invalidate = useInvalidateBudgets();
  return useMutation({
    mutationFn: (body: NewBudget) => unwrap(api.POST('/api/v1/budgets', { body })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

export function useUpdateBudget() {
  const invalidate = useInvalidateBudgets();
  return useMutation({
    mutationFn: ({ budget, change }: { budget: Budget; change: BudgetChange }) =>
      unwrap(api.PATCH('/api/v1/budgets/{id}', { params: { path: { id: budget.id } }, body: change })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

export function useRemoveBudget() {
  const invalidate = useInvalidateBudgets();
  return useMutation({
    mutationFn: (budget: Budget) =>
      unwrapNoContent(api.DELETE('/api/v1/budgets/{id}', { params: { path: { id: budget.id } } })),
    onSuccess: invalidate,
  });
}

/** What a budget can be set for: the studio's projects and its active users (the first 200 of each). */
export function useBudgetTargets(enabled: boolean) {
  const projects = useQuery({
    queryKey: ['projects', 'list', 'budget-targets'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/projects', { params: { query: { limit: 200, deleted: 'exclude' } } })),
    enabled,
    meta: { handlesErrors: true },
  });
  const users = useQuery({
    queryKey: ['users', 'list', 'budget-targets'],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 200, status: 'active' } } })),
    enabled,
    meta: { handlesErrors: true },
  });
  return { projects, users };
}
