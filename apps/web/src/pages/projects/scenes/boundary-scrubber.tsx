// Manual boundary frame (PRD-024 §1.2): the paused scene's last clip with a frame slider; the chosen frame ends the
// segment and seeds the next one.
import { ActionIcon, Alert, Button, Group, Slider, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { CollapsedIcon, InfoIcon } from '@/components';
import { ProblemAlert, type ProblemPlaces } from './generation-problem';
import { type Segment, useChooseBoundaryFrame } from './generation-queries';

/** The middle of a frame's display interval: seeking to its very start can land on the frame before. */
const frameTime = (frame: number, fps: number) => (frame + 0.5) / fps;

export function BoundaryScrubber({
  segment,
  sceneId,
  places,
}: {
  segment: Segment;
  sceneId: string;
  places: ProblemPlaces;
}) {
  const first = segment.trimStartFrames;
  const last = Math.max(first, (segment.frameCount ?? 1) - 1);
  const fps = segment.fps ?? 16;
  const [frame, setFrame] = useState(last);
  const video = useRef<HTMLVideoElement>(null);
  const choose = useChooseBoundaryFrame(sceneId);

  useEffect(() => {
    const v = video.current;
    if (!v) return;
    const seek = () => {
      v.currentTime = frameTime(frame, fps);
    };
    if (v.readyState >= 1) seek();
    else v.addEventListener('loadedmetadata', seek, { once: true });
    return () => v.removeEventListener('loadedmetadata', seek);
  }, [frame, fps]);

  if (!segment.output) {
    return (
      <Alert color="red" variant="light" title="The clip is missing">
        Without its clip no frame can be chosen; cancel the run and regenerate the segment.
      </Alert>
    );
  }
  const step = (by: number) => setFrame((f) => Math.min(last, Math.max(first, f + by)));
  return (
    <Stack gap="xs" data-testid="boundary-scrubber">
      <Alert color="orange" variant="light" icon={<InfoIcon size={18} />} title="Choose the boundary frame">
        The scene waits for you: pick the frame this segment ends on. The next segment starts from it, and the
        frames after it are trimmed.
      </Alert>
      <Group align="flex-start" gap="md" wrap="nowrap">
        <video
          ref={video}
          src={segment.output.url}
          muted
          playsInline
          preload="auto"
          style={{ width: 240, maxWidth: '100%', borderRadius: 4, background: '#000', flex: 'none' }}
          data-testid="boundary-video"
        />
        <Stack gap="sm" style={{ flex: 1 }}>
          <Text size="sm" fw={600} data-testid="boundary-frame-number">
            Frame {frame} · {(frame / fps).toFixed(2)} s into the clip
          </Text>
          <Group gap="xs" wrap="nowrap">
            <ActionIcon
              variant="default"
              onClick={() => step(-1)}
              disabled={frame <= first}
              aria-label="One frame back"
            >
              <CollapsedIcon size={14} style={{ transform: 'rotate(180deg)' }} />
            </ActionIcon>
            <Slider
              style={{ flex: 1 }}
              min={first}
              max={last}
              step={1}
              value={frame}
              onChange={setFrame}
              label={(v) => `Frame ${v}`}
              thumbLabel="Boundary frame"
              data-testid="boundary-slider"
            />
            <ActionIcon
              variant="default"
              onClick={() => step(1)}
              disabled={frame >= last}
              aria-label="One frame forward"
            >
              <CollapsedIcon size={14} />
            </ActionIcon>
          </Group>
          <Text size="xs" c="dimmed">
            Frames {first}–{last} can end the segment
            {first > 0 ? ' (its first frame repeats the seed frame and is trimmed)' : ''}. The arrow keys move
            the slider one frame.
          </Text>
          <Group>
            <Button
              loading={choose.isPending}
              onClick={() => choose.mutate({ segmentId: segment.id, frameIndex: frame })}
              data-testid="choose-boundary"
            >
              Continue from frame {frame}
            </Button>
          </Group>
          {choose.isError && (
            <ProblemAlert
              error={choose.error}
              fallbackTitle="The boundary frame was not chosen"
              places={places}
              onClose={() => choose.reset()}
            />
          )}
        </Stack>
      </Group>
    </Stack>
  );
}
