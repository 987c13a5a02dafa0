// Server calls for the job engine and the notification centre as TanStack Query hooks. The live socket keeps them
// fresh (apps/web/src/live); the slow polls here only cover a socket that is down.
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '@/api/client';
import type { paths } from '@/api/schema';
import type { Job, JobPriority, JobState } from '@/api/types';
import { unwrap } from '@/api/unwrap';

export const jobKeys = {
  all: ['jobs'] as const,
  lists: ['jobs', 'list'] as const,
  summary: ['jobs', 'summary'] as const,
  kinds: ['jobs', 'kinds'] as const,
  detail: (id: string) => ['jobs', 'detail', id] as const,
  events: (id: string) => ['jobs', 'events', id] as const,
  /** The render timeline and queue estimates; budgets and schedules change as jobs run, so they live here too. */
  timeline: ['jobs', 'timeline'] as const,
  budgets: ['jobs', 'budgets'] as const,
  schedules: ['jobs', 'schedules'] as const,
};
export const notificationKeys = { all: ['notifications'] as const };

/** Without the socket, lists still move: slowly. */
const fallbackPollMs = 20_000;

type CreateJobBody = paths['/api/v1/jobs']['post']['requestBody']['content']['application/json'];
/** A submission: the server defaults every field but the kind (the generated type lists defaulted ones as required). */
export type NewJob = Pick<CreateJobBody, 'kind'> & Partial<CreateJobBody>;
export type BulkAction = 'cancel' | 'pause' | 'resume' | 'retry' | 'priority' | 'front';
type SimpleAction = 'cancel' | 'pause' | 'resume' | 'retry';

export interface JobFilter {
  states: JobState[] | null;
  order: 'queue' | 'newest';
  owner: 'me' | null;
  kind: string | null;
}

export function useJobPages(filter: JobFilter) {
  return useInfiniteQuery({
    queryKey: [...jobKeys.lists, filter],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/jobs', {
          params: {
            query: {
              limit: 50,
              cursor: pageParam,
              order: filter.order,
              ...(filter.states ? { state: filter.states.join(',') } : {}),
              ...(filter.owner ? { owner: filter.owner } : {}),
              ...(filter.kind ? { kind: filter.kind } : {}),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: fallbackPollMs,
    meta: { handlesErrors: true },
  });
}

/** The signed-in user's running and waiting jobs, for the tray. */
export function useJobSummary() {
  return useQuery({
    queryKey: jobKeys.summary,
    queryFn: () => unwrap(api.GET('/api/v1/jobs/summary')),
    refetchInterval: fallbackPollMs,
    meta: { handlesErrors: true },
  });
}

export function useJobKinds() {
  return useQuery({
    queryKey: jobKeys.kinds,
    queryFn: () => unwrap(api.GET('/api/v1/jobs/kinds')),
    staleTime: Number.POSITIVE_INFINITY,
    meta: { handlesErrors: true },
  });
}

/** One job, for `useQuery` and `useQueries` (a job page lists the jobs it depends on). */
export function jobQuery(id: string) {
  return {
    queryKey: jobKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/jobs/{id}', { params: { path: { id } } })),
    refetchInterval: fallbackPollMs,
    meta: { handlesErrors: true },
  };
}

export function useJob(id: string) {
  return useQuery(jobQuery(id));
}

export function useJobEvents(id: string) {
  return useQuery({
    queryKey: jobKeys.events(id),
    queryFn: () => unwrap(api.GET('/api/v1/jobs/{id}/events', { params: { path: { id } } })),
    refetchInterval: fallbackPollMs,
    meta: { handlesErrors: true },
  });
}

function useInvalidateJobs() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: jobKeys.all });
}

export function useSubmitJob() {
  const invalidate = useInvalidateJobs();
  return useMutation({
    mutationFn: (body: NewJob) => unwrap(api.POST('/api/v1/jobs', { body: body as CreateJobBody })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

/** Cancel, pause, resume or retry one job. */
export function useJobControl() {
  const invalidate = useInvalidateJobs();
  return useMutation({
    mutationFn: ({ job, action }: { job: Pick<Job, 'id'>; action: SimpleAction }) => {
      const params = { params: { path: { id: job.id } } };
      switch (action) {
        case 'cancel':
          return unwrap(api.POST('/api/v1/jobs/{id}/cancel', params));
        case 'pause':
          return unwrap(api.POST('/api/v1/jobs/{id}/pause', params));
        case 'resume':
          return unwrap(api.POST('/api/v1/jobs/{id}/resume', params));
        case 'retry':
          return unwrap(api.POST('/api/v1/jobs/{id}/retry', { ...params, body: {} }));
      }
    },
    onSuccess: invalidate,
  });
}

export function useSetJobPriority() {
  const invalidate = useInvalidateJobs();
  return useMutation({
    mutationFn: ({ id, priority }: { id: string; priority: JobPriority }) =>
      unwrap(api.PUT('/api/v1/jobs/{id}/priority', { params: { path: { id } }, body: { priority } })),
    onSuccess: invalidate,
  });
}

export type JobMove = { to: 'front' | 'back' } | { before: string } | { after: string };

export function useMoveJob() {
  const invalidate = useInvalidateJobs();
  return useMutation({
    mutationFn: ({ id, move }: { id: string; move: JobMove }) =>
      unwrap(api.POST('/api/v1/jobs/{id}/move', { params: { path: { id } }, body: move })),
    onSuccess: invalidate,
    // a refused drop must not leave the table in the order the user dragged it to
    onError: invalidate,
  });
}

export function useScheduleJob() {
  const invalidate = useInvalidateJobs();
  return useMutation({
    mutationFn: ({ id, runAt }: { id: string; runAt: string | null }) =>
      unwrap(api.PUT('/api/v1/jobs/{id}/schedule', { params: { path: { id } }, body: { runAt } })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

export function useBulkJobAction() {
  const invalidate = useInvalidateJobs();
  return useMutation({
    mutationFn: (body: { action: BulkAction; ids: string[]; priority?: JobPriority }) =>
      unwrap(api.POST('/api/v1/jobs/bulk', { body })),
    onSuccess: invalidate,
  });
}

/** The latest notifications with the unread count (the bell); the live socket also reads it to toast new ones. */
export const notificationsQuery = {
  queryKey: notificationKeys.all,
  queryFn: () => unwrap(api.GET('/api/v1/me/notifications', { params: { query: { limit: 20 } } })),
  meta: { handlesErrors: true },
};

export function useNotifications() {
  return useQuery({ ...notificationsQuery, refetchInterval: 60_000 });
}

/** Marks the given notifications read, or all of them. */
export function useMarkNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) =>
      unwrap(api.POST('/api/v1/me/notifications/read', { body: ids ? { ids } : {} })),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
