import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readZip as unzip } from '../../../test/zip-reader.js';
import { ZipWriter } from './zip.js';

const dir = mkdtempSync(path.join(tmpdir(), 'i2v-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const random = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7919 + (i >> 3)) & 255));

describe.each([false, true])('ZipWriter (forceZip64 %s)', (forceZip64) => {
  it('writes stored and deflated entries that a ZIP reader extracts byte for byte', async () => {
    const out = path.join(dir, `a${forceZip64}.zip`);
    const zip = new ZipWriter(out, new Date('2026-11-25T12:00:00Z'), { forceZip64 });
    const big = random(3_000_000);
    const text = Buffer.from(JSON.stringify({ name: 'Zoë', list: Array(200).fill('same') }));
    const a = await zip.add(
      'Zoë Ä/walk.mp4',
      Readable.from([big.subarray(0, 1_000_000), big.subarray(1_000_000)]),
      big.length,
    );
    const b = await zip.addBuffer('Zoë Ä/metadata.json', text);
    const c = await zip.add('empty.bin', Readable.from([]), 0);
    expect(a).toEqual({ path: 'Zoë Ä/walk.mp4', sizeBytes: big.length, sha256: sha(big) });
    expect(b.sha256).toBe(sha(text));
    expect(c.sizeBytes).toBe(0);
    const done = await zip.finish();
    const bytes = await readFile(out);
    expect(done).toEqual({ sizeBytes: bytes.length, sha256: sha(bytes) });
    // the text deflates; the stored video does not grow beyond its headers
    expect(bytes.length).toBeLessThan(big.length + text.length + 1000);
    const files = await unzip(out);
    expect([...files.keys()]).toEqual(['Zoë Ä/walk.mp4', 'Zoë Ä/metadata.json', 'empty.bin']);
    expect(sha(files.get('Zoë Ä/walk.mp4')!)).toBe(sha(big));
    expect(files.get('Zoë Ä/metadata.json')!.toString()).toBe(text.toString());
    expect(files.get('empty.bin')!.length).toBe(0);
  });
});

describe('ZipWriter refusals', () => {
  it('refuses a source shorter or longer than announced, and a name twice', async () => {
    const zip = new ZipWriter(path.join(dir, 'bad.zip'), new Date());
    await expect(zip.add('x', Readable.from([Buffer.alloc(5)]), 6)).rejects.toThrow(/5 bytes, expected 6/);
    await expect(zip.addBuffer('x', Buffer.alloc(1))).rejects.toThrow(/twice/);
    zip.abort();
  });

  it('rejects when the file cannot be written', async () => {
    const blocker = path.join(dir, 'file');
    await writeFile(blocker, 'x');
    const zip = new ZipWriter(path.join(blocker, 'inside.zip'), new Date());
    await new Promise((r) => setTimeout(r, 20));
    await expect(zip.addBuffer('a', Buffer.alloc(10))).rejects.toThrow();
  });
});
