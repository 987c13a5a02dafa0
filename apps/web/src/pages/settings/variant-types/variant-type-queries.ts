// Server calls of the Image variant types page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { ImageVariantType } from '@/api/types';
import { unwrap, unwrapNoContent } from '@/api/unwrap';

const variantTypesKey = ['image-variant-types'] as const;

export function useVariantTypes() {
  return useQuery({
    queryKey: variantTypesKey,
    queryFn: () => unwrap(api.GET('/api/v1/image-variant-types')),
    select: (list) => list.items,
    meta: { handlesErrors: true },
  });
}

export interface NewVariantType {
  name: string;
  slug: string;
  filePrefix: string;
  isDefault: boolean;
}

export function useCreateVariantType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewVariantType) => unwrap(api.POST('/api/v1/image-variant-types', { body })),
    meta: { handlesErrors: true },
    // Making a new default changes the previous default too: reload the whole list.
    onSettled: () => queryClient.invalidateQueries({ queryKey: variantTypesKey }),
  });
}

export interface VariantTypeChange {
  type: ImageVariantType;
  changes: {
    name?: string;
    filePrefix?: string;
    isDefault?: true;
    sortOrder?: number;
    /** The image-to-image workflow version a variant of this type is generated with; null: none. */
    generationWorkflowVersionId?: string | null;
    generationPrompt?: string;
  };
}

export function useUpdateVariantType({ handlesErrors = false } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ type, changes }: VariantTypeChange) =>
      unwrap(
        api.PATCH('/api/v1/image-variant-types/{id}', { params: { path: { id: type.id } }, body: changes }),
      ),
    meta: { handlesErrors },
    onSettled: () => queryClient.invalidateQueries({ queryKey: variantTypesKey }),
  });
}

export function useDeleteVariantType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (type: ImageVariantType) =>
      unwrapNoContent(api.DELETE('/api/v1/image-variant-types/{id}', { params: { path: { id: type.id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: variantTypesKey }),
  });
}
