// Server calls of the project's Metadata tab: its JSON Schema, and metadata for many characters (export, import).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap, unwrapVersioned } from '@/api/unwrap';
import { charactersKey } from '../characters/character-queries';
import { projectDetailKey, type VersionedProject } from '../project-queries';

export type MetadataFormat = 'csv' | 'json';

export function useSetMetadataSchema(current: VersionedProject) {
  const client = useQueryClient();
  const { id } = current.data;
  return useMutation({
    mutationFn: (schema: Record<string, unknown> | null) =>
      unwrapVersioned(
        api.PUT('/api/v1/projects/{id}/metadata-schema', { params: { path: { id } }, body: { schema } }),
      ),
    meta: { handlesErrors: true },
    onSuccess: (result) => {
      client.setQueryData(projectDetailKey(id), result);
      void client.invalidateQueries({ queryKey: charactersKey });
    },
  });
}

/** Downloads the export through the API (it needs the bearer token, so no plain link). */
export async function downloadMetadata(projectId: string, format: MetadataFormat): Promise<void> {
  const { data, error, response } = await api.GET('/api/v1/projects/{id}/metadata/export', {
    params: { path: { id: projectId }, query: { format } },
    parseAs: 'text',
  });
  if (error || data === undefined) throw new Error(`The export failed (HTTP ${response.status}).`);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(
    new Blob([data], { type: response.headers.get('content-type') ?? 'text/plain' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = name ?? `metadata.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

export interface MetadataUpload {
  format: MetadataFormat;
  content: string;
}

export function useMetadataPreview(projectId: string) {
  return useMutation({
    mutationFn: (upload: MetadataUpload) =>
      unwrap(
        api.POST('/api/v1/projects/{id}/metadata/import/preview', {
          params: { path: { id: projectId } },
          body: { ...upload, skipInvalid: false },
        }),
      ),
    meta: { handlesErrors: true },
  });
}

export function useMetadataImport(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (upload: MetadataUpload & { skipInvalid: boolean }) =>
      unwrap(
        api.POST('/api/v1/projects/{id}/metadata/import', {
          params: { path: { id: projectId } },
          body: upload,
        }),
      ),
    meta: { handlesErrors: true },
    onSuccess: () => void client.invalidateQueries({ queryKey: charactersKey }),
  });
}
