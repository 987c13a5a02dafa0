import { describe, expect, it } from 'vitest';
import {
  formatTimecode,
  frameAtTime,
  frameOfPresentation,
  isBrowserPlayable,
  parseFrameInput,
  planFilmstrip,
  seekTimeOfFrame,
  tileOfFrame,
} from './playback.js';

describe('frames and media time', () => {
  it('seeks to the middle of a frame, which reads back as that frame', () => {
    for (const fps of [16, 24, 25, 29.97, 30, 60]) {
      for (const frame of [0, 1, 2, 23, 24, 47, 1000]) {
        expect(frameAtTime(seekTimeOfFrame(frame, fps), fps)).toBe(frame);
      }
    }
  });

  it('reads a presentation timestamp rounded by the container as its frame', () => {
    // WebM stores milliseconds: frame 1 at 24 fps is 0.042 s, frame 5 is 0.208 s
    expect(frameOfPresentation(0.042, 24)).toBe(1);
    expect(frameOfPresentation(0.208, 24)).toBe(5);
    expect(frameOfPresentation(0, 24)).toBe(0);
    expect(frameOfPresentation(2 - 1e-9, 24)).toBe(48);
    // a frame start read as a playback position is that frame, not the one before
    expect(frameAtTime(5 / 24, 24)).toBe(5);
  });
});

describe('timecode', () => {
  it('formats HH:MM:SS:FF on the nominal rate', () => {
    expect(formatTimecode(0, 24)).toBe('00:00:00:00');
    expect(formatTimecode(23, 24)).toBe('00:00:00:23');
    expect(formatTimecode(24, 24)).toBe('00:00:01:00');
    expect(formatTimecode(24 * 3661 + 5, 24)).toBe('01:01:01:05');
    expect(formatTimecode(30, 29.97)).toBe('00:00:01:00');
  });

  it('parses a frame number or a timecode, and refuses nonsense', () => {
    expect(parseFrameInput('120', 24)).toBe(120);
    expect(parseFrameInput(' 00:00:05:00 ', 24)).toBe(120);
    expect(parseFrameInput('01:02:03', 24)).toBe(24 * 62 + 3);
    expect(parseFrameInput('2:12', 16)).toBe(44);
    expect(parseFrameInput(formatTimecode(9999, 25), 25)).toBe(9999);
    expect(parseFrameInput('00:00:01:24', 24)).toBeNull();
    expect(parseFrameInput('00:61:00:00', 24)).toBeNull();
    expect(parseFrameInput('frame 3', 24)).toBeNull();
    expect(parseFrameInput('', 24)).toBeNull();
  });
});

describe('browser playable sources', () => {
  it('plays H.264, VP8, VP9 and AV1 in MP4 or WebM as they are', () => {
    expect(isBrowserPlayable({ codec: 'h264', mimeType: 'video/mp4' })).toBe(true);
    expect(isBrowserPlayable({ codec: 'vp9', mimeType: 'video/webm' })).toBe(true);
    expect(isBrowserPlayable({ codec: 'av1', mimeType: 'video/mp4; codecs=av01' })).toBe(true);
  });

  it('needs a proxy for HEVC, ProRes, MPEG-4 part 2 or another container', () => {
    expect(isBrowserPlayable({ codec: 'hevc', mimeType: 'video/mp4' })).toBe(false);
    expect(isBrowserPlayable({ codec: 'prores', mimeType: 'video/quicktime' })).toBe(false);
    expect(isBrowserPlayable({ codec: 'mpeg4', mimeType: 'video/mp4' })).toBe(false);
    expect(isBrowserPlayable({ codec: 'h264', mimeType: 'video/x-matroska' })).toBe(false);
  });
});

describe('planFilmstrip', () => {
  it('spreads the tiles evenly, each on the middle frame of its share', () => {
    const strip = planFilmstrip({ frameCount: 100, width: 1280, height: 720 }, { maxTiles: 10 });
    expect(strip).toEqual({
      count: 10,
      columns: 10,
      rows: 1,
      tileWidth: 160,
      tileHeight: 90,
      frames: [5, 15, 25, 35, 45, 55, 65, 75, 85, 95],
    });
  });

  it('shows every frame of a short clip and wraps rows', () => {
    const strip = planFilmstrip({ frameCount: 12, width: 512, height: 512 }, { maxColumns: 5 });
    expect(strip.count).toBe(12);
    expect(strip.frames).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect([strip.columns, strip.rows, strip.tileHeight]).toEqual([5, 3, 160]);
  });

  it('keeps tile heights even and refuses an empty video', () => {
    expect(planFilmstrip({ frameCount: 48, width: 160, height: 119 }).tileHeight % 2).toBe(0);
    expect(() => planFilmstrip({ frameCount: 0, width: 160, height: 120 })).toThrow(RangeError);
  });

  it('finds the tile nearest a frame', () => {
    const strip = { frames: [5, 15, 25] };
    expect(tileOfFrame(strip, 0)).toBe(0);
    expect(tileOfFrame(strip, 14)).toBe(1);
    expect(tileOfFrame(strip, 20)).toBe(1);
    expect(tileOfFrame(strip, 99)).toBe(2);
  });
});
