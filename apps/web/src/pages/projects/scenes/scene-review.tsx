// Review of a scene's video (PRD-038/070/096): the scene video (its final version, else the newest) in the
// frame-accurate player with the annotation overlay, the scene's notes beside it — "at frame N" pins a note to the
// frame on screen and its chip seeks back to it — and the scene's poster frame.
import { isBrowserPlayable } from '@i2v/domain';
import { Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { SceneVideoVersion } from '@/api/types';
import {
  AnnotationLayer,
  NotesPanel,
  type PlayerHandle,
  PosterControl,
  proxyUrlOf,
  spriteUrlOf,
  VideoPlayer,
} from '@/components';

interface SceneReviewProps {
  sceneId: string;
  /** Live versions, newest first. */
  versions: SceneVideoVersion[] | undefined;
  canEdit: boolean;
}

export function SceneReview({ sceneId, versions, canEdit }: SceneReviewProps) {
  const video = versions?.find((v) => v.isFinal) ?? versions?.[0] ?? null;
  const playerRef = useRef<PlayerHandle>(null);
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);

  // the player tells frames; whether it plays comes from its <video> (a new version is a new element)
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-attach when the version shown changes
  useEffect(() => {
    const el = playerRef.current?.video;
    if (!el) return;
    const sync = () => setPlaying(!el.paused);
    el.addEventListener('play', sync);
    el.addEventListener('pause', sync);
    el.addEventListener('ended', sync);
    return () => {
      el.removeEventListener('play', sync);
      el.removeEventListener('pause', sync);
      el.removeEventListener('ended', sync);
    };
  }, [video?.id]);

  const seek = (n: number) => {
    playerRef.current?.pause();
    void playerRef.current?.seekToFrame(n);
  };

  return (
    <Card withBorder padding="md" data-testid="scene-review">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4">
              Review
            </Title>
            <Text size="sm" c="dimmed">
              {video
                ? `Version ${video.versionNumber}${video.isFinal ? ' (final)' : ''}: notes at a frame and annotations refer to this video.`
                : 'Nothing to play yet: notes apply to the scene as a whole.'}
            </Text>
          </Stack>
          <PosterControl owner="scene" id={sceneId} currentFrame={video ? frame : null} canEdit={canEdit} />
        </Group>
        <Grid gap="md">
          {video && (
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <VideoPlayer
                key={video.id}
                ref={playerRef}
                src={
                  isBrowserPlayable({ codec: video.codec, mimeType: video.file.mimeType })
                    ? video.file.url
                    : proxyUrlOf(video.file.url)
                }
                fps={video.fps ?? 24}
                frameCount={video.frameCount}
                spriteUrl={spriteUrlOf(video.file.url)}
                fallbackSrc={proxyUrlOf(video.file.url)}
                poster={video.file.posterUrl}
                onFrame={setFrame}
                videoTestId="review-video"
                maxHeight="60vh"
                overlay={
                  <AnnotationLayer
                    fileId={video.file.id}
                    frame={frame}
                    width={video.file.width ?? 1280}
                    height={video.file.height ?? 720}
                    playing={playing}
                    onPause={() => playerRef.current?.pause()}
                  />
                }
              />
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, lg: video ? 5 : 12 }}>
            <NotesPanel
              entityType="scene"
              entityId={sceneId}
              currentFrame={video ? frame : undefined}
              onSeek={video ? seek : undefined}
            />
          </Grid.Col>
        </Grid>
      </Stack>
    </Card>
  );
}
