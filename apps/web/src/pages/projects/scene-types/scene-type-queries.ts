// Server calls for scene types (PRD-023): the list a project can use, one type, its edits and its prompt preview.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { SceneType } from '@/api/types';
import { unwrap, unwrapNoContent } from '@/api/unwrap';
import type { PromptTemplatesBody, SceneTypeBody } from './scene-type-fields';

export const sceneTypesKey = ['scene-types'] as const;
const listKey = (projectId: string) => [...sceneTypesKey, 'list', projectId] as const;
const detailKey = (id: string) => [...sceneTypesKey, 'detail', id] as const;
/** The matrix of a project follows its scene types: an edit there reloads it. */
export const matrixKey = (projectId: string) => ['scene-matrix', projectId] as const;

/** Studio-level types and the project's own, enabled or not. */
export function useSceneTypes(projectId: string) {
  return useQuery({
    queryKey: listKey(projectId),
    queryFn: () => unwrap(api.GET('/api/v1/scene-types', { params: { query: { projectId } } })),
    select: (list) => list.items,
    meta: { handlesErrors: true },
  });
}

export function useSceneType(id: string | null) {
  return useQuery({
    queryKey: detailKey(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/scene-types/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
    meta: { handlesErrors: true },
  });
}

function useForget() {
  const queryClient = useQueryClient();
  return (saved?: SceneType) => {
    if (saved) queryClient.setQueryData(detailKey(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: [...sceneTypesKey, 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['scene-matrix'] });
  };
}

/** Tags live on their own route: set them after the scene type is saved, when they changed. */
async function withTags(saved: SceneType, tags: string[] | undefined): Promise<SceneType> {
  if (tags === undefined) return saved;
  const next = [...new Set(tags)].sort();
  if (JSON.stringify(next) === JSON.stringify(saved.tags)) return saved;
  return unwrap(
    api.PUT('/api/v1/scene-types/{id}/tags', { params: { path: { id: saved.id } }, body: { tags: next } }),
  );
}

/** The caller shows field errors and the edit lock itself. */
export function useCreateSceneType() {
  const forget = useForget();
  return useMutation({
    mutationFn: async ({ tags, ...body }: SceneTypeBody & { projectId: string | null; tags: string[] }) =>
      withTags(await unwrap(api.POST('/api/v1/scene-types', { body })), tags),
    meta: { handlesErrors: true },
    onSuccess: (saved) => forget(saved),
  });
}

export function useUpdateSceneType() {
  const forget = useForget();
  return useMutation({
    mutationFn: async ({
      id,
      changes,
      tags,
    }: {
      id: string;
      changes: Partial<SceneTypeBody>;
      tags?: string[];
    }) =>
      withTags(
        await unwrap(api.PATCH('/api/v1/scene-types/{id}', { params: { path: { id } }, body: changes })),
        tags,
      ),
    meta: { handlesErrors: true },
    onSuccess: (saved) => forget(saved),
    onError: () => forget(),
  });
}

export function useDeleteSceneType() {
  const forget = useForget();
  return useMutation({
    mutationFn: (sceneType: SceneType) =>
      unwrapNoContent(api.DELETE('/api/v1/scene-types/{id}', { params: { path: { id: sceneType.id } } })),
    meta: { handlesErrors: true },
    onSettled: () => forget(),
  });
}

/** The server's rendering of (unsaved) prompts for a character of the project. */
export function usePromptPreview(
  sceneTypeId: string | null,
  characterId: string | null,
  prompts: PromptTemplatesBody,
) {
  return useQuery({
    queryKey: [...sceneTypesKey, 'preview', sceneTypeId, characterId, prompts],
    queryFn: () =>
      unwrap(
        api.POST('/api/v1/scene-types/{id}/prompt-preview', {
          params: { path: { id: sceneTypeId ?? '' } },
          body: { characterId: characterId ?? '', prompts },
        }),
      ),
    enabled: sceneTypeId !== null && characterId !== null,
    placeholderData: keepPreviousData,
    meta: { handlesErrors: true },
  });
}
