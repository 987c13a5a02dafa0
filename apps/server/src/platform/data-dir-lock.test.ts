import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('data dir lock', () => {
  it('is exclusive while held and free after release', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    acquireDataDirLock(dir).release();
  });

  it('names the holder and how to proceed', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    try {
      acquireDataDirLock(dir);
    } catch (err) {
      expect((err as Error).message).toContain(`pid ${process.pid}`);
      expect((err as Error).message).toContain('I2V_DATA_DIR');
    } finally {
      lock.release();
    }
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'i2v.lock'),
      JSON.stringify({ pid: 2 ** 22 + 17, host: os.hostname(), startedAt: 'yesterday' }),
    );
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });
});
