// Server calls of the scene matrix: pages of characters × the project's scene-type columns, and creating scenes.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { SceneMatrix } from '@/api/types';
import { unwrap } from '@/api/unwrap';
import { matrixKey } from '../scene-types/scene-type-queries';

const pageSize = 200;
/** Cells follow their scenes' generation: the matrix polls while any cell is generating. */
const generatingPollMs = 3000;

const anyGenerating = (pages: readonly SceneMatrix[] | undefined) =>
  pages?.some((p) => p.rows.some((r) => r.cells.some((c) => c.status === 'generating'))) ?? false;

export function useSceneMatrix(projectId: string) {
  return useInfiniteQuery({
    queryKey: matrixKey(projectId),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/projects/{id}/scene-matrix', {
          params: { path: { id: projectId }, query: { limit: pageSize, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // scenes change status on other pages (generated, approved on Review): coming back reads the cells again
    staleTime: 0,
    refetchOnWindowFocus: true,
    refetchInterval: (query) => (anyGenerating(query.state.data?.pages) ? generatingPollMs : false),
    meta: { handlesErrors: true },
  });
}

export interface SceneSelection {
  characterIds?: string[];
  sceneTypeIds?: string[];
}

export function useCreateScenes(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SceneSelection) =>
      unwrap(api.POST('/api/v1/projects/{id}/scenes', { params: { path: { id: projectId } }, body })),
    meta: { handlesErrors: true },
    onSettled: () => queryClient.invalidateQueries({ queryKey: matrixKey(projectId) }),
  });
}
