// Starting and stopping a scene's generation: Generate with a tier and an optional target (confirmed when it
// replaces a chain), and Cancel while a run is live.
import { Button, Group, NumberInput, SegmentedControl } from '@mantine/core';
import { useState } from 'react';
import { CancelJobIcon, ConfirmDialog, notifyError, notifySuccess, StartProductionIcon } from '@/components';
import { countOf } from '@/format/count';
import { formatSeconds } from './generation-format';
import {
  type SceneTypeView,
  type Tier,
  useCancelGeneration,
  type useStartGeneration,
} from './generation-queries';

type StartMutation = ReturnType<typeof useStartGeneration>;

export function GenerateControls({
  start,
  sceneType,
  hasSegments,
}: {
  start: StartMutation;
  sceneType: SceneTypeView | undefined;
  hasSegments: boolean;
}) {
  const [tier, setTier] = useState<Tier>('production');
  const [target, setTarget] = useState<number | string>('');
  const [confirming, setConfirming] = useState(false);
  const go = () => {
    setConfirming(false);
    start.mutate(
      { tier, ...(typeof target === 'number' ? { targetSeconds: target } : {}) },
      {
        onSuccess: (run) =>
          notifySuccess(`Generating ${countOf(run.segmentsEstimated, 'segment')}, ${run.tier} tier.`),
      },
    );
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <SegmentedControl
        size="xs"
        value={tier}
        onChange={(v) => setTier(v as Tier)}
        data={[
          { value: 'draft', label: 'Draft' },
          { value: 'production', label: 'Production' },
        ]}
        aria-label="Tier"
      />
      <NumberInput
        size="xs"
        w={120}
        min={0.1}
        max={3600}
        decimalScale={2}
        suffix=" s"
        placeholder={sceneType ? `${formatSeconds(sceneType.targetDurationSeconds)} target` : 'Target'}
        value={target}
        onChange={setTarget}
        aria-label="Target duration in seconds"
        title="Target duration of this run; leave empty for the scene type's"
      />
      <Button
        size="xs"
        leftSection={<StartProductionIcon size={14} />}
        loading={start.isPending}
        onClick={() => (hasSegments ? setConfirming(true) : go())}
        data-testid="generate"
      >
        {hasSegments ? 'Generate again' : 'Generate'}
      </Button>
      <ConfirmDialog
        opened={confirming}
        title="Generate the scene again?"
        confirmLabel="Generate again"
        onCancel={() => setConfirming(false)}
        onConfirm={go}
      >
        A new chain of segments replaces the current one. The current segments stay in the history as earlier
        versions.
      </ConfirmDialog>
    </Group>
  );
}

export function CancelControl({ sceneId }: { sceneId: string }) {
  const cancel = useCancelGeneration(sceneId);
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Button
        size="xs"
        color="red"
        variant="light"
        leftSection={<CancelJobIcon size={14} />}
        loading={cancel.isPending}
        onClick={() => setConfirming(true)}
        data-testid="cancel-generation"
      >
        Cancel
      </Button>
      <ConfirmDialog
        opened={confirming}
        title="Cancel the run?"
        confirmLabel="Cancel the run"
        dismissLabel="Keep it"
        danger
        loading={cancel.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          cancel.mutate(undefined, {
            onSuccess: () => notifySuccess('The run was cancelled.'),
            onError: (e) => notifyError(e, 'The run was not cancelled'),
            onSettled: () => setConfirming(false),
          })
        }
      >
        The segment being made is stopped; the segments already generated stay.
      </ConfirmDialog>
    </>
  );
}
