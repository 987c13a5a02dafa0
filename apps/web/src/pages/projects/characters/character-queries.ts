// Server calls for characters, their source image and image variants, as TanStack Query hooks. Image URLs are
// signed for one to two hours, so these queries refetch on focus and now and then while a page stays open.
import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { isApiError } from '@/api/api-error';
import { api } from '@/api/client';
import type { Character, ImageVariant } from '@/api/types';
import { unwrap, unwrapNoContent } from '@/api/unwrap';
import { type UploadOptions, uploadFile } from '@/api/upload';

const pageSize = 48;
const signedUrlRefresh = 30 * 60_000;
export const charactersKey = ['characters'] as const;
const listsKey = (projectId: string) => [...charactersKey, 'list', projectId] as const;
const detailKey = (id: string) => [...charactersKey, 'detail', id] as const;

export function useCharacterPages(projectId: string, q: string, tags: string[] = []) {
  return useInfiniteQuery({
    queryKey: [...listsKey(projectId), q.trim(), tags.join(',')],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/projects/{id}/characters', {
          params: {
            path: { id: projectId },
            query: {
              limit: pageSize,
              cursor: pageParam,
              q: q.trim() || undefined,
              tags: tags.join(',') || undefined,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // While a new search loads, the previous cards stay instead of a flash of skeletons.
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
    refetchInterval: signedUrlRefresh,
    meta: { handlesErrors: true },
  });
}

export function useCharacter(id: string, enabled = true) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/characters/{id}', { params: { path: { id } } })),
    enabled: enabled && id !== '',
    refetchOnWindowFocus: true,
    refetchInterval: signedUrlRefresh,
    meta: { handlesErrors: true },
  });
}

/** A character the server just returned becomes the cached one; its project's grid may have changed with it. */
function remember(queryClient: QueryClient, character: Character) {
  queryClient.setQueryData(detailKey(character.id), character);
  void queryClient.invalidateQueries({ queryKey: listsKey(character.projectId) });
}

/** After a change the answer does not fully describe (a variant, a decision): reload the character and grid. */
function reload(queryClient: QueryClient, character: Pick<Character, 'id' | 'projectId'>) {
  void queryClient.invalidateQueries({ queryKey: detailKey(character.id) });
  void queryClient.invalidateQueries({ queryKey: listsKey(character.projectId) });
}

export function useCreateCharacter(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      unwrap(
        api.POST('/api/v1/projects/{id}/characters', { params: { path: { id: projectId } }, body: { name } }),
      ),
    meta: { handlesErrors: true },
    onSuccess: (character) => remember(queryClient, character),
  });
}

export interface CharacterEdit {
  name?: string;
  metadata?: Record<string, unknown>;
}

/** The caller shows field errors and the edit lock (409 `project.locked`) itself. */
export function useUpdateCharacter(character: Character) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (edit: CharacterEdit) =>
      unwrap(api.PATCH('/api/v1/characters/{id}', { params: { path: { id: character.id } }, body: edit })),
    meta: { handlesErrors: true },
    onSuccess: (saved) => remember(queryClient, saved),
    // Locked or trashed meanwhile: show the character as it is now.
    onError: (error) => {
      if (isApiError(error) && error.status === 409 && error.code !== 'character.name_taken')
        reload(queryClient, character);
    },
  });
}

export function useTrashCharacter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (character: Character) =>
      unwrapNoContent(api.DELETE('/api/v1/characters/{id}', { params: { path: { id: character.id } } })),
    meta: { handlesErrors: true },
    onSuccess: (_, character) => {
      queryClient.removeQueries({ queryKey: detailKey(character.id) });
      void queryClient.invalidateQueries({ queryKey: listsKey(character.projectId) });
    },
  });
}

