// Server calls for character imports (upload, preview, adjust, commit, cancel) as TanStack Query hooks. An import
// being analysed or imported is polled every second so its progress moves.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { CharacterImport } from '@/api/types';
import { unwrap } from '@/api/unwrap';
import { type UploadOptions, uploadForm } from '@/api/upload';

const importsKey = ['imports'] as const;
const listKey = (projectId: string) => [...importsKey, 'list', projectId] as const;
const detailKey = (id: string) => [...importsKey, 'detail', id] as const;
const busy = (status: CharacterImport['status'] | undefined) =>
  status === 'analysing' || status === 'importing';

/** A file to upload with its path inside the dropped folder, e.g. `cast/Ava/source.png`. */
export interface FolderFile {
  path: string;
  file: File;
}

export type ImportUpload = { kind: 'folder'; files: FolderFile[] } | { kind: 'zip'; file: File };

export function useImportPages(projectId: string) {
  return useInfiniteQuery({
    queryKey: listKey(projectId),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/projects/{id}/imports', {
          params: { path: { id: projectId }, query: { limit: 20, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((i) => busy(i.status))) ? 2000 : false,
    meta: { handlesErrors: true },
  });
}

export function useImport(id: string) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/imports/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (busy(query.state.data?.status) ? 1000 : false),
    meta: { handlesErrors: true },
  });
}

export function useStartImport(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ upload, options }: { upload: ImportUpload; options?: UploadOptions }) =>
      uploadForm<CharacterImport>(
        `/api/v1/projects/${projectId}/imports`,
        () => {
          const form = new FormData();
          if (upload.kind === 'zip') form.append('archive', upload.file, upload.file.name);
          else for (const f of upload.files) form.append('file', f.file, f.path);
          return form;
        },
        options,
      ),
    onSuccess: (started) => {
      client.setQueryData(detailKey(started.id), started);
      void client.invalidateQueries({ queryKey: listKey(projectId) });
    },
  });
}

function useImportChange<V>(id: string, call: (vars: V) => Promise<CharacterImport>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (changed) => {
      client.setQueryData(detailKey(id), changed);
      void client.invalidateQueries({ queryKey: listKey(changed.projectId) });
    },
  });
}

export const useAdjustImport = (id: string) =>
  useImportChange(id, (entries: { folder: string; name?: string; skip?: boolean }[]) =>
    unwrap(api.PATCH('/api/v1/imports/{id}', { params: { path: { id } }, body: { entries } })),
  );

export const useCommitImport = (id: string) =>
  useImportChange(id, (skipInvalid: boolean) =>
    unwrap(api.POST('/api/v1/imports/{id}/commit', { params: { path: { id } }, body: { skipInvalid } })),
  );

export const useCancelImport = (id: string) =>
  useImportChange(id, (_: undefined) =>
    unwrap(api.POST('/api/v1/imports/{id}/cancel', { params: { path: { id } } })),
  );
