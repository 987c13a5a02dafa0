// Issue 2/6 target: onboarding 100 characters (3 images + metadata each) from a folder in < 15 s, measured from the
// first byte of the upload to the import's completion (upload, analysis, import in one transaction).
import sharp from 'sharp';

const characters = 100;

/** A 1024×1024 photo-like image per file: smooth gradients plus noise, so it compresses like a real one. */
async function image(seed: number, format: 'png' | 'jpeg'): Promise<Buffer> {
  const size = 1024;
  const raw = Buffer.alloc(size * size * 3);
  let s = seed * 2654435761;
  for (let i = 0; i < raw.length; i += 3) {
    s = (s * 1103515245 + 12345) >>> 0;
    const p = i / 3;
    const x = p % size;
    const y = Math.floor(p / size);
    const n = (s >>> 24) & 15;
    raw[i] = ((x >> 2) + seed * 7 + n) & 255;
    raw[i + 1] = ((y >> 2) + seed * 13 + n) & 255;
    raw[i + 2] = ((x + y) >> 3) + n;
  }
  const img = sharp(raw, { raw: { width: size, height: size, channels: 3 } });
  return format === 'png' ? img.png().toBuffer() : img.jpeg({ quality: 90 }).toBuffer();
}

export async function benchOnboarding(
  base: string,
  token: string,
  projectId: string,
): Promise<{ totalMs: number; uploadMs: number; analyseMs: number; importMs: number; bytes: number }> {
  const form = new FormData();
  let bytes = 0;
  for (let c = 0; c < characters; c++) {
    const name = `Character ${String(c + 1).padStart(3, '0')}`;
    const files: [string, Buffer][] = [
      ['source.png', await image(c * 3 + 1, 'png')],
      ['casual.jpg', await image(c * 3 + 2, 'jpeg')],
      ['formal.jpg', await image(c * 3 + 3, 'jpeg')],
      ['metadata.json', Buffer.from(JSON.stringify({ hair_color: 'brown', height: 170 + (c % 20) }))],
    ];
    for (const [file, data] of files) {
      bytes += data.length;
      form.append('file', new Blob([new Uint8Array(data)]), `onboarding/${name}/${file}`);
    }
  }
  const auth = { authorization: `Bearer ${token}` };
  const get = async (id: string) =>
    (await (await fetch(`${base}/api/v1/imports/${id}`, { headers: auth })).json()) as {
      status: string;
      error: string | null;
      totals: { create: number } | null;
    };
  const waitWhile = async (id: string, status: string) => {
    for (;;) {
      const current = await get(id);
      if (current.status !== status) return current;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/projects/${projectId}/imports`, {
    method: 'POST',
    headers: auth,
    body: form,
  });
  if (res.status !== 202) throw new Error(`import upload answered ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const t1 = performance.now();
  const ready = await waitWhile(id, 'analysing');
  if (ready.status !== 'ready' || ready.totals?.create !== characters) {
    throw new Error(`import analysed to ${ready.status}: ${JSON.stringify(ready).slice(0, 300)}`);
  }
  const t2 = performance.now();
  const commit = await fetch(`${base}/api/v1/imports/${id}/commit`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: '{}',
  });
  if (commit.status !== 202) throw new Error(`import commit answered ${commit.status}`);
  const done = await waitWhile(id, 'importing');
  if (done.status !== 'completed') throw new Error(`import ended ${done.status}: ${done.error}`);
  const t3 = performance.now();
  return { totalMs: t3 - t0, uploadMs: t1 - t0, analyseMs: t2 - t1, importMs: t3 - t2, bytes };
}
