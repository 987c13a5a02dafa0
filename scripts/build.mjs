#!/usr/bin/env node
// Builds the server (tsc project references) and the web app (vite). `--if-needed` skips when outputs are newer
// than every source file, so `npm start` on a built checkout starts at once.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');
const stamp = path.join(root, 'apps/server/dist/.build-stamp');
const sources = [
  'packages/contracts/src',
  'packages/domain/src',
  'packages/ffmpeg/src',
  'packages/faces/src',
  'packages/comfy/src',
  'packages/comfy-sim/src',
  'apps/server/src',
  'apps/web/src',
  'apps/web/public',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
];
const log = (msg) => quiet || console.log(msg);

function newestMtime(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of fs.readdirSync(full)) max = Math.max(max, newestMtime(path.join(p, entry)));
  return max;
}

function upToDate() {
  if (!fs.existsSync(stamp) || !fs.existsSync(path.join(root, 'apps/web/dist/index.html'))) return false;
  const built = fs.statSync(stamp).mtimeMs;
  return sources.every((s) => newestMtime(s) <= built);
}

if (args.has('--if-needed') && upToDate()) process.exit(0);

const bin = (name) => path.join(root, 'node_modules/.bin', name);
const run = (cmd, cmdArgs) =>
  execFileSync(cmd, cmdArgs, { cwd: root, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });

const started = Date.now();
log('Building i2v Studio: server…');
run(bin('tsc'), ['-b', 'tsconfig.json']);
const migrationsSrc = path.join(root, 'apps/server/src/db/migrations');
const migrationsOut = path.join(root, 'apps/server/dist/db/migrations');
fs.rmSync(migrationsOut, { recursive: true, force: true });
fs.cpSync(migrationsSrc, migrationsOut, { recursive: true });
log('Building i2v Studio: web app…');
run(bin('vite'), ['build', '--config', 'apps/web/vite.config.ts', '--logLevel', quiet ? 'error' : 'warn']);
fs.writeFileSync(stamp, new Date().toISOString());
log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
