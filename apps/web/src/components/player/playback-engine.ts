// The frame-accurate core of the player (PRD-083), without React: it drives one <video>, knows which frame is on
// screen from requestVideoFrameCallback (never from currentTime guesses), seeks to a frame's middle, steps, shuttles
// (J/K/L; backwards by stepping, as browsers cannot play in reverse) and loops between A and B.
import { frameAtTime, frameCountOf, frameOfPresentation, seekTimeOfFrame } from '@i2v/domain';

export const playbackRates = [0.25, 0.5, 1, 2, 4] as const;
const shuttleRates = [1, 2, 4] as const;

export interface PlaybackSnapshot {
  /** The frame on screen (0-based), as presented. */
  frame: number;
  /** Frames in the video; null until the video's length is known. */
  frameCount: number | null;
  playing: boolean;
  /** Forward playback rate. */
  rate: number;
  /** Frames a second × fps of the backward shuttle (J); 0 when not shuttling backwards. */
  reverse: number;
  loopIn: number | null;
  loopOut: number | null;
  muted: boolean;
  /** A seek is under way. */
  seeking: boolean;
}

/** Everything but the frame: what the transport controls show (changes seldom, unlike the frame). */
export type ControlsSnapshot = Omit<PlaybackSnapshot, 'frame' | 'seeking'>;

export interface EngineOptions {
  fps: number;
  frameCount?: number | null;
  onFrame?: (frame: number) => void;
}

const next = <T extends number>(values: readonly T[], current: number): T =>
  values.find((v) => v > current + 1e-9) ?? values[values.length - 1]!;

export class PlaybackEngine {
  private video: HTMLVideoElement | null = null;
  private options: EngineOptions;
  private snap: PlaybackSnapshot;
  private controlsSnap: ControlsSnapshot;
  private readonly listeners = new Set<() => void>();
  private frameRequest: number | null = null;
  /** Target of the seek under way, and who waits for it. */
  private target: number | null = null;
  private waiters: ((frame: number) => void)[] = [];
  private reverseTimer: number | null = null;
  private detach: (() => void) | null = null;

  constructor(options: EngineOptions, initialFrame = 0) {
    this.options = options;
    this.snap = {
      frame: initialFrame,
      frameCount: options.frameCount ?? null,
      playing: false,
      rate: 1,
      reverse: 0,
      loopIn: null,
      loopOut: null,
      muted: false,
      seeking: false,
    };
    this.controlsSnap = controlsOf(this.snap);
  }

