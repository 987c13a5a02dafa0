// The Generation card at the top of the scene page (PRD-024 §7): the run (status, progress, what went wrong and what to
// do), Generate with a tier, Test shot and Cancel, the chain of segments as a strip (a Draft marker and Upscale when it
// has draft segments), the open segment's details, the history, and the scene's test shots.
import { Anchor, Card, Divider, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Scene } from '@/api/types';
import { LoadError } from '@/components';
import { countOf } from '@/format/count';
import { useSceneType } from '../scene-types/scene-type-queries';
import { CancelControl, GenerateControls } from './generation-controls';
import { formatSeconds } from './generation-format';
import { GenerationHistory } from './generation-history';
import { ProblemAlert, type ProblemPlaces } from './generation-problem';
import {
  hasDraftSegments,
  isLiveRun,
  type SceneTypeView,
  useSceneGeneration,
  useStartGeneration,
  useStartTestShot,
  useUpscaleScene,
} from './generation-queries';
import { RunNotice, RunProgress, RunStatusBadge } from './run-summary';
import { SegmentDetails } from './segment-details';
import { SegmentStrip } from './segment-strip';
import { TestShotControl, TestShotSkipped } from './test-shot-control';
import { TestShotsSection } from './test-shots-section';
import { DraftMarker, UpscaleNotice } from './upscale-control';

function EmptyGeneration({ scene, sceneType }: { scene: Scene; sceneType: SceneTypeView | undefined }) {
  return (
    <Stack gap="xs" data-testid="generation-empty">
      <Text size="sm">
        <b>Not generated yet</b> —{' '}
        {sceneType
          ? `Generate creates ${countOf(sceneType.segmentCount, 'segment')} of ${formatSeconds(sceneType.segmentDurationSeconds)} (${formatSeconds(sceneType.targetDurationSeconds)} in all) from the ${scene.variantType.name} hero.`
          : `Generate creates the scene's segments from the ${scene.variantType.name} hero.`}{' '}
        QA checks each segment, and its boundary frame seeds the next one.
      </Text>
      {sceneType && sceneType.workflowVersionId === null && (
        <Text size="sm" c="orange.8">
          The scene type has no workflow version pinned yet: pin one before generating.
        </Text>
      )}
    </Stack>
  );
}

