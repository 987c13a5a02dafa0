// Delivery targets (6/6): concatenating 12 × 5 s segments by stream copy, the streamed ZIP of a 2 GB project
// (throughput and peak extra memory) and the compliance check of 60 files — on the same code the studio runs.
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { concatCopy, reencodeClips, runFfmpeg } from '@i2v/ffmpeg';
import { verifyFile } from '../apps/server/src/modules/delivery/service.js';
import { ZipWriter } from '../apps/server/src/modules/delivery/zip.js';
import type { BenchRow } from './comfy.js';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

async function segments(dir: string, n: number): Promise<string[]> {
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const file = path.join(dir, `seg${i}.mp4`);
    // 5 s at 16 fps, 512×512: the size the issue names, encoded the way a ComfyUI video node does
    await runFfmpeg([
      '-y',
      '-f',
      'lavfi',
      '-i',
      `testsrc2=size=512x512:rate=16:duration=5,hue=h=${i * 30}`,
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '19',
      '-pix_fmt',
      'yuv420p',
      file,
    ]);
    files.push(file);
  }
  return files;
}

async function benchConcat(dir: string, files: string[]): Promise<BenchRow[]> {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    await concatCopy(files, path.join(dir, 'list.txt'), path.join(dir, `copy${i}.mp4`));
    times.push(performance.now() - t);
  }
  const t = performance.now();
  await reencodeClips(
    {
      parts: files.map((file, i) => ({ file, from: i === 0 ? 0 : 1, to: 80 })),
      smoothJoins: [3],
      crossfadeFrames: 4,
      width: 512,
      height: 512,
      fps: 16,
    },
    path.join(dir, 'reencode.mp4'),
  );
  const reencode = performance.now() - t;
  return [
    {
      measure: 'Concatenate 12 × 5 s segments (stream copy)',
      target: '< 1 s',
      measured: `p50 ${(quantile(times, 0.5) / 1000).toFixed(3)} s, p95 ${(quantile(times, 0.95) / 1000).toFixed(3)} s`,
      ok: quantile(times, 0.95) < 1000,
    },
    {
      measure: 'Assemble 12 × 5 s with trims and one smoothed join (re-encode, info)',
      target: '< 10 s per scene (PRD-039)',
      measured: `${(reencode / 1000).toFixed(2)} s`,
      ok: reencode < 10_000,
    },
  ];
}

async function benchZip(dir: string, totalBytes: number): Promise<BenchRow[]> {
  // 40 incompressible "videos" (random bytes), as a delivery stores videos uncompressed
  const count = 40;
  const each = Math.ceil(totalBytes / count);
  const chunk = Buffer.alloc(8 << 20);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `blob${i}.bin`);
    const fh = await open(file, 'w');
    for (let written = 0; written < each; written += chunk.length) {
      for (let j = 0; j < chunk.length; j += 4) chunk.writeUInt32LE((Math.random() * 2 ** 32) >>> 0, j);
      await fh.write(chunk, 0, Math.min(chunk.length, each - written));
    }
    await fh.close();
    files.push(file);
  }
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const out = path.join(dir, 'delivery.zip');
  const t = performance.now();
  const zip = new ZipWriter(out, new Date());
  for (const [i, f] of files.entries())
    await zip.add(`Character ${i % 8}/video_${i}.mp4`, createReadStream(f), (await stat(f)).size);
  await zip.addBuffer('manifest.json', Buffer.from('{}'));
  await zip.finish();
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  const size = (await stat(out)).size;
  const mbps = size / 1e6 / seconds;
  const extra = (peak - baseline) / 1048576;
  return [
    {
      measure: `ZIP of a ${(size / 1e9).toFixed(1)} GB project: throughput`,
      target: '≥ 150 MB/s',
      measured: `${mbps.toFixed(0)} MB/s (${seconds.toFixed(1)} s, sha256 of every entry and of the ZIP)`,
      ok: mbps >= 150,
    },
    {
      measure: `ZIP of a ${(size / 1e9).toFixed(1)} GB project: peak extra memory`,
      target: '< 200 MB',
      measured: `${extra.toFixed(0)} MB`,
      ok: extra < 200,
    },
  ];
}

async function benchCompliance(files: string[]): Promise<BenchRow[]> {
  const sixty = Array.from({ length: 60 }, (_, i) => files[i % files.length]!);
  const lanes = Math.max(1, Math.min(4, availableParallelism()));
  let next = 0;
  let failures = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < sixty.length) {
        const issues = await verifyFile(sixty[next++]!, {
          codec: 'h264',
          width: 512,
          height: 512,
          fps: 16,
          durationSeconds: 5,
          durationToleranceSeconds: 0.2,
        });
        if (issues.length) failures++;
      }
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  return [
    {
      measure: 'Compliance check of 60 files (probe + full decode, 5 s 512²)',
      target: '< 20 s',
      measured: `${seconds.toFixed(1)} s on ${lanes} lane(s)${failures ? `, ${failures} flagged (unexpected)` : ''}`,
      ok: seconds < 20 && failures === 0,
    },
  ];
}

export async function benchDelivery(zipBytes = 2e9): Promise<BenchRow[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'i2v-bench-delivery-'));
  try {
    const files = await segments(dir, 12);
    return [
      ...(await benchConcat(dir, files)),
      ...(await benchCompliance(files)),
      ...(await benchZip(dir, zipBytes)),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) {
  const gb = Number(process.argv[2] ?? 2);
  for (const r of await benchDelivery(gb * 1e9)) {
    console.log(`${r.measure} | ${r.target} | ${r.measured} | ${r.ok ? '✔' : '✘'}`);
  }
}
