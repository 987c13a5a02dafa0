// Player targets (PRD-083, PRD-036) in Chromium: (a) seek to a random frame → that frame presented
// (requestVideoFrameCallback), p95 < 100 ms, and the frame shown is the one asked for every time; (b) nine players
// of one video on one lockstep transport, looping for 30 s: their playback positions and the frames they show stay
// within one frame of each other.
// The video is a 10 s 24 fps H.264 clip (keyframe every second) whose every frame has its own solid colour, stored
// as a scene video version in a studio on PGlite that also serves the bench page (apps/web/src/bench/player-grid.tsx,
// built here with Vite). Run alone with
//   node --conditions=@i2v/source --import tsx bench/player.ts
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { openPglite } from '../apps/server/src/db/client.js';
import type { BenchRow } from './comfy.js';
import { serveStudio } from './studio.js';

/** What the bench page (apps/web/src/bench/player-grid.tsx) puts on `window`, as far as this bench uses it. */
interface BenchPlayer {
  play(): Promise<void>;
  seekToFrame(n: number): Promise<number>;
  currentFrame(): number;
  readonly video: HTMLVideoElement | null;
}
declare global {
  interface Window {
    playerBench?: {
      handles: BenchPlayer[];
      lockstep: {
        play(): Promise<void>;
        pause(): Promise<void>;
        spread(): number;
        presentedSpread(): number;
      };
    };
  }
}

const root = path.resolve(import.meta.dirname, '..');
const admin = { email: 'player-bench@studio.test', password: 'Quick-Silver-2026' };
const fps = 24;
const frames = 240;
const seeks = 200;
const syncSeconds = 30;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
const colourOf = (n: number) => [(n * 67) % 256, (n * 151 + 40) % 256, (n * 29 + 90) % 256];

function makeClip(dir: string): string {
  const file = path.join(dir, 'colours.mp4');
  const [r, g, b] = ['N*67', 'N*151+40', 'N*29+90'].map((e) => `mod(${e}\\,256)`);
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `color=black:size=320x180:rate=${fps},format=rgb24,geq=r='${r}':g='${g}':b='${b}'`,
    '-frames:v',
    String(frames),
    '-c:v',
    'libx264',
    '-g',
    String(fps),
    '-pix_fmt',
    'yuv420p',
    '-movflags',
    '+faststart',
    file,
  ]);
  return file;
}

/** Builds the bench page into `outDir` with the web app's Vite config. */
async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: path.join(root, 'apps/web/vite.config.ts'),
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      copyPublicDir: false,
      lib: {
        entry: path.join(root, 'apps/web/src/bench/player-grid.tsx'),
        formats: ['es'],
        fileName: 'player-grid',
      },
    },
  });
  const css = fs.readdirSync(outDir).filter((f) => f.endsWith('.css'));
  fs.writeFileSync(
    path.join(outDir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8">${css.map((c) => `<link rel="stylesheet" href="/${c}">`).join('')}</head><body><div id="root"></div><script type="module" src="/player-grid.js"></script></body></html>`,
  );
}

