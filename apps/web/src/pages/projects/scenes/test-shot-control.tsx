// The Test shot action beside Generate (PRD-058): one short draft segment of the scene type for this character, kept
// beside the chain; production tier on request. A scene it could not start on says why.
import { ActionIcon, Alert, Button, Group, Menu } from '@mantine/core';
import { DryRunIcon, ExpandIcon, InfoIcon, notifySuccess } from '@/components';
import { countOf } from '@/format/count';
import type { Tier, useStartTestShot } from './generation-queries';

type TestShotMutation = ReturnType<typeof useStartTestShot>;

export function TestShotControl({ testShot, sceneId }: { testShot: TestShotMutation; sceneId: string }) {
  const go = (tier: Tier) =>
    testShot.mutate(tier, {
      onSuccess: ({ started }) => {
        if (!started.some((s) => s.sceneId === sceneId)) return;
        const others = started.length - 1;
        notifySuccess(
          `A ${tier} test shot is being made${others > 0 ? `, and ${countOf(others, 'more')} for the character's other variants` : ''}. It appears under Test shots.`,
        );
      },
    });
  return (
    <Group gap={0} wrap="nowrap">
      <Button
        size="xs"
        variant="light"
        leftSection={<DryRunIcon size={14} />}
        loading={testShot.isPending}
        onClick={() => go('draft')}
        title="One short draft segment from the hero, kept beside the scene's segments"
        style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
        data-testid="test-shot"
      >
        Test shot
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            size={30}
            variant="light"
            disabled={testShot.isPending}
            aria-label="More test shot choices"
            style={{
              borderTopLeftRadius: 0,
              borderBottomLeftRadius: 0,
              borderLeft: '1px solid var(--mantine-color-body)',
            }}
          >
            <ExpandIcon size={14} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => go('draft')}>Test shot at draft tier (quick)</Menu.Item>
          <Menu.Item onClick={() => go('production')}>Test shot at production tier</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

/** The server answered, but this scene's test shot did not start: say why (another variant's may have). */
export function TestShotSkipped({ testShot, sceneId }: { testShot: TestShotMutation; sceneId: string }) {
  const result = testShot.data;
  if (!result || result.started.some((s) => s.sceneId === sceneId)) return null;
  const reason = result.skipped.find((s) => s.sceneId === sceneId)?.reason;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<InfoIcon size={18} />}
      title="No test shot was started"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={() => testShot.reset()}
      data-testid="test-shot-skipped"
    >
      {reason
        ? `This scene was left out: ${reason}.`
        : 'The scene type may be disabled, or the scene is no longer part of the project.'}
    </Alert>
  );
}
