// Server calls for a project's test shot gallery (PRD-058): every test shot of its scenes, by scene type and
// character, newest or best QA first. Polls while a test shot is still being made.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { components } from '@/api/schema';
import { unwrap } from '@/api/unwrap';

export type GalleryTestShot = components['schemas']['TestShotList']['items'][number];
export type TestShotSort = 'newest' | 'quality';

export interface TestShotFilters {
  sceneTypeId: string | null;
  characterId: string | null;
  sort: TestShotSort;
  limit: number;
}

/** Starting or promoting a test shot anywhere changes the gallery: invalidate it by this key. */
export const testShotsKey = ['test-shots'] as const;

const generatingPollMs = 3_000;
// signed links last one to two hours; refetch well before
const signedUrlRefresh = 30 * 60_000;

export function useTestShotGallery(projectId: string, filters: TestShotFilters) {
  return useQuery({
    queryKey: [...testShotsKey, projectId, filters],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/projects/{id}/test-shots', {
          params: {
            path: { id: projectId },
            query: {
              sceneTypeId: filters.sceneTypeId ?? undefined,
              characterId: filters.characterId ?? undefined,
              sort: filters.sort,
              limit: filters.limit,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((s) => s.status === 'generating' || s.status === 'pending')
        ? generatingPollMs
        : signedUrlRefresh,
    meta: { handlesErrors: true },
  });
}
