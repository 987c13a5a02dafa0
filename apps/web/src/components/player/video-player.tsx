// The frame-accurate video player (PRD-083), embeddable anywhere: a <video> whose frame on screen is known exactly
// (requestVideoFrameCallback), with a frame counter and SMPTE timecode, frame stepping, J/K/L shuttle, speeds,
// an A-B loop, a scrub bar with hover thumbnails and a filmstrip. Pages drive it through its handle (`ref`).
import { Alert, Button, Group, NativeSelect, Tooltip } from '@mantine/core';
import {
  type ReactNode,
  type Ref,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import {
  CinemaIcon,
  ClearLoopIcon,
  FirstFrameIcon,
  LastFrameIcon,
  MutedIcon,
  NextFrameIcon,
  PauseIcon,
  PlayIcon,
  PreviousFrameIcon,
  SoundOnIcon,
} from '../icons';
import { CinemaMode } from './cinema';
import { Filmstrip } from './filmstrip';
import { PlaybackEngine, playbackRates } from './playback-engine';
import classes from './player.module.css';
import { Control, FrameReadout, GoTo, KeysHelp } from './player-controls';
import { actionOfKey, keyBelongsToTarget, runAction } from './player-keys';
import { useSprite } from './sprite';
import { Timeline } from './timeline';

/** What a page (or a sync-play grid) can do with a player. */
export interface PlayerHandle {
  play(): Promise<void>;
  pause(): void;
  /** Shows exactly frame `n`; resolves with the frame presented. */
  seekToFrame(n: number): Promise<number>;
  /** The frame on screen. */
  currentFrame(): number;
  /** Pauses and moves `delta` frames; resolves with the frame presented. */
  stepFrames(delta: number): Promise<number>;
  /** The <video> element (null before mount). */
  readonly video: HTMLVideoElement | null;
}

export interface VideoPlayerProps {
  /** Video URL (media routes answer HTTP range requests). */
  src: string;
  fps: number;
  /** Frames in the video when known; otherwise duration × fps. */
  frameCount?: number | null;
  /** Filmstrip sprite sheet (`/api/v1/media/{id}/sprite?…`); no filmstrip or hover thumbnails without it. */
  spriteUrl?: string | null;
  /** Ask for the filmstrip only after this long on one video (review flows that move on quickly). */
  spriteDelayMs?: number;
  /** Called with each new frame on screen. */
  onFrame?: (frame: number) => void;
  initialFrame?: number;
  autoPlay?: boolean;
  /** Handle keys when the player or the page has focus (default true). Enter, Backspace, Delete, F never are. */
  keyboard?: boolean;
  /** Drawn over the picture (annotations). */
  overlay?: ReactNode;
  ref?: Ref<PlayerHandle>;
  /** Played when `src` cannot be decoded here, e.g. the video's H.264 proxy. */
  fallbackSrc?: string | null;
  poster?: string | null;
  loop?: boolean;
  /** Tallest the picture may be (the page scrolls otherwise). */
  maxHeight?: number | string;
  /** `data-testid` of the <video> element. */
  videoTestId?: string;
  /** Only the picture: no scrub bar, transport or filmstrip, and a click does not play (a sync-play grid cell). */
  bare?: boolean;
  /** A button in the transport opens this video in cinema mode (full screen, black, minimal controls). */
  cinema?: boolean;
  /** Shown in cinema mode's overlay. */
  label?: string;
}

/** The player that answers keys pressed while nothing is focused: the last one used, else the first mounted. */
let pagePlayer: string | null = null;

export function VideoPlayer({
  src,
  fps,
  frameCount,
  spriteUrl,
  spriteDelayMs = 0,
  onFrame,
  initialFrame = 0,
  autoPlay = false,
  keyboard = true,
  overlay,
  ref,
  fallbackSrc,
  poster,
  loop = false,
  maxHeight,
  videoTestId = 'player-video',
  bare = false,
  cinema = false,
  label,
}: VideoPlayerProps) {
  const id = useId();
  const engineRef = useRef<PlaybackEngine | null>(null);
  engineRef.current ??= new PlaybackEngine({ fps, frameCount, onFrame }, initialFrame);
  const engine = engineRef.current;
  useLayoutEffect(() => engine.configure({ fps, frameCount, onFrame }));
  // the controls re-render when the transport changes; only the readouts below follow every frame
  const state = useSyncExternalStore(engine.subscribe, engine.controls);
  const videoRef = useRef<HTMLVideoElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [source, setSource] = useState(src);
  const [problem, setProblem] = useState<string | null>(null);
  const sprite = useSprite(bare ? null : spriteUrl, spriteDelayMs);
  /** The frame cinema mode opened at, while it is open. */
  const [cinemaFrom, setCinemaFrom] = useState<number | null>(null);

  useEffect(() => {
    setSource(src);
    setProblem(null);
  }, [src]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new source is a new video; the other props are read when it loads
  useEffect(() => {
    const video = videoRef.current!;
    engine.attach(video);
    const start = () => {
      void (async () => {
        if (initialFrame > 0) await engine.seekToFrame(initialFrame);
        if (autoPlay) await engine.play().catch(() => undefined);
      })();
    };
    if (video.readyState >= 1) start();
    else video.addEventListener('loadedmetadata', start, { once: true });
    return () => {
      video.removeEventListener('loadedmetadata', start);
      engine.dispose();
    };
  }, [engine, source]);

  // the root's data-frame follows every frame without re-rendering the player
  useEffect(
    () =>
      engine.subscribe(() => {
        if (rootRef.current) rootRef.current.dataset.frame = String(engine.currentFrame());
      }),
    [engine],
  );

  useImperativeHandle(
    ref,
    () => ({
      play: () => engine.play(),
      pause: () => engine.pause(),
      seekToFrame: (n) => engine.seekToFrame(n),
      currentFrame: () => engine.currentFrame(),
      stepFrames: (delta) => engine.stepFrames(delta),
      get video() {
        return videoRef.current;
      },
    }),
    [engine],
  );

  // keys pressed while nothing has focus go to the page's player
  useEffect(() => {
    if (!keyboard) return;
    pagePlayer ??= id;
    const onKey = (e: KeyboardEvent) => {
      const onPage = e.target === document.body || e.target === document.documentElement;
      if (!onPage || pagePlayer !== id || e.defaultPrevented) return;
      const action = actionOfKey(e);
      if (!action) return;
      e.preventDefault();
      runAction(engine, action);
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (pagePlayer === id) pagePlayer = null;
    };
  }, [keyboard, engine, id]);

  const onError = () => {
    const error = videoRef.current?.error;
    if (fallbackSrc && source !== fallbackSrc) {
      setProblem('This video’s codec does not play in this browser; playing its H.264 proxy.');
      setSource(fallbackSrc);
      return;
    }
    setProblem(
      error?.code === MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED || error?.code === MediaError.MEDIA_ERR_DECODE
        ? 'This video cannot be played in this browser: its format or codec is not supported here.'
        : `This video could not be loaded${error?.message ? ` (${error.message})` : ''}.`,
    );
  };

  const lastFrame = Math.max(0, (state.frameCount ?? 1) - 1);
  const seek = (frame: number) => {
    engine.pause();
    void engine.seekToFrame(frame);
  };
  const loopSet = state.loopIn !== null || state.loopOut !== null;
  const mouseKeepsFocus = (e: { preventDefault(): void }) => e.preventDefault();
  return (
    <div
      ref={rootRef}
      className={classes.root}
      role="application"
      aria-label="Video player"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: focused, the player takes the keyboard (frame steps, J/K/L)
      tabIndex={0}
      data-testid="player"
      data-frame={engine.currentFrame()}
      data-playing={state.playing || state.reverse > 0}
      data-rate={state.reverse ? -state.reverse : state.rate}
      data-loop-in={state.loopIn ?? undefined}
      data-loop-out={state.loopOut ?? undefined}
      onPointerDown={() => {
        pagePlayer = id;
      }}
      onFocus={() => {
        pagePlayer = id;
      }}
      onKeyDown={(e) => {
        // keys in cinema mode (a portal inside this player) belong to its own player
        if (!keyboard || cinemaFrom !== null || keyBelongsToTarget(e.key, e.target)) return;
        const action = actionOfKey(e);
        if (!action) return;
        e.preventDefault();
        runAction(engine, action);
      }}
    >
      <div className={classes.stage}>
        <video
          ref={videoRef}
          className={classes.video}
          src={source}
          poster={poster ?? undefined}
          preload="auto"
          playsInline
          loop={loop}
          muted={autoPlay}
          style={{ maxHeight }}
          data-testid={videoTestId}
          onClick={bare ? undefined : () => engine.togglePlay()}
          onError={onError}
        />
        {overlay && <div className={classes.overlay}>{overlay}</div>}
      </div>
      {problem && (
        <Alert color={source === fallbackSrc ? 'blue' : 'red'} variant="light" data-testid="player-problem">
          {problem}
        </Alert>
      )}
      {!bare && (
        <>
          <Timeline
            engine={engine}
            lastFrame={lastFrame}
            fps={fps}
            loopIn={state.loopIn}
            loopOut={state.loopOut}
            sprite={sprite}
            onSeek={seek}
          />
          <div className={classes.controls}>
            <Group gap={2} wrap="nowrap">
              <Control label="First frame (Home)" onClick={() => seek(0)}>
                <FirstFrameIcon size={16} />
              </Control>
              <Control label="One frame back (←)" onClick={() => void engine.stepFrames(-1)}>
                <PreviousFrameIcon size={16} />
              </Control>
              <Control
                label={state.playing || state.reverse ? 'Pause (Space)' : 'Play (Space)'}
                onClick={() => engine.togglePlay()}
                testId="player-toggle"
              >
                {state.playing || state.reverse ? <PauseIcon size={16} /> : <PlayIcon size={16} />}
              </Control>
              <Control label="One frame forward (→)" onClick={() => void engine.stepFrames(1)}>
                <NextFrameIcon size={16} />
              </Control>
              <Control label="Last frame (End)" onClick={() => seek(lastFrame)}>
                <LastFrameIcon size={16} />
              </Control>
            </Group>
            <FrameReadout engine={engine} fps={fps} lastFrame={lastFrame} />
            <GoTo fps={fps} onGo={seek} />
            <NativeSelect
              size="xs"
              aria-label="Speed"
              value={String(state.rate)}
              data={playbackRates.map((r) => ({ value: String(r), label: `${r}×` }))}
              onChange={(e) => engine.setRate(Number(e.currentTarget.value))}
              w={72}
              data-testid="player-speed"
            />
            <Group gap={2} wrap="nowrap">
              <Tooltip label="Loop in at this frame ([)">
                <Button
                  size="compact-xs"
                  variant="default"
                  onMouseDown={mouseKeepsFocus}
                  onClick={() => engine.setLoopIn()}
                >
                  A{state.loopIn !== null ? ` ${state.loopIn}` : ''}
                </Button>
              </Tooltip>
              <Tooltip label="Loop out at this frame (])">
                <Button
                  size="compact-xs"
                  variant="default"
                  onMouseDown={mouseKeepsFocus}
                  onClick={() => engine.setLoopOut()}
                >
                  B{state.loopOut !== null ? ` ${state.loopOut}` : ''}
                </Button>
              </Tooltip>
              {loopSet && (
                <Control label="Clear the loop" onClick={() => engine.clearLoop()} testId="player-clear-loop">
                  <ClearLoopIcon size={16} />
                </Control>
              )}
            </Group>
            <Control label={state.muted ? 'Sound on (M)' : 'Mute (M)'} onClick={() => engine.toggleMute()}>
              {state.muted ? <MutedIcon size={16} /> : <SoundOnIcon size={16} />}
            </Control>
            {cinema && (
              <Control
                label="Cinema mode"
                onClick={() => {
                  engine.pause();
                  setCinemaFrom(engine.currentFrame());
                }}
                testId="player-cinema"
              >
                <CinemaIcon size={16} />
              </Control>
            )}
            <KeysHelp />
          </div>
          {sprite && <Filmstrip sprite={sprite} engine={engine} onSeek={seek} />}
        </>
      )}
      {cinemaFrom !== null && (
        <CinemaMode
          src={source}
          fps={fps}
          frameCount={frameCount}
          initialFrame={cinemaFrom}
          label={label}
          onClose={(frame) => {
            setCinemaFrom(null);
            void engine.seekToFrame(frame);
          }}
        />
      )}
    </div>
  );
}
