import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  concatCopy,
  concatList,
  decodeFrames,
  grabFrame,
  probe,
  reencodeClips,
  reencodedFrameCount,
  reencodeFilter,
  runFfmpeg,
} from './index.js';

let dir: string;
const clips: string[] = [];
// three 10-frame clips of one flat grey level each: 40, 120, 200 — easy to recognise after a join
const levels = [40, 120, 200];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-assemble-'));
  for (const level of levels) {
    const file = path.join(dir, `c${level}.mp4`);
    const hex = level.toString(16).padStart(2, '0');
    await runFfmpeg([
      '-y',
      '-f',
      'lavfi',
      '-i',
      `color=c=0x${hex}${hex}${hex}:size=64x48:rate=10:duration=1`,
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      '-crf',
      '1',
      file,
    ]);
    clips.push(file);
  }
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const meanOf = (f: Uint8Array) => f.reduce((s, v) => s + v, 0) / f.length;

describe('concatList', () => {
  it('quotes each file and escapes single quotes', () => {
    expect(concatList(['/a/b.mp4', "/it's.mp4"])).toBe("file '/a/b.mp4'\nfile '/it'\\''s.mp4'\n");
  });
});

describe('reencodeFilter', () => {
  it('trims every part and concatenates them when nothing is smoothed', () => {
    const f = reencodeFilter({
      parts: [
        { file: 'a', from: 0, to: 9 },
        { file: 'b', from: 1, to: 7 },
      ],
      width: 64,
      height: 48,
      fps: 10,
    });
    expect(f).toContain('[1:v:0]trim=start_frame=1:end_frame=8');
    expect(f).toContain('[b0][b1]concat=n=2');
    expect(f).not.toContain('blend');
  });

  it('crossfades a smoothed join and counts the overlap once', () => {
    const o = {
      parts: [
        { file: 'a', from: 0, to: 9 },
        { file: 'b', from: 0, to: 9 },
      ],
      smoothJoins: [0],
      crossfadeFrames: 4,
      width: 64,
      height: 48,
      fps: 10,
    };
    expect(reencodeFilter(o)).toContain('[t0][h1]blend=');
    expect(reencodeFilter(o)).toContain('[b0][x0][b1]concat=n=3');
    expect(reencodedFrameCount(o)).toBe(16);
  });

  it('ignores joins that do not exist and shrinks the crossfade to half the shortest part', () => {
    const o = {
      parts: [
        { file: 'a', from: 0, to: 9 },
        { file: 'b', from: 0, to: 3 },
      ],
      smoothJoins: [0, 5, -1],
      crossfadeFrames: 8,
      width: 64,
      height: 48,
      fps: 10,
    };
    expect(reencodedFrameCount(o)).toBe(14 - 2);
  });
});

describe('joining real clips', () => {
  it('stream-copies whole clips with every frame kept', async () => {
    const out = path.join(dir, 'copy.mp4');
    await concatCopy(clips, path.join(dir, 'list.txt'), out);
    const p = await probe(out, { countFrames: true });
    expect(p.video?.frameCount).toBe(30);
    const decoded = await decodeFrames(out, { width: 16, height: 12, pixelFormat: 'gray' });
    expect(meanOf(decoded.frames[9]!)).toBeCloseTo(40, -1);
    expect(meanOf(decoded.frames[10]!)).toBeCloseTo(120, -1);
  });

  it('trims at exact frames when re-encoding', async () => {
    const out = path.join(dir, 'trim.mp4');
    await reencodeClips(
      {
        parts: [
          { file: clips[0]!, from: 0, to: 4 },
          { file: clips[1]!, from: 1, to: 9 },
        ],
        width: 64,
        height: 48,
        fps: 10,
      },
      out,
    );
    const decoded = await decodeFrames(out, { width: 16, height: 12, pixelFormat: 'gray' });
    expect(decoded.frames).toHaveLength(5 + 9);
    expect(meanOf(decoded.frames[4]!)).toBeLessThan(60);
    expect(meanOf(decoded.frames[5]!)).toBeGreaterThan(100);
  });

  it('blends a smoothed join with a ramp between the two clips', async () => {
    const out = path.join(dir, 'smooth.mp4');
    await reencodeClips(
      {
        parts: [
          { file: clips[0]!, from: 0, to: 9 },
          { file: clips[2]!, from: 0, to: 9 },
        ],
        smoothJoins: [0],
        crossfadeFrames: 4,
        width: 64,
        height: 48,
        fps: 10,
      },
      out,
    );
    const decoded = await decodeFrames(out, { width: 16, height: 12, pixelFormat: 'gray' });
    expect(decoded.frames).toHaveLength(16);
    const means = decoded.frames.map(meanOf);
    // before: 40; then four steps between 40 and 200, rising; after: 200
    expect(means[5]).toBeLessThan(50);
    const ramp = means.slice(6, 10);
    for (const m of ramp) expect(m).toBeGreaterThan(50);
    for (const m of ramp) expect(m).toBeLessThan(190);
    for (let i = 1; i < ramp.length; i++) expect(ramp[i]!).toBeGreaterThan(ramp[i - 1]!);
    expect(means[10]).toBeGreaterThan(190);
  });

  it('grabs one frame as raw pixels and refuses a frame past the end', async () => {
    const f = await grabFrame(clips[1]!, 3, { width: 8, height: 6, pixelFormat: 'gray' });
    expect(f).toHaveLength(48);
    expect(meanOf(f)).toBeCloseTo(120, -1);
    await expect(grabFrame(clips[1]!, 50, { width: 8, height: 6, pixelFormat: 'gray' })).rejects.toThrow(
      /not in/,
    );
  });
});
