// Frame arithmetic of the player (PRD-083): frames ↔ media time, SMPTE timecode, which sources a browser plays, and
// the layout of a video's filmstrip sprite sheet. Shared by the server (sprites, proxies) and the web player.

/**
 * Where to seek to show frame `frame`: the middle of its display interval. Seeking to its very start can land on
 * the frame before when the container's timestamps are rounded (1/24 s is not a whole number of milliseconds).
 */
export function seekTimeOfFrame(frame: number, fps: number): number {
  return (frame + 0.5) / fps;
}

/**
 * The frame whose presentation timestamp is `mediaTime` (as `requestVideoFrameCallback` reports it). Timestamps are
 * exact frame starts give or take the container's rounding, so rounding (not flooring) finds the frame.
 */
export function frameOfPresentation(mediaTime: number, fps: number): number {
  return Math.max(0, Math.round(mediaTime * fps));
}

/** The frame on screen at playback position `time` (a `currentTime`): the frame whose interval holds it. */
export function frameAtTime(time: number, fps: number): number {
  return Math.max(0, Math.floor(time * fps + 1e-6));
}

/** Frames in a video of `durationSeconds` at `fps` (for sources that do not say). */
export function frameCountOf(durationSeconds: number, fps: number): number {
  return Math.max(1, Math.round(durationSeconds * fps));
}

/** Frames per timecode second: the nominal rate (29.97 counts 30 frames a second, non-drop). */
function nominalRate(fps: number): number {
  return Math.max(1, Math.round(fps));
}

const two = (n: number) => String(n).padStart(2, '0');

/** SMPTE-style non-drop timecode `HH:MM:SS:FF` of a frame. */
export function formatTimecode(frame: number, fps: number): string {
  const rate = nominalRate(fps);
  const f = Math.max(0, Math.floor(frame));
  const frames = f % rate;
  const seconds = Math.floor(f / rate);
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}:${two(frames)}`;
}

/**
 * A frame from what a person typed: a frame number (`120`) or a timecode (`00:00:05:00`, also `MM:SS:FF` and
 * `SS:FF`). Null when it is neither, or when a timecode's frames field reaches the frame rate.
 */
export function parseFrameInput(text: string, fps: number): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (!/^\d{1,2}(:\d{1,2}){1,3}$/.test(t)) return null;
  const parts = t.split(':').map(Number);
  const rate = nominalRate(fps);
  const frames = parts.pop()!;
  // every field but the first (the largest unit) wraps at 60
  if (frames >= rate || parts.some((p, i) => i > 0 && p >= 60)) return null;
  const seconds = parts.reduce((acc, p) => acc * 60 + p, 0);
  return seconds * rate + frames;
}

/** Video codecs (ffprobe names) every current browser decodes in MP4 or WebM. */
export const browserVideoCodecs = ['h264', 'vp8', 'vp9', 'av1'] as const;

/**
 * Whether a browser plays a stored video as it is: one of the browser codecs in an MP4 or WebM file. Anything else
 * (HEVC, ProRes, MPEG-4 part 2, a QuickTime-only codec) needs an H.264 proxy.
 */
export function isBrowserPlayable(video: { codec: string; mimeType: string }): boolean {
  const container = video.mimeType.split(';')[0]!.trim().toLowerCase();
  if (container !== 'video/mp4' && container !== 'video/webm') return false;
  return (browserVideoCodecs as readonly string[]).includes(video.codec.toLowerCase());
}

export interface FilmstripLayout {
  /** Tiles in the sheet, left to right, top to bottom. */
  count: number;
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
  /** The frame (0-based) shown by each tile, ascending. */
  frames: number[];
}

/**
 * A filmstrip of up to `maxTiles` evenly spaced frames: each tile shows the middle frame of its share of the video,
 * `tileWidth` wide at the video's aspect ratio (even height, as encoders want), at most `maxColumns` to a row.
 */
export function planFilmstrip(
  video: { frameCount: number; width: number; height: number },
  options: { maxTiles?: number; tileWidth?: number; maxColumns?: number } = {},
): FilmstripLayout {
  const { maxTiles = 60, tileWidth = 160, maxColumns = 10 } = options;
  const frameCount = Math.floor(video.frameCount);
  if (!(frameCount > 0) || !(video.width > 0) || !(video.height > 0)) {
    throw new RangeError('a filmstrip needs at least one frame and a picture size');
  }
  const count = Math.min(frameCount, Math.max(1, Math.floor(maxTiles)));
  const frames = Array.from({ length: count }, (_, i) => Math.floor(((i + 0.5) * frameCount) / count));
  const columns = Math.min(count, maxColumns);
  const tileHeight = Math.max(2, 2 * Math.round((tileWidth * video.height) / video.width / 2));
  return { count, columns, rows: Math.ceil(count / columns), tileWidth, tileHeight, frames };
}

/** The tile that best shows `frame`: the one whose frame is nearest (ties to the earlier tile). */
export function tileOfFrame(layout: Pick<FilmstripLayout, 'frames'>, frame: number): number {
  let best = 0;
  for (let i = 1; i < layout.frames.length; i++) {
    if (Math.abs(layout.frames[i]! - frame) < Math.abs(layout.frames[best]! - frame)) best = i;
  }
  return best;
}
