// Watermarks of review cuts (PRD-039 §1.4): a text (drawn to a PNG with sharp) or a stored image, laid over the video
// at a corner or the centre with an opacity and a width relative to the video's, and an optional burnt-in timecode.
import fsp from 'node:fs/promises';
import type { MediaFile, Watermark } from '@i2v/contracts';
import { profileRate } from '@i2v/domain';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Executor } from '../../db/client.js';
import { mediaFiles } from '../../db/schema/index.js';
import { AppError } from '../../platform/errors.js';
import { processImage } from '../media/images.js';
import type { MediaService } from '../media/service.js';

/** Where DejaVu lives on common Linux distributions and macOS (monospaced first: a timecode should not wobble). */
export const timecodeFontCandidates = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf',
  '/usr/share/fonts/dejavu/DejaVuSansMono.ttf',
  '/usr/share/fonts/TTF/DejaVuSansMono.ttf',
  '/usr/share/fonts/dejavu-sans-mono-fonts/DejaVuSansMono.ttf',
  '/usr/local/share/fonts/DejaVuSansMono.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/Library/Fonts/DejaVuSansMono.ttf',
];

/** The first font file that exists, or null: without one ffmpeg's drawtext cannot burn in a timecode. */
export async function findFontFile(
  candidates: readonly string[] = timecodeFontCandidates,
): Promise<string | null> {
  for (const file of candidates) {
    if (
      await fsp.access(file).then(
        () => true,
        () => false,
      )
    )
      return file;
  }
  return null;
}

/** 422 when the watermark asks for a timecode and the machine has no font to draw it with. */
export function assertTimecodeDrawable(w: Watermark, fontFile: string | null, field: string): void {
  if (w.timecode && !fontFile) {
    throw new AppError(
      'watermark.timecode_unavailable',
      'This machine has no font file to burn in a timecode (install the DejaVu fonts), so turn the timecode off.',
      [{ field: `${field}.timecode`, message: 'needs a font file (DejaVu) on the server' }],
    );
  }
}

/** The stored image an image watermark names; 422 naming the field when it is missing or not an image. */
export async function watermarkImage(
  db: Executor,
  w: Watermark,
  field: string,
): Promise<{ storageKey: string } | null> {
  if (w.kind !== 'image') return null;
  const [file] = await db
    .select({ storageKey: mediaFiles.storageKey, mimeType: mediaFiles.mimeType })
    .from(mediaFiles)
    .where(eq(mediaFiles.publicId, w.imageFileId!));
  if (!file?.mimeType.startsWith('image/')) {
    throw new AppError(
      'watermark.invalid',
      file
        ? `The file ${w.imageFileId} is ${file.mimeType}, not an image; a watermark needs a PNG, JPEG or WebP.`
        : `There is no stored file ${w.imageFileId} to use as a watermark.`,
      [{ field: `${field}.imageFileId`, message: file ? 'is not an image' : 'is not a stored file' }],
    );
  }
  return { storageKey: file.storageKey };
}

/** Only the fields its kind uses, so equal watermarks compare equal (a rendition's settings are matched as JSON). */
export function normaliseWatermark(w: Watermark): Watermark {
  const common = { position: w.position, opacity: w.opacity, scale: w.scale, timecode: w.timecode };
  return w.kind === 'text'
    ? { kind: 'text', text: w.text!, ...common }
    : { kind: 'image', imageFileId: w.imageFileId!, ...common };
}

