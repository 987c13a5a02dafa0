// Source-image QA (PRD-022) under the source image: "Analysing…" until the background analysis has run, then whether
// a face was found and a warning per problem. Right after an upload the character is polled until the result lands.
import { Anchor, Badge, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { Character } from '@/api/types';
import { CheckIcon, WarningIcon } from '@/components';
import { formatDateTime } from '@/format/date-time';
import { useCharacter } from '../character-queries';

type Qa = NonNullable<NonNullable<Character['sourceImage']>['qa']>;
type ProblemCode = Qa['problems'][number]['code'];

const pollMs = 2000;
/** The analysis takes a second or two; past this the panel stops asking and offers to check again. */
const pollWindowMs = 30_000;

/** A missing face makes likeness checks impossible (red); the rest make them weaker (yellow). */
const problemColors: Record<ProblemCode, string> = {
  low_resolution: 'yellow',
  weak_face: 'yellow',
  blurry: 'yellow',
  no_face: 'red',
};

const problemLabels: Record<ProblemCode, string> = {
  low_resolution: 'Low resolution',
  weak_face: 'Weak face',
  blurry: 'Blurry',
  no_face: 'No face',
};

/** Refetches the character every 2 s while its source image has no QA yet, for up to 30 s; false once it gave up. */
function useQaPolling(character: Character): { polling: boolean; checkAgain: () => void } {
  const { refetch } = useCharacter(character.id);
  const refetchRef = useRef(refetch);
  refetchRef.current = refetch;
  const sourceId = character.sourceImage?.id ?? null;
  const pending = sourceId !== null && character.sourceImage?.qa === null;
  const [round, setRound] = useState(0);
  const [gaveUp, setGaveUp] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` restarts the window when asked to check again
  useEffect(() => {
    if (!pending || sourceId === null) return;
    const startedAt = Date.now();
    setGaveUp(null);
    const timer = setInterval(() => {
      if (Date.now() - startedAt >= pollWindowMs) {
        clearInterval(timer);
        setGaveUp(sourceId);
        return;
      }
      void refetchRef.current();
    }, pollMs);
    return () => clearInterval(timer);
  }, [pending, sourceId, round]);

  return { polling: pending && gaveUp !== sourceId, checkAgain: () => setRound((r) => r + 1) };
}

function QaResult({ qa }: { qa: Qa }) {
  return (
    <Stack gap={6} data-testid="source-qa" data-state="analysed">
      <Group gap={6} wrap="wrap">
        {qa.faceFound && (
          <Tooltip label={`Face detector confidence; analysed ${formatDateTime(qa.analysedAt)}`}>
            <Badge
              color="green"
              variant="light"
              tt="none"
              leftSection={<CheckIcon size={12} />}
              data-testid="source-qa-face"
            >
              Face found ({qa.faceScore.toFixed(2)})
            </Badge>
          </Tooltip>
        )}
        {qa.problems.length === 0 && (
          <Text size="xs" c="dimmed">
            No problems found
          </Text>
        )}
      </Group>
      {qa.problems.map((problem) => (
        <Group
          key={problem.code}
          gap={6}
          wrap="nowrap"
          align="flex-start"
          data-testid="source-qa-problem"
          data-code={problem.code}
        >
          <Badge
            color={problemColors[problem.code]}
            variant="light"
            tt="none"
            leftSection={<WarningIcon size={12} />}
            miw="max-content"
          >
            {problemLabels[problem.code]}
          </Badge>
          <Text size="xs" c="dimmed">
            {problem.message}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

export function SourceImageQa({ character }: { character: Character }) {
  const { polling, checkAgain } = useQaPolling(character);
  const qa = character.sourceImage?.qa;
  if (!character.sourceImage) return null;
  if (qa) return <QaResult qa={qa} />;
  if (polling) {
    return (
      <Group gap={6} data-testid="source-qa" data-state="analysing">
        <Loader size={12} />
        <Text size="xs" c="dimmed">
          Analysing…
        </Text>
      </Group>
    );
  }
  return (
    <Text size="xs" c="dimmed" data-testid="source-qa" data-state="not-analysed">
      Not analysed yet: the image check runs in the background.{' '}
      <Anchor component="button" type="button" size="xs" onClick={checkAgain}>
        Check again
      </Anchor>
    </Text>
  );
}
