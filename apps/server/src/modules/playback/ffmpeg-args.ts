// The ffmpeg commands of playback, as pure functions of their inputs (run in one place: service.ts).
import type { FilmstripLayout } from '@i2v/domain';

/**
 * One pass that picks the layout's frames by index (exact, unlike a time-based `fps` filter), scales each to a tile
 * and tiles them into one JPEG sprite sheet.
 */
export function spriteArgs(input: string, layout: FilmstripLayout, output: string): string[] {
  const picks = layout.frames.map((f) => `eq(n\\,${f})`).join('+');
  return [
    '-y',
    '-v',
    'error',
    '-i',
    input,
    '-map',
    '0:v:0',
    '-an',
    '-sn',
    '-dn',
    '-vf',
    `select=${picks},scale=${layout.tileWidth}:${layout.tileHeight}:flags=bicubic,setsar=1,tile=${layout.columns}x${layout.rows}`,
    '-fps_mode',
    'passthrough',
    '-frames:v',
    '1',
    '-q:v',
    '4',
    '-f',
    'image2',
    '-c:v',
    'mjpeg',
    output,
  ];
}

/**
 * An H.264 MP4 proxy every browser plays: the same frames at the same rate (so frame numbers match the source),
 * 4:2:0 at even dimensions, a keyframe every `gop` frames so seeks decode little, the index up front so playback
 * starts before the download ends, the first audio track as AAC when there is one.
 */
export function proxyArgs(input: string, output: string, gop = 24): string[] {
  return [
    '-y',
    '-v',
    'error',
    '-i',
    input,
    '-map',
    '0:v:0',
    '-map',
    '0:a:0?',
    '-sn',
    '-dn',
    '-vf',
    'scale=trunc(iw/2)*2:trunc(ih/2)*2',
    '-fps_mode',
    'passthrough',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '20',
    '-pix_fmt',
    'yuv420p',
    '-g',
    String(gop),
    '-c:a',
    'aac',
    '-b:a',
    '128k',
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    output,
  ];
}
