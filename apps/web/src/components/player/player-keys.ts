// The player's keyboard (PRD-083, editing-suite conventions). Enter, Backspace, Delete and F are never taken: the
// pages around a player (the review page) own them.
import type { PlaybackEngine } from './playback-engine';

export type PlayerAction =
  | 'toggle'
  | 'back'
  | 'forward'
  | 'back10'
  | 'forward10'
  | 'first'
  | 'last'
  | 'shuttleBack'
  | 'stop'
  | 'shuttleForward'
  | 'loopIn'
  | 'loopOut'
  | 'slower'
  | 'faster'
  | 'mute';

/** What each key does, for the help text and the docs. */
export const playerKeys: { keys: string; does: string }[] = [
  { keys: 'Space', does: 'play / pause' },
  { keys: '← →', does: 'one frame back / forward' },
  { keys: 'Shift + ← →', does: '10 frames back / forward' },
  { keys: 'Home End', does: 'first / last frame' },
  { keys: 'J K L', does: 'shuttle back (faster each press) / stop / forward (faster each press)' },
  { keys: '[ ]', does: 'loop in (A) / loop out (B) at this frame' },
  { keys: '< >', does: 'slower / faster' },
  { keys: 'M', does: 'mute' },
];

const reserved = new Set(['Enter', 'Backspace', 'Delete', 'f', 'F']);

/** The action of a key press, or null when the player leaves the key alone. */
export function actionOfKey(e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>) {
  if (e.ctrlKey || e.metaKey || e.altKey || reserved.has(e.key)) return null;
  const byKey: Record<string, PlayerAction> = {
    ' ': 'toggle',
    ArrowLeft: e.shiftKey ? 'back10' : 'back',
    ArrowRight: e.shiftKey ? 'forward10' : 'forward',
    Home: 'first',
    End: 'last',
    j: 'shuttleBack',
    J: 'shuttleBack',
    k: 'stop',
    K: 'stop',
    l: 'shuttleForward',
    L: 'shuttleForward',
    '[': 'loopIn',
    ']': 'loopOut',
    '<': 'slower',
    '>': 'faster',
    m: 'mute',
    M: 'mute',
  };
  return byKey[e.key] ?? null;
}

/** Whether the key belongs to the element that has it: typing in a field, Space on a focused button. */
export function keyBelongsToTarget(key: string, target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return true;
  return key === ' ' && (target.tagName === 'BUTTON' || target.getAttribute('role') === 'button');
}

const actions: Record<PlayerAction, (engine: PlaybackEngine) => unknown> = {
  toggle: (e) => e.togglePlay(),
  back: (e) => e.stepFrames(-1),
  forward: (e) => e.stepFrames(1),
  back10: (e) => e.stepFrames(-10),
  forward10: (e) => e.stepFrames(10),
  first: (e) => {
    e.pause();
    return e.seekToFrame(0);
  },
  last: (e) => {
    e.pause();
    return e.seekToFrame(e.lastFrame);
  },
  shuttleBack: (e) => e.shuttleBackward(),
  stop: (e) => e.pause(),
  shuttleForward: (e) => e.shuttleForward(),
  loopIn: (e) => e.setLoopIn(),
  loopOut: (e) => e.setLoopOut(),
  slower: (e) => e.slower(),
  faster: (e) => e.faster(),
  mute: (e) => e.toggleMute(),
};

export function runAction(engine: PlaybackEngine, action: PlayerAction): void {
  void actions[action](engine);
}
