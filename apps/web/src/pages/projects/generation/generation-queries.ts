// Server calls of batch generation (PRD-057): the estimate of a selection, starting it, and the project's dashboard.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { components } from '@/api/schema';
import { unwrap } from '@/api/unwrap';
import { matrixKey } from '../scene-types/scene-type-queries';

export type GenerationSelection = components['schemas']['GenerationSelection'];
export type GenerationEstimate = components['schemas']['GenerationEstimate'];
export type BatchGenerationResult = components['schemas']['BatchGenerationResult'];
export type GenerationDashboard = components['schemas']['GenerationDashboard'];
export type LiveRun = GenerationDashboard['live'][number];
export type Tier = components['schemas']['BatchGeneration']['tier'];
export type SkippedCell = GenerationEstimate['skipped'][number];

const generationKey = (projectId: string) => ['generation', projectId] as const;
/** Runs move on while the dashboard is open: it polls as long as something is live. */
const livePollMs = 3000;

/** What the selection would cost; read-only on the server, so a query (refreshed when the selection changes). */
export function useGenerationEstimate(projectId: string, selection: GenerationSelection | null) {
  return useQuery({
    queryKey: [...generationKey(projectId), 'estimate', selection],
    queryFn: () =>
      unwrap(
        api.POST('/api/v1/projects/{id}/generation/estimate', {
          params: { path: { id: projectId } },
          body: selection ?? { only: 'not_started' },
        }),
      ),
    enabled: selection !== null,
    placeholderData: keepPreviousData,
    staleTime: 0,
    meta: { handlesErrors: true },
  });
}

/** Creates the missing scenes of the selected cells, then starts every scene that can start. */
export function useStartGeneration(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GenerationSelection & { tier: Tier }) =>
      unwrap(api.POST('/api/v1/projects/{id}/generation', { params: { path: { id: projectId } }, body })),
    meta: { handlesErrors: true },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: matrixKey(projectId) });
      void queryClient.invalidateQueries({ queryKey: generationKey(projectId) });
    },
  });
}

export function useGenerationDashboard(projectId: string) {
  return useQuery({
    queryKey: [...generationKey(projectId), 'dashboard'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/projects/{id}/generation', { params: { path: { id: projectId } } })),
    refetchInterval: (query) =>
      (query.state.data?.live.length ?? 0) > 0 || (query.state.data?.byStatus.generating ?? 0) > 0
        ? livePollMs
        : false,
    refetchOnWindowFocus: true,
    meta: { handlesErrors: true },
  });
}
