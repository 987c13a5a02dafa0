// Server calls for poster frames (PRD-096) of characters and scenes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap, unwrapNoContent } from '@/api/unwrap';

export type PosterOwner = 'character' | 'scene';

export const posterKey = (owner: PosterOwner, id: string) => ['posters', owner, id] as const;

export function usePoster(owner: PosterOwner, id: string) {
  return useQuery({
    queryKey: posterKey(owner, id),
    queryFn: () =>
      owner === 'scene'
        ? unwrap(api.GET('/api/v1/scenes/{id}/poster', { params: { path: { id } } }))
        : unwrap(api.GET('/api/v1/characters/{id}/poster', { params: { path: { id } } })),
    meta: { handlesErrors: true },
  });
}

export function usePosterActions(owner: PosterOwner, id: string) {
  const client = useQueryClient();
  const settle = async () => {
    await client.invalidateQueries({ queryKey: posterKey(owner, id) });
    // lists show posters: characters' cards
    await client.invalidateQueries({ queryKey: ['characters'] });
  };
  const path = { params: { path: { id } } };
  const set = useMutation({
    meta: { handlesErrors: true },
    onSettled: settle,
    mutationFn: (body: { fileId?: string; frame?: number }) =>
      owner === 'scene'
        ? unwrap(api.PUT('/api/v1/scenes/{id}/poster', { ...path, body }))
        : unwrap(api.PUT('/api/v1/characters/{id}/poster', { ...path, body })),
  });
  const auto = useMutation({
    meta: { handlesErrors: true },
    onSettled: settle,
    mutationFn: () =>
      owner === 'scene'
        ? unwrap(api.POST('/api/v1/scenes/{id}/poster/auto', path))
        : unwrap(api.POST('/api/v1/characters/{id}/poster/auto', path)),
  });
  const clear = useMutation({
    meta: { handlesErrors: true },
    onSettled: settle,
    mutationFn: () =>
      owner === 'scene'
        ? unwrapNoContent(api.DELETE('/api/v1/scenes/{id}/poster', path))
        : unwrapNoContent(api.DELETE('/api/v1/characters/{id}/poster', path)),
  });
  return { set, auto, clear };
}
