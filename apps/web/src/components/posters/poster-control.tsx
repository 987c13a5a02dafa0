// The poster frame of a character or scene (PRD-096): the picture lists show for it, with "use this frame",
// "auto-pick" (best face, else sharpest frame; the reason is shown) and "clear".
import { Button, Group, Image, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { AutoPickIcon, PosterIcon } from '../icons';
import { notifyError, notifySuccess } from '../notify';
import { type PosterOwner, usePoster, usePosterActions } from './poster-queries';

export interface PosterControlProps {
  owner: PosterOwner;
  id: string;
  /** The frame on screen, offered as "Use frame N" (scenes: of the scene's video). */
  currentFrame?: number | null;
  /** Another file to offer (e.g. a character's source image), with its label. */
  image?: { fileId: string; label: string } | null;
  canEdit: boolean;
}

export function PosterControl({ owner, id, currentFrame, image, canEdit }: PosterControlProps) {
  const poster = usePoster(owner, id);
  const actions = usePosterActions(owner, id);
  const [why, setWhy] = useState<string | null>(null);
  const p = poster.data?.poster ?? null;
  const busy = actions.set.isPending || actions.auto.isPending || actions.clear.isPending;
  return (
    <Group
      gap="sm"
      align="flex-start"
      wrap="nowrap"
      data-testid="poster-control"
      data-poster-frame={p?.frame ?? undefined}
    >
      {p ? (
        <Image
          src={p.thumbnailUrl ?? p.url}
          alt="Poster frame"
          w={96}
          h={96}
          fit="cover"
          radius="sm"
          data-testid="poster-image"
        />
      ) : (
        <Stack
          w={96}
          h={96}
          align="center"
          justify="center"
          bg="var(--mantine-color-default-hover)"
          style={{ borderRadius: 4 }}
        >
          <PosterIcon size={28} stroke={1.25} aria-hidden />
        </Stack>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          Poster frame
        </Text>
        <Text size="xs" c="dimmed">
          {p
            ? p.frame !== null
              ? `Frame ${p.frame} of a video`
              : 'An image'
            : 'Not chosen: lists show the usual thumbnail.'}
        </Text>
        {why && (
          <Text size="xs" c="dimmed" data-testid="poster-reason">
            {why}
          </Text>
        )}
        {canEdit && (
          <Group gap={4}>
            {currentFrame !== undefined && currentFrame !== null && (
              <Button
                size="compact-xs"
                variant="light"
                disabled={busy}
                onClick={() =>
                  actions.set.mutate(
                    { frame: currentFrame },
                    {
                      onSuccess: () => notifySuccess(`Frame ${currentFrame} is the poster now.`),
                      onError: (e) => notifyError(e, 'The poster was not set'),
                    },
                  )
                }
                data-testid="poster-use-frame"
              >
                Use frame {currentFrame}
              </Button>
            )}
            {image && (
              <Button
                size="compact-xs"
                variant="light"
                disabled={busy}
                onClick={() =>
                  actions.set.mutate(
                    { fileId: image.fileId },
                    { onError: (e) => notifyError(e, 'The poster was not set') },
                  )
                }
              >
                Use {image.label}
              </Button>
            )}
            <Button
              size="compact-xs"
              variant="light"
              leftSection={<AutoPickIcon size={14} />}
              loading={actions.auto.isPending}
              disabled={busy}
              onClick={() =>
                actions.auto.mutate(undefined, {
                  onSuccess: (r) => setWhy(r.detail),
                  onError: (e) => notifyError(e, 'No poster was picked'),
                })
              }
              data-testid="poster-auto"
            >
              Auto-pick
            </Button>
            {p && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                disabled={busy}
                onClick={() => actions.clear.mutate(undefined, { onError: (e) => notifyError(e) })}
              >
                Clear
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Group>
  );
}
