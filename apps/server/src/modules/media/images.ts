// Validates and normalises an uploaded image with sharp: real PNG/JPEG/WebP only, EXIF orientation applied (the
// only case that re-encodes; upright images keep their bytes), pixel count limited (decompression bombs), plus a
// WebP thumbnail.
import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { AppError } from '../../platform/errors.js';

export const acceptedImageFormats = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' } as const;
type Format = keyof typeof acceptedImageFormats;

export interface ProcessedImage {
  data: Buffer;
  thumbnail: Buffer;
  format: Format;
  mimeType: string;
  width: number;
  height: number;
  /** Hash of the bytes as uploaded, so the same file is recognised however it was normalised. */
  sha256: string;
  /** Whether `data` was re-encoded to apply the EXIF orientation; otherwise it is the uploaded bytes. */
  reencoded: boolean;
}

const thumbnailSize = 320;

export async function processImage(
  input: Buffer,
  filename: string,
  maxPixels: number,
): Promise<ProcessedImage> {
  const fileField = [{ field: 'body.file', message: '' }];
  const failWith = (
    code: 'image.unreadable' | 'image.unsupported_format' | 'image.too_many_pixels',
    detail: string,
  ) => new AppError(code, detail, [{ ...fileField[0]!, message: detail }]);
  if (input.length === 0) throw failWith('image.unreadable', `${filename} is empty.`);
  let meta: Metadata;
  try {
    // the header alone: dimensions are known before anything is decoded, so a bomb is refused by size
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw failWith('image.unreadable', `${filename} is not an image we can read.`);
  }
  const format = meta.format;
  if (!format || !(format in acceptedImageFormats)) {
    throw failWith(
      'image.unsupported_format',
      `${filename} is ${format ? format.toUpperCase() : 'an unknown format'}; upload PNG, JPEG or WebP.`,
    );
  }
  if ((meta.width ?? 0) * (meta.height ?? 0) > maxPixels) {
    throw failWith(
      'image.too_many_pixels',
      `${filename} is ${meta.width}×${meta.height}; images may have at most ${maxPixels.toLocaleString('en')} pixels.`,
    );
  }
  const thumbnailOf = (source: Buffer, limit: number | false) =>
    sharp(source, { limitInputPixels: limit, failOn: 'truncated' })
      .rotate()
      .resize(thumbnailSize, thumbnailSize, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
  try {
    const sha256 = createHash('sha256').update(input).digest('hex');
    const upright = !meta.orientation || meta.orientation === 1;
    if (upright) {
      // Already upright: the bytes are kept as uploaded (no lossy re-encoding); making the thumbnail decodes the
      // whole image, which is the validation.
      return {
        data: input,
        thumbnail: await thumbnailOf(input, maxPixels),
        format: format as Format,
        mimeType: acceptedImageFormats[format as Format],
        width: meta.width ?? 0,
        height: meta.height ?? 0,
        sha256,
        reencoded: false,
      };
    }
    const pipeline = sharp(input, { limitInputPixels: maxPixels, failOn: 'truncated' }).rotate();
    const encoded =
      format === 'png'
        ? pipeline.png()
        : format === 'jpeg'
          ? pipeline.jpeg({ quality: 95, chromaSubsampling: '4:4:4' })
          : pipeline.webp({ quality: 95 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return {
      data,
      thumbnail: await thumbnailOf(data, false),
      format: format as Format,
      mimeType: acceptedImageFormats[format as Format],
      width: info.width,
      height: info.height,
      sha256,
      reencoded: true,
    };
  } catch {
    throw failWith('image.unreadable', `${filename} is damaged or truncated and cannot be decoded.`);
  }
}
