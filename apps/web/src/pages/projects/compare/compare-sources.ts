// What the sync-play grid shows (PRD-036), read from the URL so a comparison can be shared:
//   ?sceneType=ID                 the video of that scene type's scene for each character
//   ?scene=ID                     the scene's video versions (with &segment=N: that segment's versions and attempts;
//                                 with &videos=: the listed file ids among its versions, segments and attempts)
//   ?videos=ID,ID                 test shots of the project, by the file id of their clip
import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { components } from '@/api/schema';
import { unwrap } from '@/api/unwrap';
import { proxyUrlOf, spriteUrlOf } from '@/components/player';
import { useSceneMatrix } from '../matrix/matrix-queries';

type Segment = components['schemas']['Segment'];
type Version = components['schemas']['SceneVideoVersion'];

/** One cell of the grid. */
export interface CompareVideo {
  /** The file id of the video. */
  fileId: string;
  label: string;
  src: string;
  fallbackSrc: string;
  spriteUrl: string;
  fps: number;
  frameCount: number | null;
}

export const maxCells = 16;
const defaultFps = 24;

export type CompareSelection =
  | { kind: 'sceneType'; sceneTypeId: string }
  | { kind: 'scene'; sceneId: string; segment: number | null; videos: string[] }
  | { kind: 'testShots'; videos: string[] }
  | { kind: 'none' };

const listOf = (value: string | null) =>
  [...new Set((value ?? '').split(',').filter(Boolean))].slice(0, maxCells);

export function selectionOf(params: URLSearchParams): CompareSelection {
  const sceneTypeId = params.get('sceneType');
  const sceneId = params.get('scene');
  const segment = Number(params.get('segment'));
  if (sceneId)
    return {
      kind: 'scene',
      sceneId,
      segment: Number.isInteger(segment) && segment > 0 ? segment : null,
      videos: listOf(params.get('videos')),
    };
  if (sceneTypeId) return { kind: 'sceneType', sceneTypeId };
  const videos = listOf(params.get('videos'));
  return videos.length > 0 ? { kind: 'testShots', videos } : { kind: 'none' };
}

/** The grid's address: `compareUrl(projectId, { scene: id })`. */
export function compareUrl(
  projectId: string,
  query: { scene?: string; segment?: number; sceneType?: string; videos?: string[] },
): string {
  const params = new URLSearchParams();
  if (query.scene) params.set('scene', query.scene);
  if (query.segment) params.set('segment', String(query.segment));
  if (query.sceneType) params.set('sceneType', query.sceneType);
  if (query.videos?.length) params.set('videos', query.videos.slice(0, maxCells).join(','));
  return `/projects/${projectId}/compare?${params}`;
}

const fromFile = (
  fileId: string,
  url: string,
  label: string,
  fps: number | null,
  frameCount: number | null,
) => ({
  fileId,
  label,
  src: url,
  fallbackSrc: proxyUrlOf(url),
  spriteUrl: spriteUrlOf(url),
  fps: fps ?? defaultFps,
  frameCount,
});

const fromVersion = (v: Version, label = `Version ${v.versionNumber}${v.isFinal ? ' (final)' : ''}`) =>
  fromFile(v.file.id, v.file.url, label, v.fps, v.frameCount);

const fromSegment = (s: Segment, label: string): CompareVideo | null =>
  s.output ? fromFile(s.output.id, s.output.url, label, s.fps, s.frameCount) : null;

const segmentLabel = (s: Segment) => `Segment ${s.index} · v${s.version}${s.isCurrent ? '' : ' (attempt)'}`;

const signedUrlRefresh = 30 * 60_000;

const versionsQuery = (sceneId: string) => ({
  queryKey: ['scenes', sceneId, 'versions', 'exclude'],
  queryFn: () =>
    unwrap(
      api.GET('/api/v1/scenes/{id}/versions', {
        params: { path: { id: sceneId }, query: { deleted: 'exclude' as const } },
      }),
    ),
  refetchInterval: signedUrlRefresh,
  meta: { handlesErrors: true },
});

const generationQuery = (sceneId: string) => ({
  queryKey: ['scenes', sceneId, 'generation'],
  queryFn: () => unwrap(api.GET('/api/v1/scenes/{id}/generation', { params: { path: { id: sceneId } } })),
  refetchInterval: signedUrlRefresh,
  meta: { handlesErrors: true },
});

export interface CompareSources {
  /** The videos to show, in order. */
  videos: CompareVideo[];
  /** Every video the selection could show (what a picker offers). */
  candidates: CompareVideo[];
  loading: boolean;
  /** What failed to load, if anything. */
  error: unknown;
}

