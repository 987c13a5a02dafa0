import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalStorage } from './storage.js';

const roots: string[] = [];
const storage = () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-storage-'));
  roots.push(root);
  return new LocalStorage(root);
};
afterEach(() => {
  for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
});

describe('LocalStorage', () => {
  it('writes, stats, reads and deletes', async () => {
    const s = storage();
    await s.put('images/a/b.png', Buffer.from('hello'));
    expect(await s.stat('images/a/b.png')).toEqual({ key: 'images/a/b.png', size: 5 });
    expect(String(await s.read('images/a/b.png'))).toBe('hello');
    await s.delete('images/a/b.png');
    expect(await s.stat('images/a/b.png')).toBeNull();
  });

  it('leaves no temp files behind', async () => {
    const s = storage();
    await s.put('x.bin', Buffer.alloc(1024));
    expect(fs.readdirSync(path.join(s.root, '.tmp'))).toEqual([]);
  });

  it.each(['../escape', '/abs/path', 'a//b', 'UPPER', 'a/../../b'])('refuses the key %s', async (key) => {
    await expect(storage().put(key, Buffer.from('x'))).rejects.toThrow(/invalid storage key/);
  });
});
