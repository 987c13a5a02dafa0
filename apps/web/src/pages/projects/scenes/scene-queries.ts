// Server calls for one scene, its tags and its video versions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { SceneVideoVersion } from '@/api/types';
import { unwrap, unwrapNoContent } from '@/api/unwrap';
import { type UploadOptions, uploadForm } from '@/api/upload';

const scenesKey = ['scenes'] as const;
const sceneKey = (id: string) => [...scenesKey, id] as const;
const versionsKey = (id: string, deleted: string) => [...scenesKey, id, 'versions', deleted] as const;
// signed links last one to two hours; refetch well before
const signedUrlRefresh = 30 * 60_000;

export function useScene(id: string) {
  return useQuery({
    queryKey: sceneKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/scenes/{id}', { params: { path: { id } } })),
    meta: { handlesErrors: true },
  });
}

export function useSceneVersions(id: string, deleted: 'exclude' | 'only') {
  return useQuery({
    queryKey: versionsKey(id, deleted),
    queryFn: () =>
      unwrap(api.GET('/api/v1/scenes/{id}/versions', { params: { path: { id }, query: { deleted } } })),
    refetchInterval: signedUrlRefresh,
    meta: { handlesErrors: true },
  });
}

function useSceneChange<V, R>(sceneId: string, call: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { handlesErrors: true },
    onSettled: () => client.invalidateQueries({ queryKey: sceneKey(sceneId) }),
  });
}

export const useImportVersion = (sceneId: string) =>
  useSceneChange(
    sceneId,
    ({ file, notes, options }: { file: File; notes: string; options?: UploadOptions }) =>
      uploadForm<SceneVideoVersion>(
        `/api/v1/scenes/${sceneId}/versions`,
        () => {
          const form = new FormData();
          if (notes.trim()) form.append('notes', notes.trim());
          form.append('file', file, file.name);
          return form;
        },
        options,
      ),
  );

export const useSetFinal = (sceneId: string) =>
  useSceneChange(sceneId, (id: string) =>
    unwrap(api.POST('/api/v1/scene-video-versions/{id}/final', { params: { path: { id } } })),
  );

export const useTrashVersion = (sceneId: string) =>
  useSceneChange(sceneId, (id: string) =>
    unwrapNoContent(api.DELETE('/api/v1/scene-video-versions/{id}', { params: { path: { id } } })),
  );

export const useRestoreVersion = (sceneId: string) =>
  useSceneChange(sceneId, (id: string) =>
    unwrap(api.POST('/api/v1/scene-video-versions/{id}/restore', { params: { path: { id } } })),
  );

export const usePurgeVersion = (sceneId: string) =>
  useSceneChange(sceneId, (id: string) =>
    unwrapNoContent(api.DELETE('/api/v1/scene-video-versions/{id}/purge', { params: { path: { id } } })),
  );

export const useSetSceneTags = (sceneId: string) =>
  useSceneChange(sceneId, (tags: string[]) =>
    unwrap(api.PUT('/api/v1/scenes/{id}/tags', { params: { path: { id: sceneId } }, body: { tags } })),
  );
