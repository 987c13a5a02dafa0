// Generated image fixtures (STYLE.md: no downloaded or checked-in media).
import sharp from 'sharp';

export async function makeImage(
  format: 'png' | 'jpeg' | 'webp' | 'gif' | 'tiff',
  opts: { width?: number; height?: number; seed?: number; orientation?: number } = {},
): Promise<Buffer> {
  const width = opts.width ?? 64;
  const height = opts.height ?? 48;
  const seed = opts.seed ?? 1;
  // a gradient that differs per seed, so every fixture has its own bytes
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (x * 4 + seed * 37) % 256;
      raw[i + 1] = (y * 5 + seed * 11) % 256;
      raw[i + 2] = (seed * 53) % 256;
    }
  }
  let img = sharp(raw, { raw: { width, height, channels: 3 } });
  if (opts.orientation) img = img.withMetadata({ orientation: opts.orientation });
  return img.toFormat(format).toBuffer();
}

/** A multipart/form-data body with one `file` part, for app.inject. */
export function multipartFile(data: Buffer, filename: string, contentType = 'application/octet-stream') {
  const boundary = `----i2v${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, data, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
