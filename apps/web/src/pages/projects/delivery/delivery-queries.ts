// Server calls for a project's delivery (PRD-102): validation on demand, starting a full or incremental delivery,
// the delivery history (polled every second while one is queued or running) and the output profiles to pick from.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { components } from '@/api/schema';
import { unwrap } from '@/api/unwrap';

export type DeliveryValidation = components['schemas']['DeliveryValidation'];
export type ValidationProblem = DeliveryValidation['problems'][number];
export type Delivery = components['schemas']['Delivery'];
export type DeliveryMode = Delivery['mode'];

const livePollMs = 1_000;
const pageSize = 20;

export const deliveriesKey = (projectId: string) => ['deliveries', projectId] as const;

export const isLive = (d: Delivery) => d.status === 'queued' || d.status === 'running';

/** Validation runs when asked: a deep check decodes every final video and takes a while. */
export function useValidateDelivery(projectId: string) {
  return useMutation({
    mutationFn: ({ profileId, deep }: { profileId: string | null; deep: boolean }) =>
      unwrap(
        api.GET('/api/v1/projects/{id}/delivery/validation', {
          params: {
            path: { id: projectId },
            query: { profileId: profileId ?? undefined, deep: deep ? 'true' : 'false' },
          },
        }),
      ),
  });
}

export function useDeliveries(projectId: string) {
  return useInfiniteQuery({
    queryKey: deliveriesKey(projectId),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/projects/{id}/deliveries', {
          params: { path: { id: projectId }, query: { limit: pageSize, cursor: pageParam ?? undefined } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? null,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some(isLive)) ? livePollMs : false,
    meta: { handlesErrors: true },
  });
}

export function useStartDelivery(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { mode: DeliveryMode; profileId: string | null }) =>
      unwrap(api.POST('/api/v1/projects/{id}/deliveries', { params: { path: { id: projectId } }, body })),
    onSettled: () => client.invalidateQueries({ queryKey: deliveriesKey(projectId) }),
  });
}

export function useOutputProfiles() {
  return useQuery({
    queryKey: ['output-profiles', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/output-profiles', { params: { query: { limit: 100 } } })),
    meta: { handlesErrors: true },
  });
}
