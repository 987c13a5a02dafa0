// Guards the embedded database directory: two processes on one PGlite dir silently lose writes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: { pid: number; host: string; startedAt: string },
  ) {
    super(
      `The data directory is in use by another i2v process (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}).\n` +
        `Lock file: ${lockPath}\n` +
        'Stop that process first, or point this one at another directory with I2V_DATA_DIR. ' +
        'To run several processes on one studio, use PostgreSQL (DATABASE_URL).',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws DataDirLockedError; a lock left by a dead process on this host is taken over. */
export function acquireDataDirLock(dir: string): DataDirLock {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'i2v.lock');
  const mine = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(mine), { flag: 'wx' });
      let released = false;
      return {
        path: lockPath,
        release: () => {
          if (released) return;
          released = true;
          try {
            const current = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid: number };
            if (current.pid === process.pid) fs.unlinkSync(lockPath);
          } catch {
            // already gone
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: { pid: number; host: string; startedAt: string };
      try {
        holder = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
      } catch {
        holder = { pid: 0, host: 'unknown', startedAt: 'unknown' };
      }
      const sameHost = holder.host === os.hostname();
      if (sameHost && holder.pid > 0 && !isAlive(holder.pid)) {
        fs.rmSync(lockPath, { force: true });
        continue;
      }
      throw new DataDirLockedError(lockPath, holder);
    }
  }
  throw new Error(`Could not take the data directory lock at ${lockPath}`);
}
