// A project's sync-play grid (PRD-036): 2 to 16 videos in lockstep under one transport. What it shows comes from the
// address (see compare-sources.ts): one scene type across characters, a scene's versions or a segment's attempts,
// or test shots picked in the gallery, so a comparison can be shared as a link.
import { Anchor, Breadcrumbs, Group, MultiSelect, Select, Skeleton, Stack, Text } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { CompareIcon, EmptyList, LoadError, PageHeader } from '@/components';
import { useProject } from '../project-queries';
import { useSceneTypes } from '../scene-types/scene-type-queries';
import { maxCells, selectionOf, useCompareSources } from './compare-sources';
import { SyncGrid } from './sync-grid';

export function ComparePage() {
  const { projectId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const selection = selectionOf(params);
  const project = useProject(projectId);
  const sceneTypes = useSceneTypes(projectId);
  const sources = useCompareSources(projectId, selection);

  const replace = (next: Record<string, string | null>) =>
    setParams(
      () => {
        const p = new URLSearchParams();
        for (const [k, v] of Object.entries(next)) if (v) p.set(k, v);
        return p;
      },
      { replace: false },
    );

  const what =
    selection.kind === 'scene'
      ? selection.segment
        ? `segment ${selection.segment}’s versions and attempts`
        : 'the scene’s versions'
      : selection.kind === 'testShots'
        ? 'the test shots picked in the gallery'
        : selection.kind === 'sceneType'
          ? 'one scene type across characters'
          : null;

  return (
    <Stack gap="md">
      <Breadcrumbs separator="/" separatorMargin={6} aria-label="Breadcrumb">
        <Anchor component={Link} to="/projects" size="sm" c="dimmed">
          Projects
        </Anchor>
        <Anchor component={Link} to={`/projects/${projectId}?tab=matrix`} size="sm" c="dimmed">
          {project.data?.data.name ?? 'Project'}
        </Anchor>
        {selection.kind === 'scene' && (
          <Anchor
            component={Link}
            to={`/projects/${projectId}/scenes/${selection.sceneId}`}
            size="sm"
            c="dimmed"
          >
            Scene
          </Anchor>
        )}
        <Text size="sm" aria-current="page">
          Compare
        </Text>
      </Breadcrumbs>
      <PageHeader
        title="Compare"
        description="Play up to 16 videos side by side in lockstep: one transport plays, pauses, steps and seeks them all, and every video stays within a frame of the others."
      />
      <Group align="flex-end" gap="sm" data-testid="compare-sources">
        <Select
          label="One scene type across characters"
          placeholder="Pick a scene type"
          data={(sceneTypes.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={selection.kind === 'sceneType' ? selection.sceneTypeId : null}
          onChange={(v) => replace({ sceneType: v })}
          searchable
          w={280}
          data-testid="compare-scene-type"
        />
        {selection.kind === 'scene' && sources.candidates.length > 0 && (
          <MultiSelect
            label="Videos of this scene"
            data={sources.candidates.map((c) => ({ value: c.fileId, label: c.label }))}
            value={sources.videos.map((v) => v.fileId)}
            onChange={(ids) =>
              replace({
                scene: selection.sceneId,
                segment: selection.segment ? String(selection.segment) : null,
                videos: ids.join(','),
              })
            }
            maxValues={maxCells}
            miw={320}
            maw={720}
            data-testid="compare-videos"
          />
        )}
      </Group>
      {what && (
        <Text size="sm" c="dimmed" data-testid="compare-what">
          Showing {what}: {sources.videos.length} {sources.videos.length === 1 ? 'video' : 'videos'}.
        </Text>
      )}
      {sources.error ? (
        <LoadError what="the videos to compare" error={sources.error} />
      ) : sources.loading && selection.kind !== 'none' ? (
        <Skeleton h={320} />
      ) : sources.videos.length === 0 ? (
        <EmptyList
          icon={<CompareIcon size={28} />}
          title={selection.kind === 'none' ? 'Nothing to compare yet' : 'No videos to compare'}
          description={
            selection.kind === 'none'
              ? 'Pick a scene type above to see its video for every character, use “Compare versions” on a scene, or select test shots in the gallery and press “Compare selected”.'
              : 'None of these have a video yet.'
          }
        />
      ) : (
        <SyncGrid key={sources.videos.map((v) => v.fileId).join(',')} videos={sources.videos} />
      )}
    </Stack>
  );
}