/** The candidates of one scene: its versions, then its segments' clips and their attempts. */
function sceneCandidates(
  versions: Version[] | undefined,
  generation: components['schemas']['SceneGeneration'] | undefined,
  segment: number | null,
): { all: CompareVideo[]; initial: CompareVideo[] } {
  const ofSegments = [...(generation?.segments ?? []), ...(generation?.attempts ?? [])]
    .filter((s) => segment === null || s.index === segment)
    .sort((a, b) => a.index - b.index || b.version - a.version)
    .map((s) => fromSegment(s, segmentLabel(s)))
    .filter((v) => v !== null);
  const ofVersions = (versions ?? []).map((v) => fromVersion(v)).reverse();
  if (segment !== null) return { all: ofSegments, initial: ofSegments };
  return { all: [...ofVersions, ...ofSegments], initial: ofVersions.length > 0 ? ofVersions : ofSegments };
}

/** The video a scene is judged by: its final version, else its newest, else its first current segment's clip. */
function sceneVideo(
  versions: Version[] | undefined,
  generation: components['schemas']['SceneGeneration'] | undefined,
  label: string,
): CompareVideo | null {
  const version = versions?.find((v) => v.isFinal) ?? versions?.[0];
  if (version) return fromVersion(version, label);
  const first = generation?.segments.find((s) => s.output);
  return first ? fromSegment(first, `${label} · segment ${first.index}`) : null;
}

const pick = (candidates: CompareVideo[], ids: string[]) =>
  ids.map((id) => candidates.find((c) => c.fileId === id)).filter((c) => c !== undefined);

export function useCompareSources(projectId: string, selection: CompareSelection): CompareSources {
  const sceneId = selection.kind === 'scene' ? selection.sceneId : null;
  const versions = useQuery({ ...versionsQuery(sceneId ?? ''), enabled: sceneId !== null });
  const generation = useQuery({ ...generationQuery(sceneId ?? ''), enabled: sceneId !== null });

  const matrix = useSceneMatrix(projectId);
  const sceneTypeId = selection.kind === 'sceneType' ? selection.sceneTypeId : null;
  const page = matrix.data?.pages[0];
  const cells: { sceneId: string; label: string }[] = [];
  if (page && sceneTypeId) {
    const columns = page.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.sceneTypeId === sceneTypeId);
    const variantName = (id: string) => page.variantTypes.find((t) => t.id === id)?.name ?? '';
    for (const row of matrix.data?.pages.flatMap((p) => p.rows) ?? []) {
      for (const { c, i } of columns) {
        const id = row.cells[i]?.sceneId;
        if (id && cells.length < maxCells)
          cells.push({
            sceneId: id,
            label:
              columns.length > 1
                ? `${row.character.name} · ${variantName(c.variantTypeId)}`
                : row.character.name,
          });
      }
    }
  }
  const perScene = useQueries({
    queries: cells.flatMap((c) => [versionsQuery(c.sceneId), generationQuery(c.sceneId)]),
  });

  const testShots = useQuery({
    queryKey: ['test-shots', projectId, 'compare'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/projects/{id}/test-shots', {
          params: { path: { id: projectId }, query: { sort: 'newest', limit: 200 } },
        }),
      ),
    enabled: selection.kind === 'testShots',
    refetchInterval: signedUrlRefresh,
    meta: { handlesErrors: true },
  });

  switch (selection.kind) {
    case 'scene': {
      const { all, initial } = sceneCandidates(versions.data?.items, generation.data, selection.segment);
      return {
        videos: (selection.videos.length > 0 ? pick(all, selection.videos) : initial).slice(0, maxCells),
        candidates: all,
        loading: versions.isPending || generation.isPending,
        error: versions.error ?? generation.error,
      };
    }
    case 'sceneType': {
      const videos = cells
        .map((c, k) =>
          sceneVideo(
            (perScene[2 * k]?.data as { items: Version[] } | undefined)?.items,
            perScene[2 * k + 1]?.data as components['schemas']['SceneGeneration'] | undefined,
            c.label,
          ),
        )
        .filter((v) => v !== null);
      return {
        videos,
        candidates: videos,
        loading: matrix.isPending || perScene.some((q) => q.isPending),
        error: matrix.error,
      };
    }
    case 'testShots': {
      const all = (testShots.data?.items ?? [])
        .map((s) =>
          s.output
            ? fromFile(
                s.output.id,
                s.output.url,
                `${s.characterName} · ${s.sceneTypeName} · v${s.version}`,
                s.fps,
                s.frameCount,
              )
            : null,
        )
        .filter((v) => v !== null);
      return {
        videos: pick(all, selection.videos),
        candidates: all,
        loading: testShots.isPending,
        error: testShots.error,
      };
    }
    default:
      return { videos: [], candidates: [], loading: false, error: null };
  }
}