const xmlEscape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** SVG of a text watermark: white DejaVu Sans Bold with a dark outline, readable on any picture. */
export function textWatermarkSvg(text: string, fontSize = 96): string {
  const pad = Math.ceil(fontSize / 4);
  const width = Math.ceil(text.length * fontSize * 0.9) + 2 * pad;
  const height = Math.ceil(fontSize * 1.5) + 2 * pad;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<text x="${pad}" y="${pad + Math.round(fontSize * 1.1)}" font-family="DejaVu Sans" font-weight="bold" ` +
    `font-size="${fontSize}" fill="white" stroke="black" stroke-opacity="0.6" stroke-width="${fontSize / 24}" ` +
    `paint-order="stroke">${xmlEscape(text)}</text></svg>`
  );
}

/** A text watermark as a PNG trimmed to the text (transparent around it). */
export async function renderTextWatermark(text: string): Promise<Buffer> {
  return sharp(Buffer.from(textWatermarkSvg(text)))
    .trim({ threshold: 0 })
    .png()
    .toBuffer();
}

export interface ReviewCutLayout {
  videoWidth: number;
  videoHeight: number;
  fps: number;
  watermark: Watermark;
  /** Required when the watermark burns in a timecode. */
  fontFile: string | null;
}

/** `:` and `'` are special inside a filter option value. */
const filterValue = (s: string) => s.replace(/[\\':]/g, (c) => `\\${c}`);

/** overlay's x:y for a position, `m` pixels from the edges. */
export function overlayPosition(position: Watermark['position'], m: number): string {
  switch (position) {
    case 'center':
      return 'x=(W-w)/2:y=(H-h)/2';
    case 'top_left':
      return `x=${m}:y=${m}`;
    case 'top_right':
      return `x=W-w-${m}:y=${m}`;
    case 'bottom_left':
      return `x=${m}:y=H-h-${m}`;
    case 'bottom_right':
      return `x=W-w-${m}:y=H-h-${m}`;
  }
}

/**
 * The filter graph of a review cut: input 1 (the watermark picture) scaled to its share of the video width, made
 * translucent and laid over input 0; then the timecode, if asked, at the bottom centre. Output label `[out]`.
 */
export function reviewCutFilter(l: ReviewCutLayout): string {
  const w = l.watermark;
  const margin = Math.max(2, Math.round(Math.min(l.videoWidth, l.videoHeight) * 0.03));
  const width = Math.max(2, Math.round(l.videoWidth * w.scale));
  const chains = [
    `[1:v]scale=${width}:-1:flags=lanczos,format=rgba,colorchannelmixer=aa=${w.opacity}[wm]`,
    `[0:v][wm]overlay=${overlayPosition(w.position, margin)}:format=auto[marked]`,
  ];
  if (w.timecode) {
    if (!l.fontFile) throw new Error('a timecode needs a font file');
    const size = Math.max(8, Math.round(l.videoHeight * 0.045));
    chains.push(
      `[marked]drawtext=fontfile='${filterValue(l.fontFile)}':timecode='00\\:00\\:00\\:00':rate=${profileRate(l.fps)}` +
        `:fontsize=${size}:fontcolor=white:box=1:boxcolor=black@0.5:boxborderw=${Math.ceil(size / 5)}` +
        `:x=(w-tw)/2:y=h-th-${margin},format=yuv420p[out]`,
    );
  } else {
    chains.push('[marked]format=yuv420p[out]');
  }
  return chains.join(';');
}

/** Stores an uploaded PNG, JPEG or WebP for use as an image watermark (`imageFileId`). */
export async function storeWatermarkImage(
  db: { transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> },
  media: MediaService,
  upload: { filename: string; data: Buffer },
  maxPixels: number,
): Promise<MediaFile> {
  const image = await processImage(upload.data, upload.filename, maxPixels);
  const staged = await media.stage(image, upload.filename, 'watermarks');
  try {
    await db.transaction((tx) => staged.register(tx));
  } catch (err) {
    await staged.discard();
    throw err;
  }
  return media.describe({
    publicId: staged.publicId,
    thumbnailKey: 'set',
    mimeType: image.mimeType,
    width: image.width,
    height: image.height,
    sizeBytes: image.data.length,
    sha256: image.sha256,
    originalFilename: upload.filename.slice(0, 255),
  });
}