export function useRestoreCharacter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (character: Character) =>
      unwrap(api.POST('/api/v1/characters/{id}/restore', { params: { path: { id: character.id } } })),
    meta: { handlesErrors: true },
    onSuccess: (restored) => {
      queryClient.setQueryData(detailKey(restored.id), restored);
      void queryClient.invalidateQueries({ queryKey: listsKey(restored.projectId) });
    },
  });
}

/** Replaces the character's tags; the detail and the lists show them at once. */
export function useSetCharacterTags(character: Character) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tags: string[]) =>
      unwrap(
        api.PUT('/api/v1/characters/{id}/tags', { params: { path: { id: character.id } }, body: { tags } }),
      ),
    meta: { handlesErrors: true },
    onSuccess: (saved) => {
      queryClient.setQueryData(detailKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: listsKey(saved.projectId) });
      void queryClient.invalidateQueries({ queryKey: ['tags'] });
    },
  });
}

/** Tag names for autocomplete, most used first. */
export function useTagSuggestions(prefix: string) {
  return useQuery({
    queryKey: ['tags', prefix],
    queryFn: () =>
      unwrap(api.GET('/api/v1/tags', { params: { query: { q: prefix || undefined, limit: 20 } } })),
    select: (data) => data.items.map((t) => t.name),
    staleTime: 30_000,
  });
}

export function uploadSourceImage(character: Character, file: File, options: UploadOptions) {
  return uploadFile<Character>(
    `/api/v1/characters/${encodeURIComponent(character.id)}/source-image`,
    file,
    options,
  );
}

export function uploadVariant(character: Character, slug: string, file: File, options: UploadOptions) {
  const url = `/api/v1/characters/${encodeURIComponent(character.id)}/variants?variantType=${encodeURIComponent(slug)}`;
  return uploadFile<ImageVariant>(url, file, options);
}

/** Keeps the cache in step with uploads, so new images show before the character is reloaded. */
export function useRememberUpload() {
  const queryClient = useQueryClient();
  return {
    sourceImage: (character: Character) => remember(queryClient, character),
    variant: (character: Character, variant: ImageVariant) => {
      queryClient.setQueryData<Character>(detailKey(character.id), (cached) =>
        cached
          ? { ...cached, variants: [variant, ...cached.variants], variantCount: cached.variantCount + 1 }
          : cached,
      );
      reload(queryClient, character);
    },
  };
}

export type VariantDecision = 'approve' | 'reject' | 'hero';

/** Marks a decided variant in the cached character: a new hero takes the marker from the previous one. */
function withDecision(character: Character, decided: ImageVariant): Character {
  return {
    ...character,
    variants: character.variants.map((variant) => {
      if (variant.id === decided.id) return decided;
      if (decided.isHero && variant.isHero && variant.variantType.id === decided.variantType.id)
        return { ...variant, isHero: false };
      return variant;
    }),
  };
}

export function useDecideVariant(character: Character) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ variant, decision }: { variant: ImageVariant; decision: VariantDecision }) =>
      unwrap(
        api.POST('/api/v1/image-variants/{id}/decision', {
          params: { path: { id: variant.id } },
          body: { decision },
        }),
      ),
    meta: { handlesErrors: true },
    onSuccess: (decided) => {
      queryClient.setQueryData<Character>(detailKey(character.id), (cached) =>
        cached ? withDecision(cached, decided) : cached,
      );
    },
    onSettled: () => reload(queryClient, character),
  });
}

export function useDeleteVariant(character: Character) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variant: ImageVariant) =>
      unwrapNoContent(api.DELETE('/api/v1/image-variants/{id}', { params: { path: { id: variant.id } } })),
    meta: { handlesErrors: true },
    onSettled: () => reload(queryClient, character),
  });
}

export function useDeleteSourceImage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sourceImageId: string) =>
      unwrap(api.DELETE('/api/v1/source-images/{id}', { params: { path: { id: sourceImageId } } })),
    meta: { handlesErrors: true },
    onSuccess: (saved) => remember(queryClient, saved),
  });
}
