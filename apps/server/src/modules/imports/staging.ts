// Receives an onboarding upload into a private staging folder: many files with their relative paths (a dropped
// folder) or one ZIP, extracted here. Every path is checked before a byte is written: an entry that could escape
// the folder refuses the whole upload, naming the entry; sizes and counts are bounded (ZIP bombs included).
import { createWriteStream } from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isSystemLitter, normaliseImportPath } from '@i2v/domain';
import yauzl from 'yauzl';
import { AppError } from '../../platform/errors.js';

export interface StagedFile {
  /** Normalised relative path inside the upload. */
  path: string;
  size: number;
  /** File name inside the staging folder's `files/`. */
  key: string;
}

export interface StagingLimits {
  maxFiles: number;
  maxBytes: number;
  maxFileBytes: number;
}

const unsafe = (name: string, reason: string, field: string) =>
  new AppError('import.unsafe_path', `"${name}" ${reason}; nothing was imported.`, [
    { field, message: `${name} ${reason}` },
  ]);

/** Counts bytes through a stream and fails once a limit is passed. */
function meter(limit: number, onTooMuch: () => Error, counter: { bytes: number }) {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      counter.bytes += chunk.length;
      if (counter.bytes > limit) done(onTooMuch());
      else done(null, chunk);
    },
  });
}

export class StagingFolder {
  readonly files: StagedFile[] = [];
  private total = 0;

  constructor(
    readonly dir: string,
    private readonly limits: StagingLimits,
  ) {}

  static async create(root: string, id: string, limits: StagingLimits): Promise<StagingFolder> {
    const dir = path.join(root, id);
    await fsp.mkdir(path.join(dir, 'files'), { recursive: true });
    return new StagingFolder(dir, limits);
  }

  fileOf(key: string): string {
    return path.join(this.dir, 'files', key);
  }

  /** Stores one file of a folder upload under its relative path. */
  async addFile(rawPath: string, source: Readable, field = 'body.file'): Promise<void> {
    const safe = normaliseImportPath(rawPath);
    if (!safe.ok) {
      source.resume();
      throw unsafe(rawPath, safe.reason, field);
    }
    if (isSystemLitter(safe.path)) {
      source.resume();
      return;
    }
    await this.write(safe.path, source);
  }

  /** Extracts a ZIP that was streamed to `archivePath`; refuses it whole when an entry is unsafe. */
  async extractZip(archivePath: string): Promise<void> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.openPromise(archivePath, {
        lazyEntries: true,
        autoClose: false,
        decodeStrings: false,
        validateEntrySizes: true,
      });
    } catch (err) {
      throw new AppError(
        'import.archive_invalid',
        `The upload is not a ZIP archive we can read (${(err as Error).message}).`,
        [{ field: 'body.archive', message: 'is not a readable ZIP archive' }],
      );
    }
    const entries: yauzl.Entry[] = [];
    try {
      // first the whole central directory: names are checked before anything is extracted
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (e: yauzl.Entry) => {
          entries.push(e);
          if (entries.length > this.limits.maxFiles * 2) {
            reject(this.tooManyFiles());
            return;
          }
          zip.readEntry();
        });
        zip.on('end', resolve);
        zip.on('error', reject);
        zip.readEntry();
      });
      const wanted: { entry: yauzl.Entry; path: string }[] = [];
      for (const e of entries) {
        const raw = yauzl.getFileNameLowLevel(
          e.generalPurposeBitFlag,
          e.fileName as unknown as Buffer,
          e.extraFields,
          true,
        );
        if (raw.endsWith('/')) continue;
        const safe = normaliseImportPath(raw);
        if (!safe.ok) throw unsafe(raw, safe.reason, 'body.archive');
        // symbolic links (Unix mode 0o120000 in the high bits) could point anywhere
        if (((e.externalFileAttributes >>> 16) & 0o170000) === 0o120000) {
          throw unsafe(raw, 'is a symbolic link', 'body.archive');
        }
        if (isSystemLitter(safe.path)) continue;
        wanted.push({ entry: e, path: safe.path });
      }
      const declared = wanted.reduce((sum, w) => sum + w.entry.uncompressedSize, 0);
      if (declared > this.limits.maxBytes) throw this.tooLarge();
      for (const w of wanted) {
        const stream = await zip.openReadStreamPromise(w.entry);
        await this.write(w.path, stream);
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError(
        'import.archive_invalid',
        `The ZIP archive is damaged (${(err as Error).message}).`,
        [{ field: 'body.archive', message: 'is damaged' }],
      );
    } finally {
      zip.close();
    }
  }

  async discard(): Promise<void> {
    await fsp.rm(this.dir, { recursive: true, force: true });
  }

  private async write(relPath: string, source: Readable): Promise<void> {
    if (this.files.length >= this.limits.maxFiles) {
      source.resume();
      throw this.tooManyFiles();
    }
    if (this.files.some((f) => f.path === relPath)) {
      source.resume();
      throw new AppError('import.unsafe_path', `"${relPath}" appears twice in the upload.`, [
        { field: 'body.file', message: `${relPath} appears twice` },
      ]);
    }
    const key = String(this.files.length);
    const counter = { bytes: 0 };
    const fileLimit = Math.min(this.limits.maxFileBytes, this.limits.maxBytes - this.total);
    const tooBig = () =>
      counter.bytes > this.limits.maxFileBytes
        ? new AppError(
            'import.too_large',
            `${relPath} is larger than ${Math.round(this.limits.maxFileBytes / 1048576)} MiB.`,
            [{ field: 'body.file', message: `${relPath} is too large` }],
          )
        : this.tooLarge();
    await pipeline(source, meter(fileLimit, tooBig, counter), createWriteStream(this.fileOf(key)));
    this.total += counter.bytes;
    this.files.push({ path: relPath, size: counter.bytes, key });
  }

  private tooManyFiles() {
    return new AppError(
      'import.too_many_files',
      `An import may hold at most ${this.limits.maxFiles.toLocaleString('en')} files; split it.`,
      [{ field: 'body', message: 'has too many files' }],
    );
  }

  private tooLarge() {
    return new AppError(
      'import.too_large',
      `An import may hold at most ${Math.round(this.limits.maxBytes / 1048576).toLocaleString('en')} MiB; split it.`,
      [{ field: 'body', message: 'is too large' }],
    );
  }
}
