// A streamed ZIP writer (PRD-039 §7: ZIP export streams): entries go in one at a time, each hashed and counted as it
// passes, straight to a file on disk — memory stays flat whatever the size of the delivery. Videos are stored (they
// are compressed already), small text is deflated; ZIP64 records appear exactly where a size or an offset needs them.
// Written here rather than taken from a library so the CRC-32 is zlib's native one: a JavaScript CRC capped the
// throughput at about 100 MB/s on this machine.
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntryResult {
  path: string;
  sizeBytes: number;
  sha256: string;
}

interface CentralEntry {
  name: Buffer;
  method: 0 | 8;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  /** Sizes and CRC follow the data (streamed entries). */
  descriptor: boolean;
}

const max32 = 0xffffffff;
const max16 = 0xffff;
// general purpose flags: bit 3 (sizes and CRC follow the data), bit 11 (names are UTF-8)
const flagDescriptor = 0x0008;
const flagUtf8 = 0x0800;

function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export class ZipWriter {
  private readonly out: WriteStream;
  private readonly zipHash = createHash('sha256');
  private readonly entries: CentralEntry[] = [];
  private readonly stamp: { time: number; date: number };
  private offset = 0;
  private failed: Error | null = null;
  private readonly names = new Set<string>();

  /** `forceZip64` writes ZIP64 records even for small archives (tests exercise that path without 4 GB files). */
  constructor(
    out: string,
    mtime: Date,
    private readonly o: { forceZip64?: boolean } = {},
  ) {
    this.out = createWriteStream(out);
    this.out.on('error', (err) => {
      this.failed ??= err;
    });
    this.stamp = dosDateTime(mtime);
  }

  private needs64(n: number): boolean {
    return this.o.forceZip64 === true || n >= max32;
  }

  /** Writes bytes to the file, waiting when the disk is behind; a write error (a full disk) rejects. */
  private async write(b: Buffer): Promise<void> {
    if (this.failed) throw this.failed;
    this.zipHash.update(b);
    this.offset += b.length;
    if (!this.out.write(b)) {
      await new Promise<void>((resolve, reject) => {
        const onError = (err: Error) => reject(err);
        this.out.once('error', onError);
        this.out.once('drain', () => {
          this.out.off('error', onError);
          resolve();
        });
      });
    }
    if (this.failed) throw this.failed;
  }

  private nameOf(path: string): Buffer {
    if (this.names.has(path)) throw new Error(`${path} is in the archive twice`);
    this.names.add(path);
    return Buffer.from(path, 'utf8');
  }

  private localHeader(
    name: Buffer,
    method: 0 | 8,
    flags: number,
    crc: number,
    compressed: number,
    size: number,
    zip64: boolean,
  ) {
    const extra = zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(compressed), 12);
    }
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(zip64 ? 45 : 20, 4);
    h.writeUInt16LE(flags, 6);
    h.writeUInt16LE(method, 8);
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    h.writeUInt32LE(crc >>> 0, 14);
    h.writeUInt32LE(zip64 ? max32 : compressed, 18);
    h.writeUInt32LE(zip64 ? max32 : size, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(extra.length, 28);
    return Buffer.concat([h, name, extra]);
  }

  /**
   * Stores one entry read from `source`, whose length is `size` bytes (known from the file), and resolves once it
   * is written, with its size and checksum. A source that yields another length is refused.
   */
  async add(path: string, source: Readable, size: number): Promise<ZipEntryResult> {
    const name = this.nameOf(path);
    const offset = this.offset;
    const zip64 = this.needs64(size);
    await this.write(this.localHeader(name, 0, flagDescriptor | flagUtf8, 0, size, size, zip64));
    const hash = createHash('sha256');
    let crc = 0;
    let seen = 0;
    for await (const chunk of source) {
      const b = chunk as Buffer;
      crc = crc32(b, crc);
      hash.update(b);
      seen += b.length;
      await this.write(b);
    }
    if (seen !== size) throw new Error(`${path} was ${seen} bytes, expected ${size}`);
    const descriptor = Buffer.alloc(zip64 ? 24 : 16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    if (zip64) {
      descriptor.writeBigUInt64LE(BigInt(size), 8);
      descriptor.writeBigUInt64LE(BigInt(size), 16);
    } else {
      descriptor.writeUInt32LE(size, 8);
      descriptor.writeUInt32LE(size, 12);
    }
    await this.write(descriptor);
    this.entries.push({ name, method: 0, crc: crc >>> 0, compressed: size, size, offset, descriptor: true });
    return { path, sizeBytes: size, sha256: hash.digest('hex') };
  }

  /** Adds a small entry held in memory, deflated when that makes it smaller. */
  async addBuffer(path: string, data: Buffer): Promise<ZipEntryResult> {
    const name = this.nameOf(path);
    const offset = this.offset;
    const crc = crc32(data) >>> 0;
    const deflated = deflateRawSync(data);
    const method: 0 | 8 = deflated.length < data.length ? 8 : 0;
    const body = method === 8 ? deflated : data;
    const zip64 = this.needs64(data.length);
    await this.write(this.localHeader(name, method, flagUtf8, crc, body.length, data.length, zip64));
    await this.write(body);
    this.entries.push({
      name,
      method,
      crc,
      compressed: body.length,
      size: data.length,
      offset,
      descriptor: false,
    });
    return { path, sizeBytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  }

  private centralHeader(e: CentralEntry): Buffer {
    const big: bigint[] = [];
    if (this.needs64(e.size)) big.push(BigInt(e.size));
    if (this.needs64(e.compressed)) big.push(BigInt(e.compressed));
    if (this.needs64(e.offset)) big.push(BigInt(e.offset));
    const extra = Buffer.alloc(big.length ? 4 + 8 * big.length : 0);
    if (big.length) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8 * big.length, 2);
      for (const [i, v] of big.entries()) extra.writeBigUInt64LE(v, 4 + 8 * i);
    }
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE((3 << 8) | 45, 4); // made by: Unix, spec 4.5
    h.writeUInt16LE(big.length ? 45 : 20, 6);
    h.writeUInt16LE(e.descriptor ? flagUtf8 | flagDescriptor : flagUtf8, 8);
    h.writeUInt16LE(e.method, 10);
    h.writeUInt16LE(this.stamp.time, 12);
    h.writeUInt16LE(this.stamp.date, 14);
    h.writeUInt32LE(e.crc, 16);
    h.writeUInt32LE(this.needs64(e.compressed) ? max32 : e.compressed, 20);
    h.writeUInt32LE(this.needs64(e.size) ? max32 : e.size, 24);
    h.writeUInt16LE(e.name.length, 28);
    h.writeUInt16LE(extra.length, 30);
    h.writeUInt16LE(0, 32); // comment
    h.writeUInt16LE(0, 34); // disk
    h.writeUInt16LE(0, 36); // internal attributes
    h.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    h.writeUInt32LE(this.needs64(e.offset) ? max32 : e.offset, 42);
    return Buffer.concat([h, e.name, extra]);
  }

  /** Writes the central directory and ends the archive; resolves when every byte is on disk. */
  async finish(): Promise<{ sizeBytes: number; sha256: string }> {
    const cdOffset = this.offset;
    for (const e of this.entries) await this.write(this.centralHeader(e));
    const cdSize = this.offset - cdOffset;
    const count = this.entries.length;
    const zip64 = this.o.forceZip64 === true || count >= max16 || cdOffset >= max32 || cdSize >= max32;
    if (zip64) {
      const recordOffset = this.offset;
      const r = Buffer.alloc(56);
      r.writeUInt32LE(0x06064b50, 0);
      r.writeBigUInt64LE(44n, 4);
      r.writeUInt16LE((3 << 8) | 45, 12);
      r.writeUInt16LE(45, 14);
      r.writeUInt32LE(0, 16);
      r.writeUInt32LE(0, 20);
      r.writeBigUInt64LE(BigInt(count), 24);
      r.writeBigUInt64LE(BigInt(count), 32);
      r.writeBigUInt64LE(BigInt(cdSize), 40);
      r.writeBigUInt64LE(BigInt(cdOffset), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeUInt32LE(0, 4);
      locator.writeBigUInt64LE(BigInt(recordOffset), 8);
      locator.writeUInt32LE(1, 16);
      await this.write(Buffer.concat([r, locator]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(zip64 ? max16 : count, 8);
    end.writeUInt16LE(zip64 ? max16 : count, 10);
    end.writeUInt32LE(zip64 ? max32 : cdSize, 12);
    end.writeUInt32LE(zip64 ? max32 : cdOffset, 16);
    await this.write(end);
    await new Promise<void>((resolve, reject) => {
      this.out.once('error', reject);
      this.out.end(() => resolve());
    });
    if (this.failed) throw this.failed;
    return { sizeBytes: this.offset, sha256: this.zipHash.digest('hex') };
  }

  /** Stops writing after a failure; the caller removes the partial file. */
  abort(): void {
    this.out.destroy();
  }
}
