// Server calls for workflows (list, detail, versions, import, slots, validation, dry run, diff) as TanStack Query hooks.
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '@/api/client';
import type { paths } from '@/api/schema';
import { unwrap, unwrapNoContent } from '@/api/unwrap';
import { uploadForm } from '@/api/upload';

export type Workflow =
  paths['/api/v1/workflows/{id}']['get']['responses'][200]['content']['application/json'];
export type WorkflowVersion =
  paths['/api/v1/workflow-versions/{id}']['get']['responses'][200]['content']['application/json'];
export type WorkflowSlot = WorkflowVersion['parameters'][number];
export type WorkflowDiff =
  paths['/api/v1/workflows/{id}/diff']['get']['responses'][200]['content']['application/json'];
export type ImportResult =
  paths['/api/v1/workflows/upload']['post']['responses'][201]['content']['application/json'];
export type SlotsBody =
  paths['/api/v1/workflow-versions/{id}/parameters']['patch']['requestBody']['content']['application/json'];

const workflowsKey = ['workflows'] as const;

export function useWorkflowPages(q: string) {
  return useInfiniteQuery({
    queryKey: [...workflowsKey, 'list', q],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/workflows', {
          params: { query: { limit: 25, cursor: pageParam, ...(q ? { q } : {}) } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    meta: { handlesErrors: true },
  });
}

export function useWorkflow(id: string | null) {
  return useQuery({
    queryKey: [...workflowsKey, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/workflows/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    meta: { handlesErrors: true },
  });
}

export function useWorkflowVersion(id: string | null) {
  return useQuery({
    queryKey: [...workflowsKey, 'version', id],
    queryFn: () => unwrap(api.GET('/api/v1/workflow-versions/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    meta: { handlesErrors: true },
  });
}

export function useWorkflowWorkers() {
  return useQuery({
    queryKey: [...workflowsKey, 'workers'],
    queryFn: () => unwrap(api.GET('/api/v1/workflows/workers')),
    meta: { handlesErrors: true },
  });
}

export function useWorkflowDiff(workflowId: string, from: string | null, to: string | null) {
  return useQuery({
    queryKey: [...workflowsKey, 'diff', workflowId, from, to],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/workflows/{id}/diff', {
          params: { path: { id: workflowId }, query: { from: from!, to: to! } },
        }),
      ),
    enabled: Boolean(from && to && from !== to),
    meta: { handlesErrors: true },
  });
}

/** Uploads a workflow file: a new workflow, or a new version of `workflowId`. */
export function useUploadWorkflow(workflowId?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { file: File; name?: string; allowDuplicate?: boolean }) =>
      uploadForm<ImportResult>(
        workflowId ? `/api/v1/workflows/${workflowId}/versions/upload` : '/api/v1/workflows/upload',
        () => {
          const form = new FormData();
          if (input.name && !workflowId) form.append('name', input.name);
          if (input.allowDuplicate) form.append('allowDuplicate', 'true');
          form.append('file', input.file, input.file.name);
          return form;
        },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: workflowsKey }),
  });
}

export function useUpdateSlots() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ versionId, body }: { versionId: string; body: SlotsBody }) =>
      unwrap(
        api.PATCH('/api/v1/workflow-versions/{id}/parameters', { params: { path: { id: versionId } }, body }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: workflowsKey }),
  });
}

export function useValidateVersion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) =>
      unwrap(
        api.POST('/api/v1/workflow-versions/{id}/validate', {
          params: { path: { id: versionId } },
          body: {},
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: workflowsKey }),
  });
}

export function useDryRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ versionId, workerId }: { versionId: string; workerId: string }) =>
      unwrap(
        api.POST('/api/v1/workflow-versions/{id}/dry-run', {
          params: { path: { id: versionId } },
          body: { workerId, timeoutSeconds: 300 },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: workflowsKey }),
  });
}

export function useDeleteWorkflow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrapNoContent(api.DELETE('/api/v1/workflows/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: workflowsKey }),
  });
}
