#!/usr/bin/env node
// `npm test`: typecheck, lint, unit, integration on PGlite and on PostgreSQL (when reachable), e2e.
// Ends with one line: the totals over every suite, e.g. `812 passed, 0 failed, 3 skipped`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: r.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function check(label, cmd, args) {
  const r = run(label, cmd, args);
  totals[r.ok ? 'passed' : 'failed'] += 1;
  lines.push(`${r.ok ? '✔' : '✘'} ${label} (${r.seconds} s)`);
}

function suite(label, project, env = {}) {
  const out = path.join(reports, `${label.replace(/\W+/g, '-')}.json`);
  const r = run(
    label,
    bin('vitest'),
    ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    env,
  );
  let p = 0,
    f = 0,
    s = 0;
  if (fs.existsSync(out)) {
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    p = j.numPassedTests;
    f = j.numFailedTests;
    s = j.numPendingTests + (j.numTodoTests ?? 0);
    // A file that fails to load has no test results; count it so the total cannot read green.
    f += (j.testResults ?? []).filter((t) => t.status === 'failed' && t.assertionResults.length === 0).length;
  }
  if (!r.ok && f === 0) f = 1;
  totals.passed += p;
  totals.failed += f;
  totals.skipped += s;
  lines.push(
    `${f === 0 ? '✔' : '✘'} ${label}: ${p} passed, ${f} failed${s ? `, ${s} skipped` : ''} (${r.seconds} s)`,
  );
}

async function postgresUrl() {
  const url =
    process.env.I2V_TEST_DATABASE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/test';
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

const only = process.argv[2];
if (!only || only === 'static') {
  check('typecheck', bin('tsc'), ['-p', 'tsconfig.check.json']);
  check('typecheck web', bin('tsc'), ['-p', 'apps/web/tsconfig.json', '--noEmit']);
  check('lint', bin('biome'), ['check', '.']);
}
if (!only || only === 'unit') suite('unit', 'unit');
if (!only || only === 'integration') {
  suite('integration (PGlite)', 'integration', { I2V_TEST_DB: 'pglite' });
  const url = await postgresUrl();
  if (url)
    suite('integration (PostgreSQL)', 'integration', { I2V_TEST_DB: 'postgres', I2V_TEST_DATABASE_URL: url });
  else lines.push('- integration (PostgreSQL): no server reachable, not run (set I2V_TEST_DATABASE_URL)');
}
if (!only || only === 'e2e') {
  const b = run('build', process.execPath, ['scripts/build.mjs']);
  totals[b.ok ? 'passed' : 'failed'] += 1;
  lines.push(`${b.ok ? '✔' : '✘'} build (${b.seconds} s)`);
  if (b.ok) suite('e2e', 'e2e');
}
fs.rmSync(reports, { recursive: true, force: true });
console.log(`\n${lines.join('\n')}`);
console.log(
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(totals.failed === 0 ? 0 : 1);
