// Lockstep: several players of one length driven by one transport (PRD-036 sync-play grid). The first player
// leads; the others follow its clock. A follower a little off plays slightly faster or slower until it is back; one
// more than a few frames off (a stall, a slow seek) is re-seeked ahead of the leader by the time seeks take here.
// Looping players loop together: at the end all of them go back to the first frame and start again at once, rather
// than each wrapping on its own (a wrap stalls a video for a moment, never for the same moment twice).
import { driftOf, planCorrection, spreadInFrames } from '@i2v/domain';
import type { PlayerHandle } from './video-player';

export interface Lockstep {
  play(): Promise<void>;
  pause(): Promise<void>;
  /** Every player shows frame `n`. */
  seekToFrame(n: number): Promise<void>;
  /** Every player pauses and moves `delta` frames from the leader's frame. */
  stepFrames(delta: number): Promise<void>;
  setRate(rate: number): void;
  /** Largest difference between the players' playback positions now, in frames. */
  spread(): number;
  /** Largest difference between the frames the players show, in frames. */
  presentedSpread(): number;
  dispose(): void;
}

export interface LockstepOptions {
  fps: number;
  /** How often drift is checked and corrected (ms). */
  everyMs?: number;
}

const videosOf = (players: readonly PlayerHandle[]) =>
  players.map((p) => p.video).filter((v): v is HTMLVideoElement => v !== null);

export function createLockstep(players: readonly PlayerHandle[], options: LockstepOptions): Lockstep {
  const { fps, everyMs = 100 } = options;
  let rate = 1;
  let timer: ReturnType<typeof setInterval> | null = null;
  /** Seconds a seek of a playing video takes to show its frame, learnt as it goes. */
  let seekLead = 0.05;
  const busyUntil = new Map<HTMLVideoElement, number>();
  /** While playing: whether the players loop (the lockstep wraps them) and the leader's end listener. */
  let running: { loops: boolean; offEnded: () => void } | null = null;
  let wrapping = false;

  const leader = () => players[0]?.video ?? null;
  /** Length of the loop while looping players play: the last frame and the first are neighbours then. */
  const loopSeconds = () => {
    const d = leader()?.duration;
    return running?.loops && d && Number.isFinite(d) ? d : null;
  };

  const correct = () => {
    const lead = leader();
    if (!lead || lead.paused || wrapping) return;
    const now = performance.now();
    for (const v of videosOf(players.slice(1))) {
      if (v.seeking || v.ended || (busyUntil.get(v) ?? 0) > now) continue;
      if (v.paused) void v.play().catch(() => undefined);
      const drift = driftOf(v.currentTime, lead.currentTime);
      const plan = planCorrection(drift, lead.currentTime, { fps, rate, seekLead });
      if (plan.kind === 'seek') {
        const started = performance.now();
        busyUntil.set(v, started + 10_000);
        v.addEventListener(
          'seeked',
          () => {
            // learn the seek latency (bounded), and let the follower settle before judging it again
            const took = (performance.now() - started) / 1000;
            seekLead = Math.min(0.5, Math.max(0.01, seekLead * 0.7 + took * 0.3));
            busyUntil.set(v, performance.now() + 2 * everyMs);
          },
          { once: true },
        );
        v.currentTime = Math.min(plan.time, v.duration - 0.5 / fps);
      }
      if (Math.abs(v.playbackRate - plan.rate) > 1e-3) v.playbackRate = plan.rate;
    }
  };

  const alignAll = async (frame: number) => {
    await Promise.all(players.map((p) => p.seekToFrame(frame)));
  };

  const startAll = async () => {
    for (const v of videosOf(players)) v.playbackRate = rate;
    // started in one task, so they start on the same rendering frame
    await Promise.all(videosOf(players).map((v) => v.play().catch(() => undefined)));
  };

  const stop = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
    if (running) {
      running.offEnded();
      for (const v of videosOf(players)) v.loop = running.loops;
    }
    running = null;
    for (const p of players) p.pause();
  };

  /** The leader reached the end: everyone back to the first frame, then on together. */
  const wrap = async () => {
    if (!running?.loops || wrapping) return;
    wrapping = true;
    try {
      for (const p of players) p.pause();
      await alignAll(0);
      if (running) await startAll();
    } finally {
      wrapping = false;
    }
  };

  return {
    async play() {
      stop();
      const lead = leader();
      if (!lead) return;
      const loops = lead.loop;
      for (const v of videosOf(players)) v.loop = false;
      const onEnded = () => void wrap();
      lead.addEventListener('ended', onEnded);
      running = { loops, offEnded: () => lead.removeEventListener('ended', onEnded) };
      await alignAll(players[0]!.currentFrame());
      await startAll();
      timer = setInterval(correct, everyMs);
    },
    async pause() {
      stop();
      if (leader()) await alignAll(players[0]!.currentFrame());
      for (const v of videosOf(players)) v.playbackRate = rate;
    },
    async seekToFrame(n) {
      stop();
      await alignAll(n);
    },
    async stepFrames(delta) {
      stop();
      await alignAll((players[0]?.currentFrame() ?? 0) + delta);
    },
    setRate(next) {
      rate = next;
      for (const v of videosOf(players)) v.playbackRate = next;
    },
    spread() {
      return spreadInFrames(
        videosOf(players).map((v) => v.currentTime),
        fps,
        loopSeconds(),
      );
    },
    presentedSpread() {
      // whole frames: rounding drops the float noise of frame / fps × fps
      return Math.round(
        spreadInFrames(
          players.map((p) => p.currentFrame() / fps),
          fps,
          loopSeconds(),
        ),
      );
    },
    dispose() {
      stop();
    },
  };
}
