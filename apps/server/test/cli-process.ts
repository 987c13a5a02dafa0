// Runs the real `i2v` CLI (from sources) as a child process, for tests of start-up, locking and shutdown.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');
const entry = path.join(root, 'apps/server/src/cli/main.ts');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnEntry(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--conditions=@i2v/source', '--import', 'tsx', entry, ...args], {
    cwd: root,
    env: { ...process.env, I2V_LOG_LEVEL: 'warn', I2V_SIM_WORKERS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts the CLI and keeps collecting stdout and stderr together, for long-running commands. */
export function spawnCli(
  args: string[],
  env: Record<string, string>,
): ChildProcess & { output: () => string } {
  const child = spawnEntry(args, env);
  let output = '';
  const collect = (d: Buffer) => {
    output += String(d);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return Object.assign(child, { output: () => output });
}

/** Runs a CLI command to completion. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  const child = spawnEntry(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += String(d);
  });
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
