// Server calls for recurring schedules (PRD-008 §2.1) as TanStack Query hooks. A fired schedule submits a job, so
// job events refresh them (they live under the job keys).
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { paths } from '@/api/schema';
import type { JobSchedule } from '@/api/types';
import { unwrap, unwrapNoContent } from '@/api/unwrap';
import { jobKeys } from '../job-queries';

type CreateBody = paths['/api/v1/job-schedules']['post']['requestBody']['content']['application/json'];
/** The server defaults the template's tags, attempts and flags (the generated type lists them as required). */
export type NewSchedule = Omit<CreateBody, 'job'> & {
  job: Pick<CreateBody['job'], 'kind' | 'payload' | 'priority'> & Partial<CreateBody['job']>;
};
export type ScheduleChange =
  paths['/api/v1/job-schedules/{id}']['patch']['requestBody']['content']['application/json'];

export function useSchedulePages() {
  return useInfiniteQuery({
    queryKey: [...jobKeys.schedules, 'list'],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/job-schedules', { params: { query: { limit: 50, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
    meta: { handlesErrors: true },
  });
}

function useInvalidateSchedules() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: jobKeys.schedules });
}

export function useCreateSchedule() {
  const invalidate = useInvalidateSchedules();
  return useMutation({
    mutationFn: (body: NewSchedule) =>
      unwrap(api.POST('/api/v1/job-schedules', { body: body as CreateBody })),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

export function useUpdateSchedule() {
  const invalidate = useInvalidateSchedules();
  return useMutation({
    mutationFn: ({ schedule, change }: { schedule: JobSchedule; change: ScheduleChange }) =>
      unwrap(
        api.PATCH('/api/v1/job-schedules/{id}', { params: { path: { id: schedule.id } }, body: change }),
      ),
    onSuccess: invalidate,
    meta: { handlesErrors: true },
  });
}

export function useDeleteSchedule() {
  const invalidate = useInvalidateSchedules();
  return useMutation({
    mutationFn: (schedule: JobSchedule) =>
      unwrapNoContent(api.DELETE('/api/v1/job-schedules/{id}', { params: { path: { id: schedule.id } } })),
    onSuccess: invalidate,
  });
}
