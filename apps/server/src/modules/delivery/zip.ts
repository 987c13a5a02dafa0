// A streamed ZIP writer (PRD-039 §7: ZIP export streams): entries go in one at a time, each hashed and counted as
// yazl reads it, straight to a file on disk — memory stays flat whatever the size of the delivery.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

export interface ZipEntryResult {
  path: string;
  sizeBytes: number;
  sha256: string;
}

export class ZipWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly hash = createHash('sha256');
  private readonly written: Promise<void>;
  private bytes = 0;

  constructor(
    out: string,
    private readonly mtime: Date,
  ) {
    const hashing = new PassThrough();
    hashing.on('data', (b: Buffer) => {
      this.hash.update(b);
      this.bytes += b.length;
    });
    this.written = pipeline(this.zip.outputStream, hashing, createWriteStream(out));
    // surfaced by finish(); a write error (a full disk) must not crash the process meanwhile
    this.written.catch(() => undefined);
  }

  /** Adds one entry from `source` and resolves once it is in the ZIP, with its size and checksum. */
  async add(path: string, source: Readable, compress: boolean): Promise<ZipEntryResult> {
    const hash = createHash('sha256');
    let size = 0;
    // hashed as yazl reads it: a transform, so nothing flows before the ZIP asks for it
    const counting = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const ended = new Promise<void>((resolve, reject) => {
      counting.on('end', resolve);
      counting.on('error', reject);
      source.on('error', reject);
      this.written.catch(reject);
    });
    source.pipe(counting);
    this.zip.addReadStream(counting, path, { compress, mtime: this.mtime });
    await ended;
    return { path, sizeBytes: size, sha256: hash.digest('hex') };
  }

  addBuffer(path: string, data: Buffer): void {
    this.zip.addBuffer(data, path, { mtime: this.mtime });
  }

  /** Ends the archive; resolves when every byte is on disk, with the ZIP's size and checksum. */
  async finish(): Promise<{ sizeBytes: number; sha256: string }> {
    this.zip.end();
    await this.written;
    return { sizeBytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}
