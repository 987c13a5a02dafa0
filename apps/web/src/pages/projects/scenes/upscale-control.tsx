// A chain with draft segments (PRD-059): a Draft marker on the run summary, and Upscale to production, which
// generates the scene again at production tier with the draft's seeds. The card shows a refusal (no draft segments
// left, a run started meanwhile) even after the notice is gone.
import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { ConfirmDialog, NewRenderIcon, notifySuccess } from '@/components';
import { countOf } from '@/format/count';
import type { Segment, useUpscaleScene } from './generation-queries';

type UpscaleMutation = ReturnType<typeof useUpscaleScene>;

export function DraftMarker({ segments }: { segments: Segment[] }) {
  const drafts = segments.filter((s) => s.tier === 'draft').length;
  return (
    <Badge
      color="grape"
      variant="outline"
      data-testid="draft-marker"
      title={`${drafts} of ${countOf(segments.length, 'segment')} at draft tier: not for delivery`}
    >
      Draft
    </Badge>
  );
}

export function UpscaleNotice({
  upscale,
  segments,
  canEdit,
}: {
  upscale: UpscaleMutation;
  segments: Segment[];
  canEdit: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const drafts = segments.filter((s) => s.tier === 'draft').length;
  const all = drafts === segments.length;
  const go = () => {
    setConfirming(false);
    upscale.reset();
    upscale.mutate(undefined, {
      onSuccess: (run) =>
        notifySuccess(`Upscaling ${countOf(run.segmentsEstimated, 'segment')} to production tier.`),
    });
  };
  return (
    <>
      <Alert color="grape" variant="light" data-testid="upscale-notice" p="xs">
        <Group justify="space-between" gap="sm" wrap="nowrap">
          <Text size="sm">
            {all ? 'Every segment is' : `${drafts} of ${countOf(segments.length, 'segment')} are`} at{' '}
            <b>draft</b> tier (half resolution, fewer steps): good for judging motion and likeness, not for
            delivery.
          </Text>
          {canEdit && (
            <Button
              size="xs"
              color="grape"
              leftSection={<NewRenderIcon size={14} />}
              loading={upscale.isPending}
              onClick={() => setConfirming(true)}
              style={{ flex: 'none' }}
              data-testid="upscale"
            >
              Upscale to production
            </Button>
          )}
        </Group>
      </Alert>
      <ConfirmDialog
        opened={confirming}
        title="Upscale the scene to production?"
        confirmLabel="Upscale"
        onCancel={() => setConfirming(false)}
        onConfirm={go}
      >
        Every segment is generated again at production tier, with the same seeds as the draft, so the motion
        stays close to what you saw. The draft segments stay in the history as earlier versions.
      </ConfirmDialog>
    </>
  );
}
