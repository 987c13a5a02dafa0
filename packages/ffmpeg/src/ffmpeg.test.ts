import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeArgs,
  decodeFrames,
  extractFrame,
  FfmpegError,
  frameArgs,
  hasFilter,
  parseFilters,
  parseRate,
  probe,
  readKeptFrame,
  readProbe,
  resolveFfmpeg,
  runFfmpeg,
} from './index.js';

let dir: string;
let clip: string;
let withAudio: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-ffmpeg-'));
  clip = path.join(dir, 'clip.mp4');
  withAudio = path.join(dir, 'audio.mkv');
  // 12 frames at 8 fps of testsrc: every frame differs (a frame counter is drawn into it)
  await runFfmpeg([
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=64x48:rate=8:duration=1.5',
    '-pix_fmt',
    'yuv420p',
    clip,
  ]);
  await runFfmpeg([
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=32x32:rate=10:duration=1',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=22050:duration=1',
    '-c:v',
    'ffv1',
    '-c:a',
    'flac',
    '-ac',
    '2',
    withAudio,
  ]);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('resolveFfmpeg', () => {
  it('finds both binaries on PATH', () => {
    const b = resolveFfmpeg({ PATH: process.env.PATH });
    expect(path.basename(b.ffmpeg)).toBe('ffmpeg');
    expect(path.basename(b.ffprobe)).toBe('ffprobe');
  });
  it('reports a missing binary with a typed error naming the variable', () => {
    const err = (() => {
      try {
        resolveFfmpeg({ PATH: dir });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(FfmpegError);
    expect((err as FfmpegError).code).toBe('FFMPEG_MISSING');
    expect((err as FfmpegError).message).toContain('FFMPEG_PATH');
  });
  it('rejects an override that does not exist', () => {
    expect(() => resolveFfmpeg({ PATH: process.env.PATH, FFMPEG_PATH: path.join(dir, 'nope') })).toThrow(
      /not executable/,
    );
  });
});

describe('runFfmpeg', () => {
  it('rejects with the exit code and the last stderr lines', async () => {
    const err = await runFfmpeg(['-i', path.join(dir, 'missing.mp4'), '-f', 'null', '-']).catch((e) => e);
    expect(err).toBeInstanceOf(FfmpegError);
    expect(err.code).toBe('FFMPEG_FAILED');
    expect(err.exitCode).not.toBe(0);
    expect(err.stderrTail.join('\n')).toContain('missing.mp4');
  });
  it('reports progress in seconds', async () => {
    const seen: number[] = [];
    await runFfmpeg(
      [
        '-f',
        'lavfi',
        '-i',
        'testsrc=size=32x32:rate=25:duration=2',
        '-progress',
        'pipe:2',
        '-f',
        'null',
        '-',
      ],
      {
        onProgress: (s) => seen.push(s),
      },
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeGreaterThan(1.5);
  });
  it('times out and aborts', async () => {
    const slow = ['-re', '-f', 'lavfi', '-i', 'testsrc=size=32x32:rate=5:duration=30', '-f', 'null', '-'];
    const timedOut = await runFfmpeg(slow, { timeoutMs: 200 }).catch((e) => e);
    expect(timedOut.code).toBe('FFMPEG_TIMEOUT');
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const aborted = await runFfmpeg(slow, { signal: ac.signal }).catch((e) => e);
    expect(aborted.code).toBe('FFMPEG_ABORTED');
  });
});

describe('probe', () => {
  it('reads video properties', async () => {
    const p = await probe(clip, { countFrames: true });
    expect(p.formatName).toContain('mp4');
    expect(p.video).toMatchObject({
      codec: 'h264',
      width: 64,
      height: 48,
      fps: 8,
      frameCount: 12,
      pixelFormat: 'yuv420p',
    });
    expect(p.durationSeconds).toBeCloseTo(1.5, 1);
    expect(p.sizeBytes).toBe(fs.statSync(clip).size);
    expect(p.audio).toBeUndefined();
  });
  it('reads audio properties', async () => {
    const p = await probe(withAudio);
    expect(p.audio).toEqual({ codec: 'flac', channels: 2, sampleRate: 22050 });
    expect(p.video?.codec).toBe('ffv1');
  });
  it('throws FFMPEG_NOT_MEDIA for a text file', async () => {
    const txt = path.join(dir, 'notes.txt');
    fs.writeFileSync(txt, 'not a video at all\n');
    const err = await probe(txt).catch((e) => e);
    expect(err).toBeInstanceOf(FfmpegError);
    expect(err.code).toBe('FFMPEG_NOT_MEDIA');
  });
  it('parses rates and tolerates missing fields', () => {
    expect(parseRate('30000/1001')).toBeCloseTo(29.97, 2);
    expect(parseRate('0/0')).toBe(0);
    expect(readProbe({ format: { format_name: 'x' }, streams: [] })).toEqual({
      formatName: 'x',
      durationSeconds: 0,
      sizeBytes: 0,
      bitRate: 0,
    });
  });
});

describe('extractFrame', () => {
  const rawPixels = async (png: string) =>
    (await runFfmpeg(['-v', 'error', '-i', png, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'])).stdout;
  const decodeFrame = async (index: number) =>
    (
      await runFfmpeg([
        '-v',
        'error',
        '-i',
        clip,
        '-vf',
        `select=eq(n\\,${index})`,
        '-frames:v',
        '1',
        '-f',
        'rawvideo',
        '-pix_fmt',
        'rgb24',
        '-',
      ])
    ).stdout;

  it('writes the exact frame as a PNG', async () => {
    const out = path.join(dir, 'f5.png');
    expect(await extractFrame(clip, { index: 5 }, out)).toBe(5);
    expect(fs.readFileSync(out).subarray(1, 4).toString()).toBe('PNG');
    expect((await rawPixels(out)).equals(await decodeFrame(5))).toBe(true);
    expect((await rawPixels(out)).equals(await decodeFrame(4))).toBe(false);
  });
  it("'last' picks the final frame", async () => {
    const out = path.join(dir, 'last.png');
    expect(await extractFrame(clip, 'last', out)).toBe(11);
    expect((await rawPixels(out)).equals(await decodeFrame(11))).toBe(true);
  });
  it('rejects an index past the end', async () => {
    const err = await extractFrame(clip, { index: 12 }, path.join(dir, 'x.png')).catch((e) => e);
    expect(err.code).toBe('FFMPEG_BAD_FRAME');
  });
  it('builds a select filter on the frame number', () => {
    expect(frameArgs('a.mp4', 3, 'b.png')).toContain('select=eq(n\\,3)');
  });
});

describe('hasFilter', () => {
  it('knows zoompan and not an invented filter', async () => {
    expect(await hasFilter('zoompan')).toBe(true);
    expect(await hasFilter('no_such_filter_xyz')).toBe(false);
  });
  it('parses the filter listing', () => {
    const set = parseFilters(
      ' ... zoompan           V->V       Apply Zoom & Pan effect.\n T.C crop  V->V  Crop.\n',
    );
    expect([...set]).toEqual(['zoompan', 'crop']);
  });
});

describe('decodeFrames', () => {
  let clip512: string;
  beforeAll(async () => {
    // the QA shape: a 5 s 512² clip at 16 fps
    clip512 = path.join(dir, 'qa.mp4');
    await runFfmpeg([
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=512x512:rate=16:duration=5',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      clip512,
    ]);
  });

  it('decodes every frame at the requested size in gray', async () => {
    const counted = (await probe(clip512, { countFrames: true })).video?.frameCount;
    const started = performance.now();
    const d = await decodeFrames(clip512, { width: 128, height: 128, pixelFormat: 'gray' });
    const ms = performance.now() - started;
    expect(d).toMatchObject({ width: 128, height: 128, channels: 1, fps: 16 });
    expect(d.frames).toHaveLength(counted!);
    expect(d.frames).toHaveLength(80);
    for (const f of d.frames) expect(f.length).toBe(128 * 128);
    // testsrc2 moves every frame: no two neighbours are the same picture
    expect(Buffer.compare(Buffer.from(d.frames[0]!), Buffer.from(d.frames[1]!))).not.toBe(0);
    expect(ms).toBeLessThan(3000); // ~100 ms on an idle machine; loose for a busy CI box
  });

  it('decodes rgb24 frames matching the frame-accurate extraction', async () => {
    const d = await decodeFrames(clip, { width: 64, height: 48, pixelFormat: 'rgb24' });
    expect(d).toMatchObject({ channels: 3, fps: 8 });
    expect(d.frames).toHaveLength(12);
    const out = path.join(dir, 'd7.png');
    await extractFrame(clip, { index: 7 }, out);
    const png = (await runFfmpeg(['-v', 'error', '-i', out, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']))
      .stdout;
    expect(Buffer.from(d.frames[7]!).equals(png)).toBe(true);
  });

  it('keeps a range of frames at full size in the same pass, pixel for pixel the extracted ones', async () => {
    const keep = { from: 9, to: 20, file: path.join(dir, 'kept.rgb') };
    const d = await decodeFrames(clip, { width: 32, height: 24, pixelFormat: 'gray', keep });
    expect(d.frames).toHaveLength(12);
    // the clip ends at frame 11: frames 9, 10, 11 are kept
    expect(d.kept).toEqual({ from: 9, count: 3, width: 64, height: 48, file: keep.file });
    expect(fs.statSync(keep.file).size).toBe(3 * 64 * 48 * 3);
    const out = path.join(dir, 'k10.png');
    await extractFrame(clip, { index: 10 }, out);
    const png = (await runFfmpeg(['-v', 'error', '-i', out, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']))
      .stdout;
    expect(Buffer.from((await readKeptFrame(d.kept!, 10))!).equals(png)).toBe(true);
    expect(await readKeptFrame(d.kept!, 8)).toBeNull();
    expect(await readKeptFrame(d.kept!, 12)).toBeNull();
  });

  it('keeps nothing it cannot give exactly: a 10-bit clip extracts to 16-bit PNG', async () => {
    const deep = path.join(dir, 'deep.mkv');
    await runFfmpeg([
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=32x32:rate=8:duration=0.5',
      '-c:v',
      'ffv1',
      '-pix_fmt',
      'yuv420p10le',
      deep,
    ]);
    const keep = { from: 0, to: 3, file: path.join(dir, 'deep.rgb') };
    const d = await decodeFrames(deep, { width: 8, height: 8, pixelFormat: 'gray', keep });
    expect(d.frames).toHaveLength(4);
    expect(d.kept).toBeNull();
  });

  it('scales to any size, stretching if it must', async () => {
    const d = await decodeFrames(clip, { width: 20, height: 30, pixelFormat: 'gray' });
    expect(d.frames).toHaveLength(12);
    expect(d.frames[0]!.length).toBe(600);
  });

  it('throws FFMPEG_NOT_MEDIA for a file that is not a video', async () => {
    const txt = path.join(dir, 'not-video.mp4');
    fs.writeFileSync(txt, 'plain text pretending to be a video\n');
    const err = await decodeFrames(txt, { width: 8, height: 8, pixelFormat: 'gray' }).catch((e) => e);
    expect(err).toBeInstanceOf(FfmpegError);
    expect(err.code).toBe('FFMPEG_NOT_MEDIA');
    const missing = await decodeFrames(path.join(dir, 'absent.mp4'), {
      width: 8,
      height: 8,
      pixelFormat: 'gray',
    }).catch((e) => e);
    expect(missing.code).toBe('FFMPEG_NOT_MEDIA');
  });

  it('builds a passthrough rawvideo decode at the exact size', () => {
    const args = decodeArgs('a.mp4', { width: 128, height: 96, pixelFormat: 'gray' });
    expect(args).toContain('scale=128:96:flags=area');
    expect(args.join(' ')).toContain('-fps_mode passthrough -f rawvideo -pix_fmt gray pipe:1');
    const kept = decodeArgs('a.mp4', {
      width: 128,
      height: 96,
      pixelFormat: 'gray',
      keep: { from: 72, to: 80, file: 'k.rgb' },
    });
    expect(kept.join(' ')).toContain("[tail]select='between(n\\,72\\,80)'[kept]");
    expect(kept.join(' ')).toContain('-map [kept] -fps_mode passthrough -f rawvideo -pix_fmt rgb24 k.rgb');
    expect(() =>
      decodeArgs('a.mp4', { width: 8, height: 8, pixelFormat: 'gray', keep: { from: 5, to: 4, file: 'k' } }),
    ).toThrow(RangeError);
  });
});
