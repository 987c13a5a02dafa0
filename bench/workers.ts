// Health loop cost (issue 3/6): the real WorkerHealthLoop checking 50 comfy-sims (in a child process, so only the
// studio's side is measured: HTTP, hysteresis, vitals and event writes to an embedded PGlite) every 5 s must stay
// under 2 % of one core. Run alone with `node --conditions=@i2v/source --import tsx bench/workers.ts`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPglite } from '../apps/server/src/db/client.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import { WorkerHealthLoop } from '../apps/server/src/modules/workers/health-loop.js';
import { insertWorker } from '../apps/server/src/modules/workers/repo.js';
import { systemClock } from '../apps/server/src/platform/clock.js';
import { newPublicId } from '../apps/server/src/platform/ids.js';
import type { BenchRow } from './comfy.js';

const root = path.resolve(import.meta.dirname, '..');

export async function benchHealthLoop(count = 50, seconds = 15): Promise<BenchRow> {
  const child = spawn(
    process.execPath,
    ['--conditions=@i2v/source', '--import', 'tsx', path.join(root, 'bench/comfy-sims.ts'), String(count)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-bench-workers-'));
  const database = await openPglite({ dir });
  try {
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    const t0 = performance.now();
    while (!out.includes('\n')) {
      if (performance.now() - t0 > 60_000) throw new Error('sims did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    const urls = JSON.parse(out.split('\n')[0]!) as string[];
    await migrate(database.db);
    for (const [i, url] of urls.entries()) {
      await insertWorker(database.db, { publicId: newPublicId(), name: `bench-${i + 1}`, url });
    }
    const errors: unknown[] = [];
    const loop = new WorkerHealthLoop({
      db: database.db,
      clock: systemClock,
      intervalMs: 5000,
      retentionHours: 48,
      onError: (err) => errors.push(err),
    });
    // warm up (first connections, JIT) outside the measurement
    await loop.checkOnce();
    const cpu = process.cpuUsage();
    const start = performance.now();
    loop.start();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    await loop.stop();
    const used = process.cpuUsage(cpu);
    const share = ((used.user + used.system) / 1000 / (performance.now() - start)) * 100;
    const healthy = (await database.db.query.workers.findMany()).filter((w) => w.health === 'healthy').length;
    if (errors.length > 0) throw new Error(`health checks failed: ${String(errors[0])}`);
    return {
      measure: `CPU of the health loop on ${urls.length} workers every 5 s (${seconds} s, PGlite, ${healthy} healthy)`,
      target: '< 2 % of one core',
      measured: `${share.toFixed(2)} %`,
      ok: share < 2 && healthy === urls.length,
    };
  } finally {
    child.kill('SIGTERM');
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const row = await benchHealthLoop();
  console.log(`${row.measure}  ${row.target}  ${row.measured}  ${row.ok ? '✔' : '✘'}`);
}