  /** New props: fps, the known frame count, the frame listener. */
  configure(options: EngineOptions): void {
    this.options = options;
    if (options.frameCount && options.frameCount !== this.snap.frameCount) {
      this.update({ frameCount: options.frameCount });
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): PlaybackSnapshot => this.snap;

  /** The frame on screen, for subscribers that only show the frame. */
  frameNow = (): number => this.snap.frame;

  /** The controls' part of the snapshot; the same object until one of its fields changes. */
  controls = (): ControlsSnapshot => this.controlsSnap;

  get element(): HTMLVideoElement | null {
    return this.video;
  }

  get lastFrame(): number {
    return Math.max(0, (this.snap.frameCount ?? 1) - 1);
  }

  attach(video: HTMLVideoElement): void {
    this.detach?.();
    this.video = video;
    const on = <K extends keyof HTMLMediaElementEventMap>(type: K, fn: () => void) => {
      video.addEventListener(type, fn);
      return () => video.removeEventListener(type, fn);
    };
    const offs = [
      on('loadedmetadata', () => {
        if (!this.options.frameCount && Number.isFinite(video.duration)) {
          this.update({ frameCount: frameCountOf(video.duration, this.options.fps) });
        }
      }),
      on('play', () => this.update({ playing: true })),
      on('pause', () => {
        if (this.target !== null || this.snap.reverse || video.ended) return this.update({ playing: false });
        // paused mid-play, the picture may be a frame past the last one reported: settle on the frame at the paused
        // time first, so the counter and the picture agree when the player says it is paused
        void this.seekToFrame(frameAtTime(video.currentTime, this.options.fps)).then(() =>
          this.update({ playing: false }),
        );
      }),
      on('ratechange', () => this.update({ rate: video.playbackRate })),
      on('volumechange', () => this.update({ muted: video.muted })),
      on('seeking', () => this.update({ seeking: true })),
      on('seeked', () => this.afterSeek()),
    ];
    this.detach = () => {
      for (const off of offs) off();
    };
    this.update({ muted: video.muted, playing: !video.paused });
    this.watchFrames();
  }

  dispose(): void {
    this.stopReverse();
    if (this.video && this.frameRequest !== null) this.video.cancelVideoFrameCallback(this.frameRequest);
    this.frameRequest = null;
    this.detach?.();
    this.detach = null;
    this.video = null;
    this.settle(this.snap.frame);
  }

  // ---------------------------------------------------------------- transport

  async play(): Promise<void> {
    const v = this.video;
    if (!v) return;
    this.stopReverse();
    if (this.snap.frame >= this.lastFrame && !v.loop && this.snap.loopOut === null) await this.seekToFrame(0);
    else if (
      this.loopActive() &&
      (this.snap.frame < this.snap.loopIn! || this.snap.frame >= this.snap.loopOut!)
    )
      await this.seekToFrame(this.snap.loopIn!);
    await v.play().catch((err: unknown) => {
      // a pause() before playback started rejects play(): not an error
      if (!(err instanceof DOMException && err.name === 'AbortError')) throw err;
    });
  }

  pause(): void {
    this.stopReverse();
    this.video?.pause();
  }

  togglePlay(): void {
    if (this.snap.playing || this.snap.reverse) this.pause();
    else void this.play();
  }

  /** Shows exactly `frame` (clamped to the video); resolves with the frame presented. */
  seekToFrame(frame: number): Promise<number> {
    const v = this.video;
    if (!v) return Promise.resolve(this.snap.frame);
    const to = Math.min(this.lastFrame, Math.max(0, Math.round(frame)));
    this.target = to;
    const done = new Promise<number>((resolve) => this.waiters.push(resolve));
    v.currentTime = seekTimeOfFrame(to, this.options.fps);
    return done;
  }

  /** Pauses and moves `delta` frames from the frame on screen (or from where a seek under way is going). */
  stepFrames(delta: number): Promise<number> {
    this.pause();
    return this.seekToFrame((this.target ?? this.snap.frame) + delta);
  }

  currentFrame(): number {
    return this.snap.frame;
  }

  setRate(rate: number): void {
    if (this.video) this.video.playbackRate = rate;
  }

  slower(): void {
    const lower = [...playbackRates].reverse().find((r) => r < this.snap.rate - 1e-9);
    this.setRate(lower ?? playbackRates[0]);
  }

  faster(): void {
    this.setRate(next(playbackRates, this.snap.rate));
  }

  /** L: play forward at 1×; each further press while playing doubles the speed, up to 4×. */
  shuttleForward(): void {
    if (this.snap.reverse) {
      this.stopReverse();
      this.setRate(1);
    } else if (this.snap.playing) {
      this.setRate(next(shuttleRates, this.snap.rate));
      return;
    } else {
      this.setRate(1);
    }
    void this.play();
  }

  /** J: play backwards by stepping at 1×; each further press doubles the speed, up to 4×. */
  shuttleBackward(): void {
    this.video?.pause();
    const speed = this.snap.reverse ? next(shuttleRates, this.snap.reverse) : 1;
    this.stopReverse();
    this.update({ reverse: speed });
    const from = this.snap.frame;
    const started = performance.now();
    const tick = async () => {
      if (this.reverseTimer === null) return;
      const elapsed = (performance.now() - started) / 1000;
      const want = Math.max(0, from - Math.floor(elapsed * this.options.fps * speed));
      // one seek at a time: when decoding is slower than the shuttle, frames are skipped, the pace is kept
      if (want !== this.snap.frame && this.target === null) await this.seekToFrame(want);
      if (want === 0 || this.reverseTimer === null) return this.stopReverse();
      this.reverseTimer = requestAnimationFrame(() => void tick());
    };
    this.reverseTimer = requestAnimationFrame(() => void tick());
  }

  toggleMute(): void {
    if (this.video) this.video.muted = !this.video.muted;
  }

  // ---------------------------------------------------------------- A-B loop

  /** Sets A at `frame`, by default the frame on screen (or the one a seek under way is going to). */
  setLoopIn(frame = this.target ?? this.snap.frame): void {
    const out = this.snap.loopOut;
    this.update(out !== null && frame > out ? { loopIn: out, loopOut: frame } : { loopIn: frame });
  }

  setLoopOut(frame = this.target ?? this.snap.frame): void {
    const inPoint = this.snap.loopIn;
    this.update(
      inPoint !== null && frame < inPoint ? { loopIn: frame, loopOut: inPoint } : { loopOut: frame },
    );
  }

  clearLoop(): void {
    this.update({ loopIn: null, loopOut: null });
  }

  private loopActive(): boolean {
    const { loopIn, loopOut } = this.snap;
    return loopIn !== null && loopOut !== null && loopOut > loopIn;
  }

  // ---------------------------------------------------------------- frames presented

  private watchFrames(): void {
    const v = this.video;
    if (!v) return;
    const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
      if (this.video !== v) return;
      this.frameRequest = v.requestVideoFrameCallback(onFrame);
      this.present(frameOfPresentation(meta.mediaTime, this.options.fps));
    };
    this.frameRequest = v.requestVideoFrameCallback(onFrame);
  }

