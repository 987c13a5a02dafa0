// Server calls of the review page (PRD-035/092): the queue with its counts, one decision, undo, batch approval. The
// queue is read in pages of 100 and again every 15 s, so segments that finish generating meanwhile join it.
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { components } from '@/api/schema';
import { unwrap } from '@/api/unwrap';

export type ReviewItem = components['schemas']['ReviewItem'];
export type ReviewDecision = components['schemas']['ReviewDecision'];
export type ReviewCounts = components['schemas']['ReviewQueue']['counts'];
export type ReviewBody = components['schemas']['ReviewBody'];
export type ReviewStateFilter = 'unreviewed' | 'flagged' | 'approved' | 'rejected' | 'all';
export type QaFilter = 'pass' | 'flag' | 'fail';
export type ReasonCode = NonNullable<ReviewBody['reasonCode']>;

export interface ReviewFilter {
  state: ReviewStateFilter;
  sceneTypeId: string | null;
  characterId: string | null;
  qa: QaFilter | null;
}

const pageSize = 100;
const pollMs = 15_000;
export const reviewKey = (projectId: string) => ['review', projectId] as const;

export function useReviewQueue(projectId: string, f: ReviewFilter) {
  return useInfiniteQuery({
    queryKey: [...reviewKey(projectId), f.state, f.sceneTypeId, f.characterId, f.qa],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/projects/{id}/review-queue', {
          params: {
            path: { id: projectId },
            query: {
              limit: pageSize,
              cursor: pageParam,
              state: f.state,
              sceneTypeId: f.sceneTypeId ?? undefined,
              characterId: f.characterId ?? undefined,
              qa: f.qa ?? undefined,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: pollMs,
    refetchOnWindowFocus: true,
    meta: { handlesErrors: true },
  });
}

/** Reading the queue again waits for a pause in the decisions: the page follows them itself meanwhile. */
const rereadAfterMs = 1200;
const rereads = new Map<string, ReturnType<typeof setTimeout>>();

/**
 * After decisions the queue, its counts and the scene pages read again — once the reviewer pauses, not after every
 * key: a refetch per decision competed with the next decision's request and slowed the round trip.
 */
function useReviewMutation<V, R>(projectId: string, call: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { handlesErrors: true },
    onSettled: () => {
      clearTimeout(rereads.get(projectId));
      rereads.set(
        projectId,
        setTimeout(() => {
          rereads.delete(projectId);
          void client.invalidateQueries({ queryKey: reviewKey(projectId) });
          void client.invalidateQueries({ queryKey: ['scenes'] });
        }, rereadAfterMs),
      );
    },
  });
}

export const useReviewDecision = (projectId: string) =>
  useReviewMutation(projectId, ({ segmentId, body }: { segmentId: string; body: ReviewBody }) =>
    unwrap(api.POST('/api/v1/segments/{id}/review', { params: { path: { id: segmentId } }, body })),
  );

export const useUndoReview = (projectId: string) =>
  useReviewMutation(projectId, () =>
    unwrap(api.POST('/api/v1/projects/{id}/review/undo', { params: { path: { id: projectId } }, body: {} })),
  );

/** Approves every unreviewed segment under the filter; `expectedCount` is the count the person confirmed. */
export const useBatchApprove = (projectId: string) =>
  useReviewMutation(projectId, ({ filter, expectedCount }: { filter: ReviewFilter; expectedCount: number }) =>
    unwrap(
      api.POST('/api/v1/projects/{id}/review/batch-approve', {
        params: { path: { id: projectId } },
        body: {
          state: 'unreviewed',
          sceneTypeId: filter.sceneTypeId ?? undefined,
          characterId: filter.characterId ?? undefined,
          qa: filter.qa ?? undefined,
          expectedCount,
        },
      }),
    ),
  );
