// The render timeline (PRD-090) as a TanStack Query hook: refreshed by live job events (it lives under the job keys)
// and every 15 s, so running blocks grow and estimates move on.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/unwrap';
import { jobKeys } from '../job-queries';

export type TimelineHours = 1 | 6 | 24;

export function useRenderTimeline(hours: TimelineHours, enabled = true) {
  return useQuery({
    queryKey: [...jobKeys.timeline, hours],
    queryFn: () => unwrap(api.GET('/api/v1/jobs/timeline', { params: { query: { hours } } })),
    enabled,
    refetchInterval: 15_000,
    placeholderData: keepPreviousData,
    meta: { handlesErrors: true },
  });
}