  private present(presented: number): void {
    const v = this.video!;
    const frame = Math.min(this.lastFrame, presented);
    if (frame !== this.snap.frame) {
      this.update({ frame });
      this.options.onFrame?.(frame);
    }
    if (this.target !== null && !v.seeking) this.settle(frame);
    if (this.loopActive() && !v.paused && !v.seeking && frame >= this.snap.loopOut!) {
      v.currentTime = seekTimeOfFrame(this.snap.loopIn!, this.options.fps);
    }
  }

  /**
   * A seek that lands on the frame already on screen presents no new frame, so no frame callback says it is done:
   * two animation frames after `seeked` (a new frame would have been presented by then) it is settled as it is.
   */
  private afterSeek(): void {
    this.update({ seeking: false });
    if (this.target === null) return;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (this.target !== null && this.video && !this.video.seeking) this.settle(this.snap.frame);
      }),
    );
  }

  private settle(frame: number): void {
    this.target = null;
    const waiting = this.waiters;
    this.waiters = [];
    for (const resolve of waiting) resolve(frame);
  }

  private stopReverse(): void {
    if (this.reverseTimer !== null) cancelAnimationFrame(this.reverseTimer);
    this.reverseTimer = null;
    if (this.snap.reverse) this.update({ reverse: 0 });
  }

  private update(patch: Partial<PlaybackSnapshot>): void {
    let changed = false;
    for (const [k, v] of Object.entries(patch)) {
      if (this.snap[k as keyof PlaybackSnapshot] !== v) changed = true;
    }
    if (!changed) return;
    this.snap = { ...this.snap, ...patch };
    if (Object.keys(patch).some((k) => k !== 'frame' && k !== 'seeking'))
      this.controlsSnap = controlsOf(this.snap);
    for (const listener of this.listeners) listener();
  }
}

function controlsOf({ frame: _frame, seeking: _seeking, ...controls }: PlaybackSnapshot): ControlsSnapshot {
  return controls;
}
