// Cinema mode (PRD-036): one video full screen on black, with a few controls over the picture that hide after two
// seconds without the mouse moving. Esc leaves it (the browser's own exit, or ours when full screen was refused).
import { ActionIcon, Slider, Text, Tooltip } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { NextFrameIcon, PauseIcon, PlayIcon, PreviousFrameIcon, RejectIcon } from '../icons';
import classes from './player.module.css';
import { type PlayerHandle, VideoPlayer } from './video-player';

export interface CinemaModeProps {
  src: string;
  fps: number;
  frameCount?: number | null;
  fallbackSrc?: string | null;
  initialFrame?: number;
  label?: string;
  /** Called with the frame on screen when cinema mode closes. */
  onClose: (frame: number) => void;
}

/** How long the overlay stays after the mouse last moved (ms). */
export const cinemaIdleMs = 2000;

export function CinemaMode({
  src,
  fps,
  frameCount,
  fallbackSrc,
  initialFrame = 0,
  label,
  onClose,
}: CinemaModeProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const player = useRef<PlayerHandle>(null);
  const [frame, setFrame] = useState(initialFrame);
  const [playing, setPlaying] = useState(false);
  const [idle, setIdle] = useState(false);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const close = useRef(onClose);
  close.current = onClose;
  const lastFrame = Math.max(0, (frameCount ?? Math.round((player.current?.video?.duration ?? 0) * fps)) - 1);

  const wake = () => {
    setIdle(false);
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(() => setIdle(true), cinemaIdleMs);
  };

  // full screen on open; leaving full screen (Esc in the browser) closes cinema mode
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on open
  useEffect(() => {
    const root = rootRef.current!;
    root.focus();
    wake();
    let entered = false;
    const exit = () => close.current(player.current?.currentFrame() ?? initialFrame);
    const onChange = () => {
      if (document.fullscreenElement === root) entered = true;
      else if (entered) exit();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      exit();
    };
    const video = player.current?.video;
    const onPlayState = () => setPlaying(!(video?.paused ?? true));
    video?.addEventListener('play', onPlayState);
    video?.addEventListener('pause', onPlayState);
    document.addEventListener('fullscreenchange', onChange);
    document.addEventListener('keydown', onKey);
    root.requestFullscreen?.().catch(() => undefined);
    return () => {
      video?.removeEventListener('play', onPlayState);
      video?.removeEventListener('pause', onPlayState);
      document.removeEventListener('fullscreenchange', onChange);
      document.removeEventListener('keydown', onKey);
      if (idleTimer.current) clearTimeout(idleTimer.current);
      if (document.fullscreenElement === root) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  const toggle = () => {
    const p = player.current;
    if (!p?.video) return;
    if (p.video.paused) void p.play();
    else p.pause();
  };

  return createPortal(
    <div
      ref={rootRef}
      className={classes.cinema}
      data-testid="cinema"
      data-idle={idle}
      role="dialog"
      aria-label={label ? `Cinema mode: ${label}` : 'Cinema mode'}
      tabIndex={-1}
      onPointerMove={wake}
      onKeyDown={wake}
    >
      <div className={classes.cinemaStage}>
        <VideoPlayer
          ref={player}
          src={src}
          fps={fps}
          frameCount={frameCount}
          fallbackSrc={fallbackSrc}
          initialFrame={initialFrame}
          bare
          maxHeight="100vh"
          videoTestId="cinema-video"
          onFrame={setFrame}
        />
      </div>
      <div className={classes.cinemaControls} data-testid="cinema-controls">
        <Tooltip label="One frame back (←)">
          <ActionIcon
            variant="subtle"
            color="gray.0"
            aria-label="One frame back"
            onClick={() => void player.current?.stepFrames(-1)}
          >
            <PreviousFrameIcon size={18} />
          </ActionIcon>
        </Tooltip>
        <ActionIcon
          variant="subtle"
          color="gray.0"
          aria-label={playing ? 'Pause' : 'Play'}
          onClick={toggle}
          data-testid="cinema-toggle"
        >
          {playing ? <PauseIcon size={18} /> : <PlayIcon size={18} />}
        </ActionIcon>
        <Tooltip label="One frame forward (→)">
          <ActionIcon
            variant="subtle"
            color="gray.0"
            aria-label="One frame forward"
            onClick={() => void player.current?.stepFrames(1)}
          >
            <NextFrameIcon size={18} />
          </ActionIcon>
        </Tooltip>
        <Slider
          className={classes.cinemaSeek}
          min={0}
          max={Math.max(1, lastFrame)}
          value={Math.min(frame, Math.max(1, lastFrame))}
          label={null}
          size="sm"
          aria-label="Seek"
          onChange={(f) => {
            player.current?.pause();
            void player.current?.seekToFrame(f);
          }}
        />
        <Text size="sm" c="gray.3" ff="monospace" data-testid="cinema-frame">
          {label ? `${label} · ` : ''}Frame {frame}
        </Text>
        <Tooltip label="Leave cinema mode (Esc)">
          <ActionIcon
            variant="subtle"
            color="gray.0"
            aria-label="Leave cinema mode"
            onClick={() => {
              if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
              close.current(player.current?.currentFrame() ?? frame);
            }}
            data-testid="cinema-close"
          >
            <RejectIcon size={18} />
          </ActionIcon>
        </Tooltip>
      </div>
    </div>,
    document.body,
  );
}
