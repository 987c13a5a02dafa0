// A row of thumbnails under the video, evenly spread over it; the one showing the current part is marked, a click
// goes to its frame.
import { tileOfFrame } from '@i2v/domain';
import { useElementSize } from '@mantine/hooks';
import type { PlaybackEngine } from './playback-engine';
import classes from './player.module.css';
import { type LoadedSprite, tileStyle } from './sprite';
import { useFrame } from './use-frame';

const tileWidth = 72;

export function Filmstrip({
  sprite,
  engine,
  onSeek,
}: {
  sprite: LoadedSprite;
  engine: PlaybackEngine;
  onSeek: (frame: number) => void;
}) {
  const frame = useFrame(engine);
  const { ref, width } = useElementSize();
  const { frames } = sprite.layout;
  const fit = Math.max(1, Math.min(frames.length, Math.floor(width / tileWidth)));
  // as many tiles as fit, spread over the whole sheet
  const shown = Array.from({ length: fit }, (_, i) => Math.floor(((i + 0.5) * frames.length) / fit));
  const current = tileOfFrame({ frames: shown.map((t) => frames[t]!) }, frame);
  const tile = width > 0 ? width / fit : tileWidth;
  return (
    <div ref={ref} className={classes.filmstrip} data-testid="player-filmstrip">
      {width > 0 &&
        shown.map((t, i) => (
          <button
            key={t}
            type="button"
            className={classes.tile}
            style={tileStyle(sprite, t, tile)}
            data-current={i === current || undefined}
            aria-label={`Go to frame ${frames[t]}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onSeek(frames[t]!)}
          />
        ))}
    </div>
  );
}
