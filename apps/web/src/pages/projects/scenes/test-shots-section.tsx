// The scene's test shots (PRD-058), newest first: quick single segments kept beside its chain, each with its QA, and
// the one that passed can be promoted to segment 1. Links to the project's gallery of this scene type.
import { Anchor, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Scene } from '@/api/types';
import type { ProblemPlaces } from './generation-problem';
import type { Segment } from './generation-queries';
import { PromoteDialog } from './promote-dialog';
import { TestShotCard } from './test-shot-card';

export function TestShotsSection({
  scene,
  testShots,
  chainLength,
  live,
  canEdit,
  places,
}: {
  scene: Scene;
  testShots: Segment[];
  chainLength: number;
  live: boolean;
  canEdit: boolean;
  places: ProblemPlaces;
}) {
  const [promoting, setPromoting] = useState<Segment | null>(null);
  const gallery = `/projects/${scene.projectId}/test-shots?sceneTypeId=${scene.sceneType.id}`;
  return (
    <Stack gap="sm" data-testid="test-shots">
      <Group justify="space-between" align="baseline">
        <Title order={3} size="h5">
          Test shots{testShots.length > 0 ? ` (${testShots.length})` : ''}
        </Title>
        <Anchor component={Link} to={gallery} size="sm" data-testid="test-shot-gallery-link">
          All test shots of {scene.sceneType.name}
        </Anchor>
      </Group>
      {testShots.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="test-shots-empty">
          None yet. <b>Test shot</b> renders one short segment from the {scene.variantType.name} hero, at
          draft tier unless you choose production, to try the scene type on {scene.character.name} before a
          full generation. It does not change the scene's segments; one that passes QA can become segment 1.
        </Text>
      ) : (
        <>
          {canEdit && live && testShots.some((s) => s.status === 'qa_pass' || s.status === 'approved') && (
            <Text size="xs" c="dimmed">
              A run is live: a test shot can be promoted once it has finished or is cancelled.
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2, sm: 3, lg: 4 }} spacing="sm">
            {testShots.map((s) => (
              <TestShotCard
                key={s.id}
                shot={s}
                canEdit={canEdit}
                blocked={live}
                onPromote={() => setPromoting(s)}
              />
            ))}
          </SimpleGrid>
        </>
      )}
      <PromoteDialog
        shot={promoting}
        sceneId={scene.id}
        chainLength={chainLength}
        places={places}
        onClose={() => setPromoting(null)}
      />
    </Stack>
  );
}
