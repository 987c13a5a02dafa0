// Server calls for output profiles (the Output profiles page) and renditions of a scene video version.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { components } from '@/api/schema';
import type { MediaFile } from '@/api/types';
import { unwrap, unwrapNoContent } from '@/api/unwrap';
import { uploadFile } from '@/api/upload';

export type OutputProfile = components['schemas']['OutputProfile'];
export type Rendition = components['schemas']['Rendition'];
export type Watermark = components['schemas']['Watermark'];
export type OutputProfileBody = Omit<
  OutputProfile,
  'id' | 'isPreset' | 'createdBy' | 'createdAt' | 'updatedAt'
>;

const profilesKey = ['output-profiles'] as const;
const renditionsKey = (versionId: string) => ['renditions', versionId] as const;

/** Every output profile (a studio keeps a handful), by name. */
export function useOutputProfiles() {
  return useQuery({
    queryKey: profilesKey,
    queryFn: () => unwrap(api.GET('/api/v1/output-profiles', { params: { query: { limit: 200 } } })),
    select: (page) => page.items,
    meta: { handlesErrors: true },
  });
}

export function useSaveOutputProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: OutputProfileBody }) =>
      id
        ? unwrap(api.PATCH('/api/v1/output-profiles/{id}', { params: { path: { id } }, body }))
        : unwrap(api.POST('/api/v1/output-profiles', { body })),
    meta: { handlesErrors: true },
    onSettled: () => client.invalidateQueries({ queryKey: profilesKey }),
  });
}

export function useDuplicateOutputProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (profile: OutputProfile) =>
      unwrap(
        api.POST('/api/v1/output-profiles/{id}/duplicate', {
          params: { path: { id: profile.id } },
          body: {},
        }),
      ),
    meta: { handlesErrors: true },
    onSettled: () => client.invalidateQueries({ queryKey: profilesKey }),
  });
}

export function useDeleteOutputProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (profile: OutputProfile) =>
      unwrapNoContent(api.DELETE('/api/v1/output-profiles/{id}', { params: { path: { id: profile.id } } })),
    meta: { handlesErrors: true },
    onSettled: () => client.invalidateQueries({ queryKey: profilesKey }),
  });
}

/** The renditions of a version; polled while one is being made. */
export function useRenditions(versionId: string) {
  return useQuery({
    queryKey: renditionsKey(versionId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/video-versions/{id}/renditions', { params: { path: { id: versionId } } })),
    select: (list) => list.items,
    refetchInterval: (query) =>
      query.state.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ? 1000 : false,
    meta: { handlesErrors: true },
  });
}

/** Asks for a rendition: `{ profileId }`, or `{ reviewCut: null }` for a review cut with the project's watermark. */
export function useRequestRendition(versionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { profileId: string } | { reviewCut: Watermark | null }) =>
      unwrap(
        api.POST('/api/v1/video-versions/{id}/renditions', { params: { path: { id: versionId } }, body }),
      ),
    meta: { handlesErrors: true },
    onSettled: () => client.invalidateQueries({ queryKey: renditionsKey(versionId) }),
  });
}

/** Stores an image to use as a watermark. */
export const uploadWatermarkImage = (file: File) => uploadFile<MediaFile>('/api/v1/watermark-images', file);
