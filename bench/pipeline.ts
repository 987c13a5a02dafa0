// Generation pipeline targets: (a) the overhead of a segment besides rendering (boundary frame, QA with faces,
// registration of the next step), (b) a 20 × 10 batch of 3-segment scenes on 4 comfy-sim workers — every output
// correct and the workers busy — and (c) the estimate of that 200-scene batch. Studios on PGlite; the comfy-sims run
// in a child process (bench/comfy-sims.ts) so the studio's event loop is measured, not the simulator's. Run alone with
//   node --conditions=@i2v/source --import tsx bench/pipeline.ts [a] [b] [--slowdown 8] [--env I2V_MEDIA_CONCURRENCY=3 …]
// (b includes c; --slowdown sets the sims' render duration, --env adds studio configuration).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SimOptions } from '@i2v/comfy-sim';
import type { DomainEvent } from '@i2v/contracts';
import { createFaceAnalyzer, sampleFaces } from '@i2v/faces';
import { extractFrame, readKeptFrame } from '@i2v/ffmpeg';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import type { Services } from '../apps/server/src/app.js';
import { type Database, openPglite, rows } from '../apps/server/src/db/client.js';
import { decodeSegment, embedImage, judgeSegment } from '../apps/server/src/modules/pipeline/analysis.js';
import { exampleVersionIds, seedExampleWorkflows } from '../apps/server/src/modules/workflows/examples.js';
import { systemContext } from '../apps/server/src/platform/request-context.js';
import type { BenchRow } from './comfy.js';
import { serveStudio } from './studio.js';

const root = path.resolve(import.meta.dirname, '..');
const admin = { email: 'pipeline-bench@studio.test', password: 'Quick-Silver-2026' };

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;
const sec = (n: number) => `${(n / 1000).toFixed(2)} s`;
const sleep = (n: number) => new Promise((r) => setTimeout(r, n));
const time = (d: Date | string | null) => (d === null ? Number.NaN : new Date(d).getTime());

