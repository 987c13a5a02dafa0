// Decoding images to packed RGB for the analyzer.
import sharp from 'sharp';
import type { FaceBox, RgbImage } from './types.js';

/** Decodes any image sharp reads (EXIF orientation applied, transparency flattened onto black), optionally cuts
 * out `region` (pixels of the upright image), and shrinks the result so its longer side is at most `maxSide`;
 * smaller images keep their size. */
export async function loadRgb(file: string | Buffer, maxSide = 1024, region?: FaceBox): Promise<RgbImage> {
  if (!Number.isInteger(maxSide) || maxSide < 1) throw new RangeError('maxSide must be a positive integer');
  let pipeline = sharp(file).rotate();
  if (region) {
    pipeline = pipeline.extract({
      left: region.x,
      top: region.y,
      width: region.width,
      height: region.height,
    });
  }
  const { data, info } = await pipeline
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .flatten()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`expected 3 channels after decoding, got ${info.channels}`);
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
  };
}
