// The queue beside the player: every item of the current view in review order (character, scene type, segment),
// with its thumbnail, state and QA verdict; a click (or ↑ ↓) shows it.
import { Badge, Group, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { verdictColors, verdictLabels } from '../scenes/generation-format';
import classes from './review.module.css';
import { stateColors, stateLabels } from './review-current';
import type { ReviewItem } from './review-queries';

interface ReviewQueueListProps {
  items: ReviewItem[];
  currentId: string | null;
  onSelect: (id: string) => void;
  footer?: React.ReactNode;
}

export function ReviewQueueList({ items, currentId, onSelect, footer }: ReviewQueueListProps) {
  const currentRef = useRef<HTMLButtonElement>(null);
  // the item shown stays in sight as the queue advances
  useEffect(() => {
    if (currentId) currentRef.current?.scrollIntoView({ block: 'nearest' });
  }, [currentId]);
  return (
    <ScrollArea.Autosize mah="70vh" type="auto" offsetScrollbars data-testid="review-queue">
      <Stack gap={2}>
        {items.map((item) => {
          const s = item.segment;
          const current = s.id === currentId;
          return (
            <UnstyledButton
              key={s.id}
              ref={current ? currentRef : undefined}
              className={classes.item}
              onClick={() => onSelect(s.id)}
              data-current={current || undefined}
              aria-current={current || undefined}
              // the page's keys act on the item shown: a click must not leave focus where Enter re-clicks it
              onMouseUp={(e) => e.currentTarget.blur()}
              data-testid="review-queue-item"
              data-segment-id={s.id}
              data-state={item.state}
            >
              <Group gap="sm" wrap="nowrap">
                {s.output?.thumbnailUrl ? (
                  <img className={classes.thumb} src={s.output.thumbnailUrl} alt="" loading="lazy" />
                ) : (
                  <div className={classes.thumb} />
                )}
                <Stack gap={0} miw={0} style={{ flex: 1 }}>
                  <Text size="sm" fw={600} truncate>
                    {item.character.name} · {item.sceneType.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Segment {s.index} of {item.segmentsInScene} · v{s.version}
                  </Text>
                </Stack>
                <Stack gap={2} align="flex-end">
                  <Badge size="xs" color={stateColors[item.state]} variant="light">
                    {stateLabels[item.state]}
                  </Badge>
                  {s.qa.verdict && (
                    <Badge size="xs" color={verdictColors[s.qa.verdict]} variant="outline">
                      {verdictLabels[s.qa.verdict]}
                    </Badge>
                  )}
                </Stack>
              </Group>
            </UnstyledButton>
          );
        })}
        {footer}
      </Stack>
    </ScrollArea.Autosize>
  );
}
