// comfy-sim's file routes: /view and /upload/image over the data dir's input/, output/ and temp/ folders.
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { runFfmpeg } from '@i2v/ffmpeg';

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.gif': 'image/gif',
  '.json': 'application/json',
};

/** An HTTP answer other than 200, sent as plain text like aiohttp does. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** `GET /view` with ComfyUI's rules: 400 for bad names or types, 403 for escaping subfolders, 404 when missing. */
export function serveView(dataDir: string, url: URL, res: http.ServerResponse): void {
  let filename = url.searchParams.get('filename');
  if (!filename) throw new HttpError(400, 'filename is required');
  let type = url.searchParams.get('type') ?? 'output';
  const m = /^(.*) \[(output|input|temp)\]$/.exec(filename);
  if (m) {
    filename = m[1]!;
    type = m[2]!;
  }
  if (filename.startsWith('/') || filename.includes('..')) throw new HttpError(400, 'invalid filename');
  if (!['output', 'input', 'temp'].includes(type)) throw new HttpError(400, 'invalid type');
  const dir = inside(path.join(dataDir, type), url.searchParams.get('subfolder') ?? '', 403);
  const file = path.join(dir, path.basename(filename));
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new HttpError(404, '404: Not Found');
  const ext = path.extname(file).toLowerCase();
  res.writeHead(200, {
    'content-type': MIME[ext] ?? 'application/octet-stream',
    'content-length': fs.statSync(file).size,
    'content-disposition': `filename="${path.basename(file)}"`,
  });
  fs.createReadStream(file).pipe(res);
}

/** Resolves `subfolder` under `root`, refusing any escape. */
function inside(root: string, subfolder: string, status: number): string {
  const dir = path.resolve(root, subfolder);
  if (dir !== root && !dir.startsWith(root + path.sep)) throw new HttpError(status, 'invalid subfolder');
  return dir;
}

/** `/upload/mask`: the uploaded image's alpha applied to the original named by `original_ref`, as PNG. */
async function applyMask(dataDir: string, mask: Buffer, ref: string): Promise<Buffer> {
  let original: { filename?: string; subfolder?: string; type?: string };
  try {
    original = JSON.parse(ref);
  } catch {
    throw new HttpError(400, 'original_ref is not JSON');
  }
  const type = original.type ?? 'input';
  if (!['input', 'temp', 'output'].includes(type)) throw new HttpError(400, 'invalid type');
  const dir = inside(path.join(dataDir, type), original.subfolder ?? '', 400);
  const file = path.join(dir, path.basename(String(original.filename ?? '')));
  if (!fs.existsSync(file)) throw new HttpError(404, 'original image not found');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'comfy-sim-mask-'));
  try {
    fs.writeFileSync(path.join(tmp, 'mask'), mask);
    const graph =
      '[1:v][0:v]scale2ref[m][o];[m]format=rgba,alphaextract[a];[o]format=rgba[oo];[oo][a]alphamerge';
    const args = ['-v', 'error', '-i', file, '-i', path.join(tmp, 'mask'), '-filter_complex', graph];
    return (await runFfmpeg([...args, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', '-'])).stdout;
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError(400, 'the mask is not an image');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * `POST /upload/image` (and `/upload/mask` with `mask: true`): renames ` (1)` on a clash unless the bytes are
 * identical or `overwrite` is set.
 */
export async function saveUpload(
  dataDir: string,
  req: http.IncomingMessage,
  raw: Buffer,
  options: { mask?: boolean } = {},
): Promise<{ name: string; subfolder: string; type: string }> {
  const request = new Request('http://sim/upload', {
    method: 'POST',
    headers: { 'content-type': req.headers['content-type'] ?? '' },
    body: new Uint8Array(raw),
  });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new HttpError(400, 'multipart body expected');
  }
  const image = form.get('image');
  if (!image || typeof image === 'string') throw new HttpError(400, 'image file missing');
  const type = String(form.get('type') ?? 'input') || 'input';
  if (!['input', 'temp', 'output'].includes(type)) throw new HttpError(400, 'invalid type');
  const subfolder = String(form.get('subfolder') ?? '');
  const overwrite = ['true', '1'].includes(String(form.get('overwrite') ?? ''));
  const dir = inside(path.join(dataDir, type), subfolder, 400);
  fs.mkdirSync(dir, { recursive: true });
  let bytes: Buffer = Buffer.from(await image.arrayBuffer());
  if (options.mask) bytes = await applyMask(dataDir, bytes, String(form.get('original_ref') ?? ''));
  const original = path.basename((image as File).name || 'image.png');
  const ext = path.extname(original);
  const stem = original.slice(0, original.length - ext.length);
  let name = original;
  for (let i = 1; !overwrite && fs.existsSync(path.join(dir, name)); i++) {
    if (fs.readFileSync(path.join(dir, name)).equals(bytes)) break;
    name = `${stem} (${i})${ext}`;
  }
  fs.writeFileSync(path.join(dir, name), bytes);
  return { name, subfolder, type };
}