async function importClip(base: string, token: string, file: string): Promise<string> {
  const call = async (method: string, url: string, body?: unknown) => {
    const r = await fetch(`${base}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : null,
    });
    if (!r.ok) throw new Error(`${method} ${url} answered ${r.status}: ${await r.text()}`);
    return (await r.json()) as Record<string, unknown>;
  };
  const projectId = (await call('POST', '/api/v1/projects', { name: 'Player bench' })).id as string;
  const types = (await call('GET', '/api/v1/image-variant-types')).items as { id: string }[];
  await call('POST', `/api/v1/projects/${projectId}/characters`, { name: 'Ava' });
  await call('POST', '/api/v1/scene-types', {
    projectId,
    name: 'Walk',
    prompts: { full_clip: { positive: 'walks', negative: '' } },
    targetDurationSeconds: 10,
    segmentDurationSeconds: 5,
    applicability: { kind: 'variants', variantTypeIds: [types[0]!.id] },
  });
  await call('POST', `/api/v1/projects/${projectId}/scenes`, {});
  const matrix = (await call('GET', `/api/v1/projects/${projectId}/scene-matrix`)) as {
    rows: { cells: { sceneId: string }[] }[];
  };
  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(file)]), 'colours.mp4');
  const r = await fetch(`${base}/api/v1/scenes/${matrix.rows[0]!.cells[0]!.sceneId}/versions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (r.status !== 201) throw new Error(`import answered ${r.status}: ${await r.text()}`);
  return ((await r.json()) as { file: { url: string } }).file.url;
}

async function openGrid(page: Page, base: string, url: string, count: number): Promise<void> {
  await page.goto(`${base}/?${new URLSearchParams({ src: url, fps: String(fps), count: String(count) })}`);
  await page.waitForFunction(
    (n) =>
      window.playerBench?.handles.length === n &&
      window.playerBench.handles.every((h) => (h.video?.readyState ?? 0) >= 2),
    count,
    { timeout: 30_000 },
  );
}

/** Seeks to random frames; returns the time to each presented frame and how many showed the wrong picture. */
async function benchSeeks(page: Page): Promise<{ times: number[]; wrong: number }> {
  return page.evaluate(
    async ({ n, last, colours }) => {
      const handle = window.playerBench!.handles[0]!;
      const video = handle.video!;
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      const shown = () => {
        ctx.drawImage(video, 0, 0);
        const p = ctx.getImageData(canvas.width / 2, canvas.height / 2, 1, 1).data;
        let best = 0;
        let bestDistance = Number.POSITIVE_INFINITY;
        colours.forEach((c, i) => {
          const d = (c[0]! - p[0]!) ** 2 + (c[1]! - p[1]!) ** 2 + (c[2]! - p[2]!) ** 2;
          if (d < bestDistance) [best, bestDistance] = [i, d];
        });
        return best;
      };
      // a fixed pseudo-random sequence, the same every run
      let seed = 7;
      const random = () => {
        seed = (seed * 48271) % 2147483647;
        return seed / 2147483647;
      };
      const times: number[] = [];
      let wrong = 0;
      for (let i = 0; i < n + 10; i++) {
        let target = Math.floor(random() * (last + 1));
        if (target === handle.currentFrame()) target = (target + 1) % (last + 1);
        const started = performance.now();
        const presented = await handle.seekToFrame(target);
        const took = performance.now() - started;
        if (presented !== target || shown() !== target) wrong++;
        // the first seeks warm the decoder and the cache
        if (i >= 10) times.push(took);
      }
      return { times, wrong };
    },
    { n: seeks, last: frames - 1, colours: Array.from({ length: frames }, (_, i) => colourOf(i)) },
  );
}

/** Plays the grid for `seconds`; samples, every animation frame, the spread of the frames shown and of the clocks. */
async function benchSync(page: Page, seconds: number) {
  return page.evaluate(async (ms) => {
    const { lockstep } = window.playerBench!;
    await lockstep.play();
    const presented: number[] = [];
    const clocks: number[] = [];
    const end = performance.now() + ms;
    await new Promise<void>((resolve) => {
      const sample = () => {
        presented.push(lockstep.presentedSpread());
        clocks.push(lockstep.spread());
        if (performance.now() < end) requestAnimationFrame(sample);
        else resolve();
      };
      requestAnimationFrame(sample);
    });
    await lockstep.pause();
    const afterPause = lockstep.presentedSpread();
    return { presented, clocks, afterPause };
  }, seconds * 1000);
}

export async function benchPlayer(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-bench-player-'));
  const dbDir = path.join(dir, 'db');
  const dataDir = path.join(dir, 'data');
  const pageDir = path.join(dir, 'page');
  fs.mkdirSync(dataDir);
  const database = await openPglite({ dir: dbDir });
  try {
    const clip = makeClip(dir);
    await buildPage(pageDir);
    const { app, services, base, token } = await serveStudio(database, dataDir, admin, {
      I2V_WEB_DIR: pageDir,
    });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--autoplay-policy=no-user-gesture-required',
      ],
    });
    try {
      const url = await importClip(base, token, clip);
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // tsx keeps function names with a helper the page does not have
      await page.addInitScript('window.__name = (f) => f');
      await openGrid(page, base, url, 1);
      const seek = await benchSeeks(page);
      const p95 = quantile(seek.times, 0.95);
      await openGrid(page, base, url, 9);
      const sync = await benchSync(page, syncSeconds);
      const worst = Math.max(...sync.presented);
      const within = sync.presented.filter((s) => s <= 1).length / sync.presented.length;
      const drift = Math.max(...sync.clocks);
      const load = `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`;
      return [
        {
          measure: `player seek to a random frame → that frame presented (requestVideoFrameCallback), p95 of ${seeks}, 320×180 H.264, 1 s GOP (Chromium)`,
          target: '< 100 ms',
          measured: `${p95.toFixed(1)} ms (p50 ${quantile(seek.times, 0.5).toFixed(1)} ms, max ${Math.max(...seek.times).toFixed(1)} ms); wrong frame shown ${seek.wrong} of ${seeks + 10}`,
          ok: p95 < 100 && seek.wrong === 0,
        },
        {
          measure: `sync grid: 9 players of one video looping ${syncSeconds} s on one lockstep transport, largest drift between their playback positions (Chromium)`,
          target: '≤ 1 frame',
          measured: `${drift.toFixed(2)} frames (p99 ${quantile(sync.clocks, 0.99).toFixed(2)}, ${sync.clocks.length} samples)`,
          ok: drift <= 1,
        },
        {
          measure:
            'sync grid: largest spread of the frames the 9 players show (their frame callbacks), sampled every animation frame',
          target: '≤ 1 frame',
          measured: `${worst} frames (≤ 1 frame in ${(within * 100).toFixed(1)} % of ${sync.presented.length} samples, ${sync.afterPause} after pause; ${load})`,
          ok: worst <= 1,
        },
      ];
    } finally {
      await browser.close();
      await services.imports.stop();
      await app.close();
    }
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) {
  for (const r of await benchPlayer()) {
    console.log(`${r.measure} | ${r.target} | ${r.measured} | ${r.ok ? '✔' : '✘'}`);
  }
}
