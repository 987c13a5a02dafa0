// Server calls for generating a scene (PRD-024): its runs, its chain of segments and their earlier attempts, and the
// actions on them. The live socket invalidates the generation on every run or segment event; a 2 s poll while a run
// is live covers a socket that is down.
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { components } from '@/api/schema';
import { unwrap } from '@/api/unwrap';
import { testShotsKey } from '../test-shots/test-shot-queries';

export type SceneGeneration = components['schemas']['SceneGeneration'];
export type SceneRun = components['schemas']['SceneRun'];
export type Segment = components['schemas']['Segment'];
export type SceneRunStatus = SceneRun['status'];
export type Tier = SceneRun['tier'];
/** The scene type as the API answers it (its QA thresholds keyed by gate). */
export type SceneTypeView = components['schemas']['SceneType'];

const sceneKey = (sceneId: string) => ['scenes', sceneId] as const;
export const generationKey = (sceneId: string) => [...sceneKey(sceneId), 'generation'] as const;

const runningPollMs = 2_000;
/** Waiting for a person (a boundary frame, a QA decision): only a person's action moves it on. */
const waitingPollMs = 15_000;
// signed links last one to two hours; refetch well before
const signedUrlRefresh = 30 * 60_000;

/** A run that still moves or waits for a person: a scene has at most one. */
export function isLiveRun(run: SceneRun | null | undefined): boolean {
  return (
    run?.status === 'running' || run?.status === 'awaiting_boundary' || run?.status === 'needs_attention'
  );
}

export function useSceneGeneration(sceneId: string) {
  return useQuery({
    queryKey: generationKey(sceneId),
    queryFn: () => unwrap(api.GET('/api/v1/scenes/{id}/generation', { params: { path: { id: sceneId } } })),
    refetchInterval: (query) => {
      const run = query.state.data?.run;
      if (run?.status === 'running') return runningPollMs;
      return isLiveRun(run) ? waitingPollMs : signedUrlRefresh;
    },
    meta: { handlesErrors: true },
  });
}

/** A run changes the scene too (its status, and a finished run may add a video version): refetch all of it. */
export function invalidateSceneRun(client: QueryClient, sceneId: string): void {
  void client.invalidateQueries({ queryKey: sceneKey(sceneId) });
}

export function invalidateSegments(client: QueryClient, sceneId: string): void {
  void client.invalidateQueries({ queryKey: generationKey(sceneId) });
}

/** A chain with a draft segment is not ready for delivery until it is upscaled (PRD-059). */
export const hasDraftSegments = (segments: readonly Pick<Segment, 'tier'>[]): boolean =>
  segments.some((s) => s.tier === 'draft');

/** A test shot that passed QA (or was approved as it is) can become segment 1 of its scene. */
export const isPromotable = (s: Pick<Segment, 'status' | 'boundary'>): boolean =>
  (s.status === 'qa_pass' || s.status === 'approved') && s.boundary !== null;

/** Every action here answers with the new state of the run or segment: the whole scene is read again. */
function useGenerationAction<V, R>(
  sceneId: string,
  call: (vars: V) => Promise<R>,
  { testShots = false }: { testShots?: boolean } = {},
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { handlesErrors: true },
    onSettled: () => {
      invalidateSceneRun(client, sceneId);
      if (testShots) void client.invalidateQueries({ queryKey: testShotsKey });
    },
  });
}

export const useStartGeneration = (sceneId: string) =>
  useGenerationAction(sceneId, (body: { tier: Tier; targetSeconds?: number }) =>
    unwrap(api.POST('/api/v1/scenes/{id}/generation', { params: { path: { id: sceneId } }, body })),
  );

export const useCancelGeneration = (sceneId: string) =>
  useGenerationAction(sceneId, () =>
    unwrap(api.POST('/api/v1/scenes/{id}/generation/cancel', { params: { path: { id: sceneId } } })),
  );

export const useRegenerateSegment = (sceneId: string) =>
  useGenerationAction(sceneId, ({ segmentId, cascade }: { segmentId: string; cascade: boolean }) =>
    unwrap(
      api.POST('/api/v1/segments/{id}/regenerate', {
        params: { path: { id: segmentId } },
        body: { cascade },
      }),
    ),
  );

export const useChooseBoundaryFrame = (sceneId: string) =>
  useGenerationAction(sceneId, ({ segmentId, frameIndex }: { segmentId: string; frameIndex: number }) =>
    unwrap(
      api.POST('/api/v1/segments/{id}/boundary-frame', {
        params: { path: { id: segmentId } },
        body: { frameIndex },
      }),
    ),
  );

export const useApproveSegment = (sceneId: string) =>
  useGenerationAction(sceneId, (segmentId: string) =>
    unwrap(api.POST('/api/v1/segments/{id}/approve', { params: { path: { id: segmentId } } })),
  );

/**
 * A test shot of the scene's scene type for its character (PRD-058): one segment kept beside the chain. The server
 * starts one for every scene of that character and scene type (one per variant); the answer says which started.
 */
export const useStartTestShot = (scene: {
  id: string;
  projectId: string;
  sceneTypeId: string;
  characterId: string;
}) =>
  useGenerationAction(
    scene.id,
    (tier: Tier) =>
      unwrap(
        api.POST('/api/v1/projects/{id}/test-shots', {
          params: { path: { id: scene.projectId } },
          body: { sceneTypeId: scene.sceneTypeId, characterIds: [scene.characterId], tier },
        }),
      ),
    { testShots: true },
  );

/** Makes a passed test shot segment 1 of the scene; the rest is generated from its boundary frame at `tier`. */
export const usePromoteTestShot = (sceneId: string) =>
  useGenerationAction(
    sceneId,
    ({ segmentId, tier }: { segmentId: string; tier: Tier }) =>
      unwrap(
        api.POST('/api/v1/segments/{id}/promote', { params: { path: { id: segmentId } }, body: { tier } }),
      ),
    { testShots: true },
  );

/** Generates the draft chain again at production tier with the same seeds (PRD-059). */
export const useUpscaleScene = (sceneId: string) =>
  useGenerationAction(sceneId, () =>
    unwrap(api.POST('/api/v1/scenes/{id}/upscale', { params: { path: { id: sceneId } } })),
  );
