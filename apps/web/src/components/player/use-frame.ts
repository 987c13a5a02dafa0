// Subscribes a component to the frame on screen alone: only what shows the frame re-renders with every frame.
import { useSyncExternalStore } from 'react';
import type { PlaybackEngine } from './playback-engine';

export function useFrame(engine: PlaybackEngine): number {
  return useSyncExternalStore(engine.subscribe, engine.frameNow);
}
