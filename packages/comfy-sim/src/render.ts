// Renders a simulated segment with ffmpeg: the input image with a slow camera pan/zoom, optional defects.
import { runFfmpeg } from '@i2v/ffmpeg';
import type { SimFrameDefect } from './config.js';

export interface RenderSpec {
  startImage: string;
  endImage?: string;
  frames: number;
  fps: number;
  width: number;
  height: number;
  container: 'mp4' | 'webm' | 'gif' | 'png-sequence';
  out: string;
  /** For png-sequence: the first number of the `%05d` pattern in `out`. */
  startNumber?: number;
  defect?: SimFrameDefect;
  /** For defect `swap`: the image (another person) the clip cross-fades to; it takes the end image's place. */
  swapImage?: string;
}

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/** Pure: the ffmpeg arguments for a segment. */
export function renderArgs(spec: RenderSpec): string[] {
  const w = even(spec.width);
  const h = even(spec.height);
  const n = Math.max(1, spec.frames);
  const last = Math.max(1, n - 1);
  if (spec.defect === 'swap' && !spec.swapImage) throw new Error("the 'swap' defect needs a swapImage");
  // the second input: the end image, or for `swap` the other person (who replaces the end image)
  const second = spec.defect === 'swap' ? spec.swapImage : spec.endImage;
  // an end image is reached on the last frame; a swap is complete half-way and then holds
  const fade = spec.defect === 'swap' ? Math.max(1, Math.floor(last / 2)) : last;
  // the first frame is the input image fitted to the frame (centre crop), as an image-to-video model starts on its
  // seed
  const fit = (i: number) =>
    i === 0 && spec.defect === 'jump'
      ? // a discontinuous start: mirrored, 1.4× closer and brighter than the seed image, the same person
        `[0:v]scale=${even(w * 1.4)}:${even(h * 1.4)}:force_original_aspect_ratio=increase,crop=${w}:${h},hflip,setsar=1,format=yuv420p,eq=brightness=0.08`
      : `[${i}:v]scale=${w}:${h}:force_original_aspect_ratio=increase,crop=${w}:${h},setsar=1,format=yuv420p`;
  // a push-in and back out with a sway (zoompan: one output frame per input frame): the clip starts and ends on the
  // seed's framing, so a chain of segments keeps its subject in frame
  const zoom = `zoompan=z='1+0.3*sin(PI*on/${last})':x='(iw-iw/zoom)*(0.5+0.45*sin(2*PI*on/${last}))':y='(ih-ih/zoom)/2':d=1:s=${w}x${h}:fps=${spec.fps}`;
  let pan = spec.defect === 'frozen' ? `crop=${w}:${h}:0:0` : `${zoom},setsar=1`;
  // no face from the first frame: blurred past recognition (sigma 1/8 of the frame) and hue-rotated
  if (spec.defect === 'noface')
    pan = `${pan},gblur=sigma=${Math.max(2, Math.round(Math.max(w, h) / 8))},hue=h=150`;
  const filters: string[] = [];
  if (second) {
    filters.push(`${fit(0)}[a]`, `${fit(1)}[b]`);
    // the frame index from the timestamp: blend's N already counts the first frame as 1, so with N frame 0 would
    // not be the start image
    const t = `min(1,T*${spec.fps}/${fade})`;
    filters.push(`[a][b]blend=all_expr='A*(1-${t})+B*${t}'[m]`);
    filters.push(`[m]${pan}[p]`);
  } else {
    filters.push(`${fit(0)},${pan}[p]`);
  }
  // temporal grain: generated video is never pixel-identical frame to frame, even where the camera barely moves
  let tail = spec.defect === 'frozen' ? '[p]null' : '[p]noise=alls=3:allf=t';
  if (spec.defect === 'black')
    tail = `${tail},drawbox=color=black:t=fill:enable='gte(n,${Math.floor(n / 2)})'`;
  if (spec.defect === 'drift') tail = `${tail},hue=h='n*9':s='1+n*0.04',eq=brightness='min(0.5,n*0.01)'`;
  filters.push(`${tail}[v]`);
  const args = ['-y', '-v', 'error', '-loop', '1', '-framerate', String(spec.fps), '-i', spec.startImage];
  if (second) args.push('-loop', '1', '-framerate', String(spec.fps), '-i', second);
  args.push(
    '-filter_complex',
    filters.join(';'),
    '-map',
    '[v]',
    '-frames:v',
    String(n),
    '-r',
    String(spec.fps),
  );
  switch (spec.container) {
    case 'mp4':
      args.push(
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-crf',
        '16',
        '-pix_fmt',
        'yuv420p',
        '-movflags',
        '+faststart',
      );
      break;
    case 'webm':
      args.push('-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '0', '-crf', '32');
      break;
    case 'gif':
      args.push('-c:v', 'gif');
      break;
    case 'png-sequence':
      args.push(
        '-c:v',
        'png',
        '-pix_fmt',
        'rgb24',
        '-start_number',
        String(spec.startNumber ?? 1),
        '-f',
        'image2',
      );
      break;
  }
  args.push(spec.out);
  return args;
}

export async function renderSegment(spec: RenderSpec, signal?: AbortSignal): Promise<void> {
  await runFfmpeg(renderArgs(spec), { signal, timeoutMs: 120_000 });
}

/** Writes frame 0 of a rendered file as PNG (VHS's metadata image). */
export async function writeFirstFrame(video: string, png: string, signal?: AbortSignal): Promise<void> {
  await runFfmpeg(['-y', '-v', 'error', '-i', video, '-frames:v', '1', '-c:v', 'png', png], { signal });
}
