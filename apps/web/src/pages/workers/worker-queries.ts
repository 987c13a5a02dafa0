// Server calls for the worker fleet as TanStack Query hooks. Lists and details refresh every 5 s, like the
// health loop, so health and vitals move without a reload.
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '@/api/client';
import type { Worker } from '@/api/types';
import { unwrap } from '@/api/unwrap';

const workersKey = ['workers'] as const;
const refreshMs = 5000;

export type WorkerHealthFilter = Worker['health'] | null;
export type WorkerStateFilter = Worker['adminState'] | null;
export type WorkerAction = 'enable' | 'drain' | 'disable' | 'decommission';
export type VitalsWindow = '1h' | '6h' | '24h';

export interface NewWorker {
  name: string;
  url: string;
  tags: string[];
  maxConcurrency: number;
}

export function useWorkerPages(filter: { health: WorkerHealthFilter; adminState: WorkerStateFilter }) {
  return useInfiniteQuery({
    queryKey: [...workersKey, 'list', filter],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/workers', {
          params: {
            query: {
              limit: 50,
              cursor: pageParam,
              ...(filter.health ? { health: filter.health } : {}),
              ...(filter.adminState ? { adminState: filter.adminState } : {}),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: refreshMs,
    meta: { handlesErrors: true },
  });
}

export function useWorker(id: string) {
  return useQuery({
    queryKey: [...workersKey, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/workers/{id}', { params: { path: { id } } })),
    refetchInterval: refreshMs,
    meta: { handlesErrors: true },
  });
}

export function useWorkerVitals(id: string, window: VitalsWindow) {
  return useQuery({
    queryKey: [...workersKey, 'vitals', id, window],
    queryFn: () =>
      unwrap(api.GET('/api/v1/workers/{id}/vitals', { params: { path: { id }, query: { window } } })),
    placeholderData: keepPreviousData,
    refetchInterval: refreshMs,
    meta: { handlesErrors: true },
  });
}

export function useWorkerEvents(id: string) {
  return useInfiniteQuery({
    queryKey: [...workersKey, 'events', id],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/workers/{id}/events', {
          params: { path: { id }, query: { limit: 25, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: refreshMs,
    meta: { handlesErrors: true },
  });
}

export function useRegisterWorker() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewWorker) => unwrap(api.POST('/api/v1/workers', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: workersKey }),
  });
}

export function useUpdateWorker() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: Partial<NewWorker> }) =>
      unwrap(api.PATCH('/api/v1/workers/{id}', { params: { path: { id } }, body: changes })),
    onSuccess: () => client.invalidateQueries({ queryKey: workersKey }),
  });
}

export function useWorkerAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ worker, action }: { worker: Worker; action: WorkerAction }) => {
      const params = { params: { path: { id: worker.id } } };
      switch (action) {
        case 'enable':
          return unwrap(api.POST('/api/v1/workers/{id}/enable', params));
        case 'drain':
          return unwrap(api.POST('/api/v1/workers/{id}/drain', params));
        case 'disable':
          return unwrap(api.POST('/api/v1/workers/{id}/disable', params));
        case 'decommission':
          return unwrap(api.POST('/api/v1/workers/{id}/decommission', params));
      }
    },
    onSuccess: () => client.invalidateQueries({ queryKey: workersKey }),
  });
}

export function useSystemHealth() {
  return useQuery({
    queryKey: ['system', 'health'],
    queryFn: () => unwrap(api.GET('/api/v1/system/health')),
    refetchInterval: refreshMs,
    meta: { handlesErrors: true },
  });
}
