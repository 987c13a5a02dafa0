// What can be done with a segment: approve it for assembly, regenerate it (optionally with every later segment);
// refusals are shown where they were asked for.
import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ApproveIcon, notifySuccess, RetryIcon } from '@/components';
import { ProblemAlert, type ProblemPlaces } from './generation-problem';
import {
  isLiveRun,
  type SceneRun,
  type Segment,
  useApproveSegment,
  useRegenerateSegment,
} from './generation-queries';

const approvable = new Set<Segment['status']>(['qa_pass', 'qa_fail', 'rejected']);
export function SegmentActions({
  segment,
  run,
  isLast,
  sceneId,
  canEdit,
  canApprove,
  places,
}: {
  segment: Segment;
  run: SceneRun | null;
  isLast: boolean;
  sceneId: string;
  canEdit: boolean;
  canApprove: boolean;
  places: ProblemPlaces;
}) {
  const [cascade, setCascade] = useState(false);
  const approve = useApproveSegment(sceneId);
  const regenerate = useRegenerateSegment(sceneId);
  const live = isLiveRun(run);
  if (!canEdit && !canApprove) return null;
  return (
    <Stack gap="xs">
      <Group gap="md" align="center">
        {canApprove && approvable.has(segment.status) && (
          <Button
            color="green"
            leftSection={<ApproveIcon size={16} />}
            loading={approve.isPending}
            onClick={() =>
              approve.mutate(segment.id, {
                onSuccess: () => notifySuccess(`Segment ${segment.index} is approved for assembly.`),
              })
            }
            data-testid="approve-segment"
          >
            {segment.status === 'qa_pass' ? 'Approve for assembly' : 'Approve anyway'}
          </Button>
        )}
        {canEdit && (
          <Group gap="xs" align="center">
            <Button
              variant="default"
              leftSection={<RetryIcon size={16} />}
              loading={regenerate.isPending}
              disabled={live || !segment.seed}
              onClick={() =>
                regenerate.mutate(
                  { segmentId: segment.id, cascade },
                  { onSuccess: () => notifySuccess(`Regenerating segment ${segment.index}.`) },
                )
              }
              data-testid="regenerate-segment"
            >
              Regenerate
            </Button>
            {!isLast && (
              <Checkbox
                label="Also regenerate later segments"
                checked={cascade}
                onChange={(e) => setCascade(e.currentTarget.checked)}
                disabled={live}
              />
            )}
          </Group>
        )}
      </Group>
      {canEdit && live && (
        <Text size="xs" c="dimmed">
          {run?.status === 'needs_attention'
            ? 'The run waits for a decision: cancel it to regenerate, or approve the segment as it is.'
            : 'A run is live: segments can be regenerated once it has finished or is cancelled.'}
        </Text>
      )}
      {approve.isError && (
        <ProblemAlert
          error={approve.error}
          fallbackTitle="The segment was not approved"
          places={places}
          onClose={() => approve.reset()}
        />
      )}
      {regenerate.isError && (
        <ProblemAlert
          error={regenerate.error}
          fallbackTitle="The segment was not regenerated"
          places={places}
          onClose={() => regenerate.reset()}
        />
      )}
    </Stack>
  );
}
