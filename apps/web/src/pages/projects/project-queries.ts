// Server calls for projects, as TanStack Query hooks. A project's detail entry keeps its ETag beside it, so the
// next edit can send `If-Match` and never silently overwrite someone else's change.
import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '@/api/client';
import type { Project, ProjectRetention, ProjectSettings, ProjectStatus } from '@/api/types';
import { unwrap, unwrapNoContent, unwrapVersioned, type Versioned } from '@/api/unwrap';

export type ProjectListView = 'exclude' | 'only';

export interface ProjectFilters {
  q: string;
  status: ProjectStatus | null;
  /** `only` lists the trash. */
  deleted: ProjectListView;
}

const pageSize = 50;
export const projectsKey = ['projects'] as const;
const detailKey = (id: string) => [...projectsKey, 'detail', id] as const;
export const projectDetailKey = detailKey;

export function useProjectPages(filters: ProjectFilters) {
  return useInfiniteQuery({
    queryKey: [...projectsKey, 'list', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/projects', {
          params: {
            query: {
              limit: pageSize,
              cursor: pageParam,
              q: filters.q.trim() || undefined,
              status: filters.status ?? undefined,
              deleted: filters.deleted,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // While a new search loads the old rows stay; switching between the list and the trash shows a skeleton
    // instead, so projects never appear under the other tab's columns.
    placeholderData: (previous, previousQuery) =>
      (previousQuery?.queryKey[2] as ProjectFilters | undefined)?.deleted === filters.deleted
        ? keepPreviousData(previous)
        : undefined,
    meta: { handlesErrors: true },
  });
}

export type VersionedProject = Versioned<Project>;

export function useProject(id: string) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: () => unwrapVersioned(api.GET('/api/v1/projects/{id}', { params: { path: { id } } })),
    meta: { handlesErrors: true },
  });
}

/** A project the server just returned becomes the cached version; every list may have changed with it. */
function remember(queryClient: QueryClient, result: VersionedProject) {
  queryClient.setQueryData(detailKey(result.data.id), result);
  void queryClient.invalidateQueries({ queryKey: [...projectsKey, 'list'] });
}

export interface NewProject {
  name: string;
  description: string;
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (project: NewProject) => unwrapVersioned(api.POST('/api/v1/projects', { body: project })),
    meta: { handlesErrors: true },
    onSuccess: (result) => remember(queryClient, result),
  });
}

export interface ProjectEdit {
  name?: string;
  description?: string;
  retention?: Partial<ProjectRetention>;
  settings?: Partial<ProjectSettings>;
}

/** Edits a project under `If-Match`; the caller shows conflicts (412) and the edit lock (409) itself. */
export function useUpdateProject(current: VersionedProject) {
  const queryClient = useQueryClient();
  const { id } = current.data;
  return useMutation({
    mutationFn: (edit: ProjectEdit) =>
      unwrapVersioned(
        api.PATCH('/api/v1/projects/{id}', {
          params: { path: { id }, header: current.etag ? { 'if-match': current.etag } : {} },
          body: edit,
        }),
      ),
    meta: { handlesErrors: true },
    onSuccess: (result) => remember(queryClient, result),
  });
}

/** Reloads a project after the server refused a change because it no longer matches what is shown. */
export function useReloadProject(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: detailKey(id) });
}

export interface Transition {
  to: ProjectStatus;
  note?: string;
}

export function useTransitionProject(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ to, note }: Transition) =>
      unwrapVersioned(
        api.POST('/api/v1/projects/{id}/transitions', {
          params: { path: { id } },
          body: { to, ...(note ? { note } : {}) },
        }),
      ),
    meta: { handlesErrors: true },
    onSuccess: (result) => remember(queryClient, result),
    onError: () => queryClient.invalidateQueries({ queryKey: detailKey(id) }),
  });
}

export function useTrashProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (project: Project) =>
      unwrapNoContent(api.DELETE('/api/v1/projects/{id}', { params: { path: { id: project.id } } })),
    meta: { handlesErrors: true },
    onSettled: () => queryClient.invalidateQueries({ queryKey: projectsKey }),
  });
}

export function useRestoreProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (project: Project) =>
      unwrapVersioned(api.POST('/api/v1/projects/{id}/restore', { params: { path: { id: project.id } } })),
    onSuccess: (result) => remember(queryClient, result),
  });
}
