// Promote a test shot to segment 1 (PRD-058): the tier the rest of the scene is generated at, and, when the scene
// has segments already, what happens to them.
import { Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { notifySuccess } from '@/components';
import { countOf } from '@/format/count';
import { ProblemAlert, type ProblemPlaces } from './generation-problem';
import { type Segment, type Tier, usePromoteTestShot } from './generation-queries';

export function PromoteDialog({
  shot,
  sceneId,
  chainLength,
  places,
  onClose,
}: {
  /** The test shot to promote; null = closed. */
  shot: Segment | null;
  sceneId: string;
  /** Segments in the scene's current chain: they stop being current. */
  chainLength: number;
  places: ProblemPlaces;
  onClose: () => void;
}) {
  const promote = usePromoteTestShot(sceneId);
  const [tier, setTier] = useState<Tier>('production');
  const close = () => {
    promote.reset();
    onClose();
  };
  const go = () => {
    if (!shot) return;
    promote.mutate(
      { segmentId: shot.id, tier },
      {
        onSuccess: (run) => {
          notifySuccess(
            run.status === 'completed'
              ? 'The test shot is segment 1, and already long enough for the scene.'
              : `The test shot is segment 1; generating the rest at ${run.tier} tier.`,
          );
          close();
        },
      },
    );
  };
  return (
    <Modal opened={shot !== null} onClose={close} title="Promote the test shot to segment 1?" size="md">
      <Stack gap="md" data-testid="promote-dialog">
        <Text size="sm">
          The test shot ({shot?.tier ?? 'draft'} tier) becomes segment 1 of the scene, and generation goes on
          from its boundary frame.
        </Text>
        {chainLength > 0 && (
          <Text size="sm" data-testid="promote-replaces">
            The scene's current {countOf(chainLength, 'segment')} {chainLength === 1 ? 'is' : 'are'} replaced;{' '}
            {chainLength === 1 ? 'it stays' : 'they stay'} in the history as earlier versions.
          </Text>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Generate the rest at
          </Text>
          <SegmentedControl
            value={tier}
            onChange={(v) => setTier(v as Tier)}
            data={[
              { value: 'draft', label: 'Draft tier' },
              { value: 'production', label: 'Production tier' },
            ]}
            aria-label="Tier of the rest of the scene"
            w={300}
          />
          {shot?.tier === 'draft' && (
            <Text size="xs" c="dimmed">
              Segment 1 stays a draft: upscale the scene to production before delivery.
            </Text>
          )}
        </Stack>
        {promote.isError && (
          <ProblemAlert
            error={promote.error}
            fallbackTitle="The test shot was not promoted"
            places={places}
            onClose={() => promote.reset()}
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={promote.isPending}>
            Cancel
          </Button>
          <Button onClick={go} loading={promote.isPending} data-autofocus data-testid="promote-confirm">
            {chainLength > 0 ? 'Replace and promote' : 'Promote'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
