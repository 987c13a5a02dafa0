// File storage behind an interface (ARCHITECTURE §3): a local directory today, S3-compatible later.
// Writes are atomic (temp file + rename), so a reader never sees half a file.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface StoredObject {
  key: string;
  size: number;
}

export interface Storage {
  put(key: string, data: Buffer): Promise<StoredObject>;
  /** Stores a copy of a local file (a hard link where the file system allows; the source stays). */
  putFile(key: string, sourcePath: string): Promise<StoredObject>;
  read(key: string): Promise<Buffer>;
  /** The bytes of an object, or of the inclusive byte range `start`–`end`. */
  stream(key: string, range?: { start: number; end: number }): Readable;
  stat(key: string): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
}

const keyPattern = /^[a-z0-9][a-z0-9/_.-]*$/;

export class LocalStorage implements Storage {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    if (!keyPattern.test(key) || key.includes('..') || key.includes('//'))
      throw new Error(`invalid storage key ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, data: Buffer): Promise<StoredObject> {
    const target = this.pathOf(key);
    const tmpDir = path.join(this.root, '.tmp');
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    try {
      await fsp.writeFile(tmp, data, { flag: 'wx' });
      await fsp.rename(tmp, target);
    } catch (err) {
      await fsp.rm(tmp, { force: true });
      throw err;
    }
    return { key, size: data.length };
  }

  async putFile(key: string, sourcePath: string): Promise<StoredObject> {
    const target = this.pathOf(key);
    const tmpDir = path.join(this.root, '.tmp');
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    try {
      await fsp.link(sourcePath, tmp).catch(() => fsp.copyFile(sourcePath, tmp, fs.constants.COPYFILE_EXCL));
      await fsp.rename(tmp, target);
    } catch (err) {
      await fsp.rm(tmp, { force: true });
      throw err;
    }
    return { key, size: (await fsp.stat(target)).size };
  }

  read(key: string): Promise<Buffer> {
    return fsp.readFile(this.pathOf(key));
  }

  stream(key: string, range?: { start: number; end: number }): Readable {
    return fs.createReadStream(this.pathOf(key), range);
  }

  async stat(key: string): Promise<StoredObject | null> {
    try {
      const st = await fsp.stat(this.pathOf(key));
      return { key, size: st.size };
    } catch {
      return null;
    }
  }

  async delete(key: string): Promise<void> {
    await fsp.rm(this.pathOf(key), { force: true });
  }
}
