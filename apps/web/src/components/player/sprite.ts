// Loads a filmstrip sprite sheet once per URL: the JPEG as an object URL and its layout from the X-Sprite-* headers.
import type { FilmstripLayout } from '@i2v/domain';
import { type CSSProperties, useEffect, useState } from 'react';

export interface LoadedSprite {
  /** Object URL of the sheet. */
  url: string;
  layout: FilmstripLayout;
}

export function readSpriteLayout(headers: Headers): FilmstripLayout | null {
  const n = (name: string) => Number(headers.get(`x-sprite-${name}`));
  const frames = (headers.get('x-sprite-frames') ?? '').split(',').filter(Boolean).map(Number);
  const layout = {
    count: frames.length,
    columns: n('columns'),
    rows: n('rows'),
    tileWidth: n('tile-width'),
    tileHeight: n('tile-height'),
    frames,
  };
  const whole = [layout.columns, layout.rows, layout.tileWidth, layout.tileHeight, ...frames];
  return frames.length > 0 && whole.every((x) => Number.isInteger(x) && x >= 0) ? layout : null;
}

/**
 * The sprite at `spriteUrl`; null while loading, when absent, or when it failed (the player works without it).
 * With `delayMs` it is asked for only once the URL has stayed that long: a reviewer moving on quickly never makes the
 * server build sheets nobody looks at.
 */
export function useSprite(spriteUrl: string | null | undefined, delayMs = 0): LoadedSprite | null {
  const [sprite, setSprite] = useState<LoadedSprite | null>(null);
  useEffect(() => {
    setSprite(null);
    if (!spriteUrl) return;
    const abort = new AbortController();
    let objectUrl: string | null = null;
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(spriteUrl, { signal: abort.signal });
        const layout = res.ok ? readSpriteLayout(res.headers) : null;
        if (!layout) return;
        const blob = await res.blob();
        if (abort.signal.aborted) return;
        objectUrl = URL.createObjectURL(blob);
        setSprite({ url: objectUrl, layout });
      } catch {
        // no filmstrip: the timeline still scrubs
      }
    }, delayMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [spriteUrl, delayMs]);
  return sprite;
}

/** CSS that shows tile `index` of the sheet in a box `width` pixels wide. */
export function tileStyle(sprite: LoadedSprite, index: number, width: number): CSSProperties {
  const { columns, rows, tileWidth, tileHeight } = sprite.layout;
  const scale = width / tileWidth;
  return {
    width,
    height: Math.round(tileHeight * scale),
    backgroundImage: `url(${sprite.url})`,
    backgroundSize: `${columns * tileWidth * scale}px ${rows * tileHeight * scale}px`,
    backgroundPosition: `${-(index % columns) * tileWidth * scale}px ${-Math.floor(index / columns) * tileHeight * scale}px`,
  };
}