export function GenerationPanel({
  scene,
  canEdit,
  canApprove,
}: {
  scene: Scene;
  canEdit: boolean;
  canApprove: boolean;
}) {
  const generation = useSceneGeneration(scene.id);
  const sceneType = useSceneType(scene.sceneType.id);
  const start = useStartGeneration(scene.id);
  const testShot = useStartTestShot({
    id: scene.id,
    projectId: scene.projectId,
    sceneTypeId: scene.sceneType.id,
    characterId: scene.character.id,
  });
  const upscale = useUpscaleScene(scene.id);
  // the open segment is kept by its index, so a regenerated version replaces it in place; undefined = none chosen yet
  const [openIndex, setOpenIndex] = useState<number | null | undefined>(undefined);
  // opened from a notice above the strip: bring the details into view (a click on the strip shows them right below)
  const details = useRef<HTMLDivElement>(null);
  const [reveal, setReveal] = useState(0);
  useEffect(() => {
    if (reveal) details.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [reveal]);
  const openFromNotice = (index: number) => {
    setOpenIndex(index);
    setReveal((n) => n + 1);
  };
  const places: ProblemPlaces = {
    sceneType: `/projects/${scene.projectId}/scene-types/${scene.sceneType.id}`,
    character: `/projects/${scene.projectId}/characters/${scene.character.id}`,
  };
  const g = generation.data;
  const run = g?.run ?? null;
  const segments = g?.segments ?? [];
  const live = isLiveRun(run);
  // a draft chain is not for delivery: marked, and offered an upscale once nothing runs (PRD-059)
  const draft = !live && hasDraftSegments(segments);
  // a scene waiting for its boundary frame opens the segment it waits on
  const waitingOn = run?.status === 'awaiting_boundary' ? segments.at(-1)?.index : undefined;
  const shownIndex = openIndex === undefined ? waitingOn : openIndex;
  const open = segments.find((s) => s.index === shownIndex) ?? null;
  // checked by QA and waiting for a decision: the Review page is where a newcomer goes next
  const toReview = live ? 0 : segments.filter((s) => s.status === 'qa_pass' || s.status === 'qa_fail').length;

  return (
    <Card withBorder data-testid="generation-card">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Group gap="sm">
            <Title order={2} size="h4">
              Generation
            </Title>
            {g && <RunStatusBadge run={run} />}
            {draft && <DraftMarker segments={segments} />}
          </Group>
          {canEdit && g && live && <CancelControl sceneId={scene.id} />}
          {canEdit && g && !live && (
            <Group gap="xs" wrap="nowrap">
              <GenerateControls start={start} sceneType={sceneType.data} hasSegments={segments.length > 0} />
              <TestShotControl testShot={testShot} sceneId={scene.id} />
            </Group>
          )}
        </Group>
        {start.isError && (
          <ProblemAlert
            error={start.error}
            fallbackTitle="The scene was not generated"
            places={places}
            onClose={() => start.reset()}
          />
        )}
        {testShot.isError && (
          <ProblemAlert
            error={testShot.error}
            fallbackTitle="The test shot was not started"
            places={places}
            onClose={() => testShot.reset()}
          />
        )}
        <TestShotSkipped testShot={testShot} sceneId={scene.id} />
        {upscale.isError && (
          <ProblemAlert
            error={upscale.error}
            fallbackTitle="The scene was not upscaled"
            places={places}
            onClose={() => upscale.reset()}
          />
        )}
        {generation.isError ? (
          <LoadError
            what="the generation"
            error={generation.error}
            onRetry={() => void generation.refetch()}
          />
        ) : !g ? (
          <Skeleton height={120} />
        ) : !run && segments.length === 0 ? (
          <EmptyGeneration scene={scene} sceneType={sceneType.data} />
        ) : (
          <>
            {run && <RunProgress run={run} />}
            {run && <RunNotice run={run} segments={segments} onOpen={openFromNotice} />}
            {draft && <UpscaleNotice upscale={upscale} segments={segments} canEdit={canEdit} />}
            <SegmentStrip
              segments={segments}
              run={run}
              selectedId={open?.id ?? null}
              onSelect={(id) => setOpenIndex(segments.find((s) => s.id === id)?.index ?? null)}
            />
            {open && (
              // the app header stays on top: leave room for it when scrolled to
              <div ref={details} style={{ scrollMarginTop: 72 }}>
                <SegmentDetails
                  key={open.index}
                  segment={open}
                  run={run}
                  isLast={open.index === segments.at(-1)?.index}
                  sceneId={scene.id}
                  sceneType={sceneType.data}
                  canEdit={canEdit}
                  canApprove={canApprove}
                  places={places}
                  onClose={() => setOpenIndex(null)}
                />
              </div>
            )}
            {toReview > 0 && (
              <Text size="sm" data-testid="review-link">
                {toReview === 1 ? '1 segment waits' : `${toReview} segments wait`} for a decision.{' '}
                <Anchor
                  component={Link}
                  to={`/projects/${scene.projectId}/review?sceneTypeId=${scene.sceneType.id}&characterId=${scene.character.id}`}
                >
                  Review the segments
                </Anchor>{' '}
                to approve or reject them with one key each; once every segment is approved the scene is
                assembled.
              </Text>
            )}
            {!open && segments.length > 0 && (
              <Text size="xs" c="dimmed">
                Open a segment to watch it, see its QA scores and frames, approve or regenerate it.
              </Text>
            )}
            <GenerationHistory attempts={g.attempts} runs={g.runs} />
          </>
        )}
        {g && (
          <>
            <Divider />
            <TestShotsSection
              scene={scene}
              testShots={g.testShots}
              chainLength={segments.length}
              live={live}
              canEdit={canEdit}
              places={places}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}