async function until(what: string, done: () => Promise<boolean>, timeoutMs: number, everyMs = 250) {
  const end = performance.now() + timeoutMs;
  while (!(await done())) {
    if (performance.now() > end) throw new Error(`timed out after ${sec(timeoutMs)} waiting for ${what}`);
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------- a studio on PGlite with comfy-sim workers

interface Studio {
  services: Services;
  dataDir: string;
  database: Database;
  base: string;
  token: string;
  close(): Promise<void>;
}

async function startStudio(env: Record<string, string>): Promise<Studio> {
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-bench-pipeline-db-'));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-bench-pipeline-data-'));
  const database = await openPglite({ dir: dbDir });
  const drop = async () => {
    await database.close();
    fs.rmSync(dbDir, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const { app, services, base, token } = await serveStudio(database, dataDir, admin, env);
    return {
      services,
      dataDir,
      database,
      base,
      token,
      close: async () => {
        await services.imports.stop();
        await app.close();
        await drop();
      },
    };
  } catch (err) {
    await drop().catch(() => undefined);
    throw err;
  }
}

async function api<T>(s: Studio, method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const r = await fetch(`${s.base}/api/v1${url}`, {
    method,
    headers: {
      authorization: `Bearer ${s.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  if (r.status >= 300) throw new Error(`${method} ${url} answered ${r.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** N comfy-sims in a child process; `stop` ends it (killed outright when it has not exited 3 s after SIGTERM). */
async function childSims(n: number, options: SimOptions): Promise<{ urls: string[]; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@i2v/source',
      '--import',
      'tsx',
      path.join(root, 'bench/comfy-sims.ts'),
      String(n),
      JSON.stringify(options),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (d) => {
    out += String(d);
  });
  try {
    await until('the sims to start', async () => out.includes('\n'), 60_000, 20);
  } catch (err) {
    child.kill('SIGTERM');
    throw err;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  return { urls: JSON.parse(out.split('\n')[0]!) as string[], stop };
}

async function withStudio<T>(
  env: Record<string, string>,
  sims: { n: number; options: SimOptions },
  fn: (s: Studio, urls: string[]) => Promise<T>,
): Promise<T> {
  const fleet = await childSims(sims.n, sims.options);
  try {
    const s = await startStudio(env);
    try {
      return await fn(s, fleet.urls);
    } finally {
      await s.close();
    }
  } finally {
    await fleet.stop();
  }
}

async function openJobs(s: Studio): Promise<number> {
  const [r] = await rows<{ n: number }>(
    s.database.db,
    sql`SELECT count(*)::int AS n FROM jobs WHERE state NOT IN ('completed', 'failed', 'cancelled')`,
  );
  return r?.n ?? 0;
}

/** A sample face photo cropped to its face, as a square PNG: a character's source image and hero. */
async function facePhoto(i: number, side = 512): Promise<Buffer> {
  const all = sampleFaces();
  const f = all[i % all.length]!;
  const r = f.region;
  return sharp(f.file)
    .rotate()
    .extract({ left: r.x, top: r.y, width: r.width, height: r.height })
    .resize(side, side, { fit: 'cover' })
    .png()
    .toBuffer();
}

interface SceneTypeSpec {
  name: string;
  segmentSeconds: number;
  segments: number;
  slotBindings: Record<string, number>;
}

/**
 * A project of `characters` characters (sample faces, each with an approved casual hero) and the given scene types
 * on the example image-to-video workflow, set up through the services as the demo seed does; workers registered
 * and healthy, the engine started, every source-image QA job done.
 */
async function createProject(
  s: Studio,
  urls: string[],
  characters: number,
  types: SceneTypeSpec[],
): Promise<string> {
  const ctx = systemContext;
  const svc = s.services;
  const { project } = await svc.projects.create(ctx, { name: 'Pipeline bench', description: '' });
  const casual = (await svc.variantTypes.list()).find((t) => t.slug === 'casual');
  if (!casual) throw new Error('no casual variant type');
  await seedExampleWorkflows(svc.workflows, ctx);
  const examples = await exampleVersionIds(svc.workflows);
  if (!examples.imageToVideo) throw new Error('the example image-to-video workflow was not imported');
  for (let i = 0; i < characters; i++) {
    const name = `Character ${String(i + 1).padStart(2, '0')}`;
    const c = await svc.characters.create(ctx, project.id, { name, metadata: {} });
    await svc.characters.setSourceImage(ctx, c.id, { filename: `${i}.png`, data: await facePhoto(i, 576) });
    // the hero is the same face at another size (a variant may not repeat the source image byte for byte)
    const v = await svc.characters.addVariant(ctx, c.id, casual.slug, {
      filename: `${i}-hero.png`,
      data: await facePhoto(i, 512),
    });
    await svc.characters.decideVariant(ctx, v.id, 'hero');
  }
  for (const [k, t] of types.entries()) {
    await svc.sceneTypes.create(ctx, {
      projectId: project.id,
      name: t.name,
      description: '',
      workflowRef: null,
      workflowVersionId: examples.imageToVideo,
      transitionWorkflowVersionId: null,
      slotBindings: t.slotBindings,
      loras: [],
      prompts: {
        full_clip: { positive: `{character_name} moves, scene ${k + 1}`, negative: 'blurry' },
        continuation_clip: { positive: `{character_name} keeps moving, scene ${k + 1}`, negative: 'blurry' },
      },
      targetDurationSeconds: t.segmentSeconds * t.segments,
      segmentDurationSeconds: t.segmentSeconds,
      toleranceSeconds: 0,
      applicability: { kind: 'variants', variantTypeIds: [casual.id] },
      enabled: true,
    });
  }
  for (const [i, url] of urls.entries()) {
    await svc.workers.register(ctx, { name: `sim-${i + 1}`, url, tags: [], maxConcurrency: 1 });
  }
  await svc.workerHealth.checkOnce();
  svc.jobEngine.start();
  // source-image QA (a CPU job per upload) settles before anything is measured
  await until('source-image QA', async () => (await openJobs(s)) === 0, 120_000);
  return project.id;
}

async function runsLeft(s: Studio): Promise<number> {
  const [r] = await rows<{ n: number }>(
    s.database.db,
    sql`SELECT count(*)::int AS n FROM scene_runs WHERE status IN ('running', 'awaiting_boundary')`,
  );
  return r?.n ?? 0;
}

interface SegmentTimes {
  scene: number;
  index: number;
  status: string;
  renderWorker: number | null;
  renderQueued: number;
  renderStarted: number;
  renderFinished: number;
  qaStarted: number;
  qaFinished: number;
}

async function segmentTimes(s: Studio): Promise<SegmentTimes[]> {
  const r = await rows<{
    scene_id: number;
    sequence_index: number;
    status: string;
    worker_id: number | null;
    rq: Date | null;
    rs: Date | null;
    rf: Date | null;
    qs: Date | null;
    qf: Date | null;
  }>(
    s.database.db,
    sql`SELECT g.scene_id, g.sequence_index, st.code AS status, r.worker_id,
               r.queued_at AS rq, r.started_at AS rs, r.finished_at AS rf, q.started_at AS qs, q.finished_at AS qf
        FROM segments g JOIN segment_statuses st ON st.id = g.status_id
        JOIN jobs r ON r.id = g.render_job_id JOIN jobs q ON q.id = g.qa_job_id
        ORDER BY g.scene_id, g.sequence_index, g.id`,
  );
  return r.map((x) => ({
    scene: Number(x.scene_id),
    index: x.sequence_index,
    status: x.status,
    renderWorker: x.worker_id === null ? null : Number(x.worker_id),
    renderQueued: time(x.rq),
    renderStarted: time(x.rs),
    renderFinished: time(x.rf),
    qaStarted: time(x.qs),
    qaFinished: time(x.qf),
  }));
}

// ---------------------------------------------------------------- a. overhead per segment besides rendering

async function benchSegmentOverhead(extraEnv: Record<string, string>): Promise<BenchRow[]> {
  // five scenes of two 5-second segments, one scene after the other so that no render shares the CPU with a QA
  // job (on a real fleet the GPU is elsewhere): the first segment's QA submits the second, the second's completes
  // the run. Longer chains lose the face on comfy-sim: its camera zooms 1.3× and pans right in every segment, from
  // the previous segment's last framing, so by the third segment a close-up face has left the frame (QA fails it).
  const scenes = 5;
  const n = scenes * 2;
  return withStudio(extraEnv, { n: 1, options: {} }, async (s, urls) => {
    const projectId = await createProject(s, urls, scenes, [
      { name: 'Five seconds', segmentSeconds: 5, segments: 2, slotBindings: { width: 512, height: 512 } },
    ]);
    // the handler's phases from its progress reports: → 'measuring' (look-ups), → 'deciding' (clip to a temp file,
    // analysis, poster, boundary frame), → completed (the settling transaction: scores, next segment, events)
    const phases = new Map<
      string,
      { running?: number; measuring?: number; deciding?: number; done?: number }
    >();
    const stop = s.services.bus.subscribe((e: DomainEvent) => {
      const p = e.payload as { jobId?: string; kind?: string; text?: string | null; to?: string };
      if (!p.jobId) return;
      const at = performance.now();
      const ph = phases.get(p.jobId) ?? {};
      if (e.type === 'job.progress' && p.kind === 'segment.qa') {
        if (p.text === 'measuring') ph.measuring = at;
        if (p.text === 'deciding') ph.deciding = at;
        phases.set(p.jobId, ph);
      } else if (e.type === 'job.state_changed' && (p.to === 'running' || p.to === 'completed')) {
        if (p.to === 'running') ph.running = at;
        else ph.done = at;
        phases.set(p.jobId, ph);
      }
    });
    const characters = await rows<{ public_id: string }>(
      s.database.db,
      sql`SELECT public_id FROM characters ORDER BY name`,
    );
    try {
      for (const c of characters) {
        const started = await api<{ started: unknown[] }>(s, 'POST', `/projects/${projectId}/generation`, {
          characterIds: [c.public_id],
        });
        if (started.started.length !== 1) throw new Error(`${started.started.length} scenes started, not 1`);
        await until('the scene', async () => (await runsLeft(s)) === 0, 120_000, 50);
      }
    } finally {
      stop();
    }
    const times = await segmentTimes(s);
    const bad = times.filter((t) => t.status !== 'qa_pass');
    if (times.length !== n || bad.length) {
      const why = await rows<{ i: number; reasons: unknown }>(
        s.database.db,
        sql`SELECT sequence_index AS i, qa_reasons AS reasons FROM segments WHERE qa_verdict = 'fail'`,
      );
      throw new Error(`${times.length} segments, ${bad.length} not qa_pass: ${JSON.stringify(why)}`);
    }
    const [faces] = await rows<{ measured: number }>(
      s.database.db,
      sql`SELECT count(*)::int AS measured FROM segments WHERE (qa_scores->>'likeness') IS NOT NULL`,
    );
    const qa = times.map((t) => t.qaFinished - t.qaStarted);
    const render = times.map((t) => t.renderFinished - t.renderStarted);
    const wait = times.map((t) => t.qaStarted - t.renderFinished);
    // the chain's own latency: segment 1's render finished → segment 2's render started
    const chain = times
      .filter((t) => t.index === 2)
      .map((t) => t.renderStarted - times.find((p) => p.scene === t.scene && p.index === 1)!.renderFinished);
    const qaPhases = [...phases.values()].filter((p) => p.measuring !== undefined);
    const phase = (a: keyof (typeof qaPhases)[0], b: keyof (typeof qaPhases)[0]) =>
      ms(quantile(qaPhases.map((p) => p[b]! - p[a]!).filter(Number.isFinite), 0.5));
    const parts = await analysisParts(s);
    const p95 = quantile(qa, 0.95);
    return [
      {
        measure: `overhead per segment besides rendering: segment.qa run time (clip measured with faces ${faces?.measured ?? 0}/${n}, boundary frame, registration + next submit), 5 s 512×512 at 16 fps (81 frames), ${n} segments (${scenes} scenes × 2, one at a time), 1 comfy-sim (PGlite)`,
        target: '< 1 s',
        measured: `p95 ${ms(p95)} (p50 ${ms(quantile(qa, 0.5))}; phases p50: look-ups ${phase('running', 'measuring')}, measuring ${phase('measuring', 'deciding')}, settling ${phase('deciding', 'done')}; alone on the CPU: ${parts}); render p50 ${ms(quantile(render, 0.5))}; render done → QA started p50 ${ms(quantile(wait, 0.5))}; segment 1 done → segment 2 render started p50 ${ms(quantile(chain, 0.5))}`,
        ok: p95 < 1000 && (faces?.measured ?? 0) === n,
      },
    ];
  });
}

/** The measuring phase's parts, timed one after the other on a stored segment (median of 3). */
async function analysisParts(s: Studio): Promise<string> {
  const [seg] = await rows<{ video: string; seed: string; source: string; frames: number; boundary: number }>(
    s.database.db,
    sql`SELECT o.storage_key AS video, sd.storage_key AS seed, src.storage_key AS source, g.frame_count AS frames,
               g.boundary_frame_index AS boundary
        FROM segments g JOIN media_files o ON o.id = g.output_file_id JOIN media_files sd ON sd.id = g.seed_file_id
        JOIN scenes sc ON sc.id = g.scene_id
        JOIN source_images si ON si.character_id = sc.character_id AND si.is_current
        JOIN media_files src ON src.id = si.file_id
        WHERE g.sequence_index = 2 ORDER BY g.id LIMIT 1`,
  );
  if (!seg) return 'no segment';
  const storage = path.join(s.dataDir, 'storage');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-bench-parts-'));
  const faces = await createFaceAnalyzer();
  try {
    const file = path.join(dir, 'segment.mp4');
    fs.copyFileSync(path.join(storage, seg.video), file);
    const seedImage = fs.readFileSync(path.join(storage, seg.seed));
    const { embedding } = await embedImage(faces, fs.readFileSync(path.join(storage, seg.source)));
    const input = {
      file,
      seedImage,
      expected: { width: 512, height: 512, fps: 16, frameCount: seg.frames },
      characterEmbedding: embedding,
      sceneBaseline: null,
    };
    const timed = async (fn: () => Promise<unknown>) => {
      const xs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await fn();
        xs.push(performance.now() - t);
      }
      return ms(quantile(xs, 0.5));
    };
    // as segment.qa measures: one decoding pass that keeps the boundary frame at full size, then the faces found
    // while the boundary frame is encoded from the kept pixels
    const keep = { from: seg.boundary, to: seg.boundary, file: path.join(dir, 'kept.rgb') };
    const clip = await decodeSegment(file, { keep });
    const decode = await timed(() => decodeSegment(file, { keep }));
    const withFaces = await timed(() => judgeSegment(clip, input, faces));
    const noFaces = await timed(() => judgeSegment(clip, input, null));
    const kept = clip.kept;
    const boundary = kept
      ? await timed(async () => {
          const raw = await readKeptFrame(kept, seg.boundary);
          await sharp(raw!, { raw: { width: kept.width, height: kept.height, channels: 3 } })
            .png()
            .toBuffer();
        })
      : 'not kept';
    const extraction = await timed(() =>
      extractFrame(file, { index: seg.boundary }, path.join(dir, 'b.png'), { frameCount: seg.frames }),
    );
    return `decoding 81 frames ${decode} (with the boundary frame kept at full size), judging ${withFaces} (without faces ${noFaces}), boundary frame PNG from the kept pixels ${boundary} (beside the faces; a second extraction pass would take ${extraction})`;
  } finally {
    await faces.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- b. a 20 × 10 batch on 4 workers; c. its estimate

/** Ten scene types of 3 segments each: 0.5, 0.75 or 1 s segments (9, 13 or 17 frames), tiny renders. */
const matrixTypes: SceneTypeSpec[] = Array.from({ length: 10 }, (_, k) => ({
  name: `Scene type ${k + 1}`,
  segmentSeconds: [0.5, 0.75, 1][k % 3]!,
  segments: 3,
  slotBindings: { width: 64, height: 64, steps: 4 },
}));

async function benchMatrix(extraEnv: Record<string, string>, slowdown: number): Promise<BenchRow[]> {
  const workers = 4;
  const env = { I2V_FACE_QA: 'false', ...extraEnv };
  return withStudio(env, { n: workers, options: { faults: { slowdown } } }, async (s, urls) => {
    const projectId = await createProject(s, urls, 20, matrixTypes);
    const t0 = performance.now();
    const batch = await api<{ started: unknown[]; skipped: unknown[] }>(
      s,
      'POST',
      `/projects/${projectId}/generation`,
      {},
    );
    const startMs = performance.now() - t0;
    if (batch.started.length !== 200) {
      throw new Error(
        `${batch.started.length} scenes started, ${batch.skipped.length} skipped; expected 200`,
      );
    }
    await until('the 200 scenes', async () => (await runsLeft(s)) === 0, 20 * 60_000, 500);
    const wallMs = performance.now() - t0;

    // correctness: every run completed, every segment passed QA the first time, every later segment seeded from
    // its predecessor's boundary frame
    const runs = await rows<{ status: string; n: number }>(
      s.database.db,
      sql`SELECT status, count(*)::int AS n FROM scene_runs GROUP BY status`,
    );
    const completed = runs.find((r) => r.status === 'completed')?.n ?? 0;
    const times = await segmentTimes(s);
    const passed = times.filter((t) => t.status === 'qa_pass').length;
    const [chain] = await rows<{ seeded: number; later: number }>(
      s.database.db,
      sql`SELECT count(*) FILTER (WHERE g.seed_file_id = p.boundary_file_id AND g.seed_source = 'boundary')::int AS seeded,
                 count(*)::int AS later
          FROM segments g JOIN segments p ON p.scene_id = g.scene_id AND p.sequence_index = g.sequence_index - 1
            AND p.is_current
          WHERE g.is_current AND g.sequence_index > 1`,
    );
    const correct =
      completed === 200 &&
      times.length === 600 &&
      passed === 600 &&
      chain?.seeded === 400 &&
      chain.later === 400;

    // utilisation: per worker, the time its render jobs ran, over the span from the first start to the last finish
    const first = Math.min(...times.map((t) => t.renderStarted));
    const last = Math.max(...times.map((t) => t.renderFinished));
    const span = last - first;
    const byWorker = new Map<number, SegmentTimes[]>();
    for (const t of times)
      byWorker.set(t.renderWorker ?? -1, [...(byWorker.get(t.renderWorker ?? -1) ?? []), t]);
    let busy = 0;
    const gaps: number[] = [];
    let starved = 0;
    let head = 0;
    let tail = 0;
    for (const mine of byWorker.values()) {
      mine.sort((a, b) => a.renderStarted - b.renderStarted);
      head += mine[0]!.renderStarted - first;
      tail += last - mine[mine.length - 1]!.renderFinished;
      for (const [i, t] of mine.entries()) {
        busy += t.renderFinished - t.renderStarted;
        if (i === 0) continue;
        const free = mine[i - 1]!.renderFinished;
        gaps.push(t.renderStarted - free);
        // a gap with no render queued when the worker came free: the work was not there yet (QA, submission)
        if (!times.some((o) => o.renderQueued <= free && o.renderStarted > free))
          starved += t.renderStarted - free;
      }
    }
    const busyShare = busy / (workers * span);
    const render = times.map((t) => t.renderFinished - t.renderStarted);
    const qa = times.map((t) => t.qaFinished - t.qaStarted);
    const qaWait = times.map((t) => t.qaStarted - t.renderFinished);
    const gapTotal = gaps.reduce((a, b) => a + b, 0);
    // the QA queue's lag: the batch is done when the last QA job is, after the GPUs have gone idle
    const drain = Math.max(...times.map((t) => t.qaFinished)) - last;

    // c. the estimate of the same 200 scenes, with the history of the 600 renders
    const estimate = () =>
      api<{ scenes: number; segments: number; wallSeconds: number; confidence: string }>(
        s,
        'POST',
        `/projects/${projectId}/generation/estimate`,
        { only: 'all' },
      );
    for (let i = 0; i < 3; i++) await estimate();
    const estimates: number[] = [];
    let last200: Awaited<ReturnType<typeof estimate>> | null = null;
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      last200 = await estimate();
      estimates.push(performance.now() - t);
    }
    const ep95 = quantile(estimates, 0.95);
    const envText = Object.keys(extraEnv).length
      ? `; ${Object.entries(extraEnv)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`
      : '';
    return [
      {
        measure: `20 × 10 batch (200 scenes × 3 segments, 64×64) on ${workers} comfy-sim workers, one POST /generation: outputs (PGlite, face QA off${envText})`,
        target: '600 qa_pass, 200 completed, chained',
        measured: `${passed} of ${times.length} segments qa_pass, ${completed} of 200 runs completed (${runs.map((r) => `${r.status} ${r.n}`).join(', ')}), ${chain?.seeded ?? 0} of ${chain?.later ?? 0} later segments seeded with their predecessor's boundary frame`,
        ok: correct,
      },
      {
        measure: `20 × 10 batch: workers busy (render time ÷ ${workers} × first start → last finish)`,
        target: '≥ 95 %',
        measured: `${(busyShare * 100).toFixed(1)} % (wall ${sec(wallMs)} incl. POST ${sec(startMs)}; render p50 ${ms(quantile(render, 0.5))}; per worker: handovers ${sec(gapTotal / workers)} (p50 ${ms(quantile(gaps, 0.5))}, p95 ${ms(quantile(gaps, 0.95))}, max ${ms(Math.max(...gaps))}; ${sec(starved / workers)} of it with no render queued), idle before the first start ${sec(head / workers)}, after the last finish ${sec(tail / workers)}; QA run p50 ${ms(quantile(qa, 0.5))}, p95 ${ms(quantile(qa, 0.95))}; render done → QA started p50 ${ms(quantile(qaWait, 0.5))}, p95 ${ms(quantile(qaWait, 0.95))}; last render → last QA done ${sec(drain)})`,
        ok: busyShare >= 0.95,
      },
      {
        measure: `estimate of the 200-scene batch (POST /generation/estimate, ${last200?.segments ?? 0} segments with 600 renders of history), 20 calls`,
        target: '< 100 ms',
        measured: `p95 ${ms(ep95)} (p50 ${ms(quantile(estimates, 0.5))}; ${last200?.scenes ?? 0} scenes, wall ${last200?.wallSeconds.toFixed(0)} s, confidence ${last200?.confidence})`,
        ok: ep95 < 100 && last200?.scenes === 200,
      },
    ];
  });
}

// ---------------------------------------------------------------- all of them

/** The pipeline benchmarks; each failure becomes a row rather than aborting the others. */
export async function benchPipeline(
  only: string[] = [],
  env: Record<string, string> = {},
  slowdown = 8,
): Promise<BenchRow[]> {
  const want = (m: string) => only.length === 0 || only.includes(m);
  const out: BenchRow[] = [];
  const attempt = async (name: string, target: string, fn: () => Promise<BenchRow[]>) => {
    try {
      out.push(...(await fn()));
    } catch (err) {
      out.push({ measure: name, target, measured: `not run: ${(err as Error).message}`, ok: false });
    }
  };
  if (want('a'))
    await attempt('overhead per segment besides rendering (PGlite)', '< 1 s', () =>
      benchSegmentOverhead(env),
    );
  if (want('b'))
    await attempt('20 × 10 batch on 4 comfy-sim workers (PGlite)', '≥ 95 % busy, all correct', () =>
      benchMatrix(env, slowdown),
    );
  return out;
}

if (process.argv[1] === import.meta.filename) {
  const t = performance.now();
  const args = process.argv.slice(2);
  const env: Record<string, string> = {};
  let slowdown = 8;
  const only: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--env') {
      const [k, v] = args[++i]!.split('=');
      env[k!] = v!;
    } else if (args[i] === '--slowdown') slowdown = Number(args[++i]);
    else only.push(args[i]!);
  }
  for (const r of await benchPipeline(only, env, slowdown)) {
    console.log(`${r.measure} | ${r.target} | ${r.measured} | ${r.ok ? '✔' : '✘'}`);
  }
  console.log(`pipeline benchmarks took ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
