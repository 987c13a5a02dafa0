import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Watermark } from '@i2v/contracts';
import type { OutputProfileSpec } from '@i2v/domain';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { reviewCutArgs, transcodeArgs } from './transcode.js';
import {
  assertTimecodeDrawable,
  findFontFile,
  normaliseWatermark,
  overlayPosition,
  renderTextWatermark,
  reviewCutFilter,
  textWatermarkSvg,
} from './watermark.js';

function buildWatermark(overrides: Partial<Watermark> = {}): Watermark {
  return {
    kind: 'text',
    text: 'REVIEW',
    position: 'bottom_right',
    opacity: 0.5,
    scale: 0.2,
    timecode: false,
    ...overrides,
  };
}

const spec: OutputProfileSpec = {
  container: 'mp4',
  videoCodec: 'h264',
  width: 1280,
  height: 720,
  fps: null,
  crf: 20,
  bitrateKbps: null,
  pixelFormat: 'yuv420p',
  audio: 'drop',
};

describe('the timecode font', () => {
  it('is the first candidate that exists, or none', async () => {
    const font = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'i2v-font-')), 'Some.ttf');
    fs.writeFileSync(font, 'not really a font');
    expect(await findFontFile(['/nowhere/a.ttf', font])).toBe(font);
    expect(await findFontFile(['/nowhere/a.ttf'])).toBeNull();
  });

  it('is required only when the watermark burns in a timecode', () => {
    expect(() => assertTimecodeDrawable(buildWatermark(), null, 'body.reviewCut')).not.toThrow();
    try {
      assertTimecodeDrawable(buildWatermark({ timecode: true }), null, 'body.reviewCut');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('watermark.timecode_unavailable');
      expect((err as AppError).status).toBe(422);
      expect((err as AppError).fieldErrors?.[0]?.field).toBe('body.reviewCut.timecode');
    }
  });
});

describe('watermarks', () => {
  it('keep only the fields of their kind, so equal ones compare equal', () => {
    expect(
      normaliseWatermark(buildWatermark({ imageFileId: '019a0000-0000-7000-8000-000000000001' })),
    ).toEqual(buildWatermark());
  });

  it('escape their text in the SVG and name DejaVu Sans', () => {
    const svg = textWatermarkSvg('A & <B>');
    expect(svg).toContain('A &amp; &lt;B&gt;');
    expect(svg).toContain('font-family="DejaVu Sans"');
  });

  it('render text to a transparent PNG trimmed to the letters', async () => {
    const png = await renderTextWatermark('REVIEW');
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: 'png', hasAlpha: true });
    expect(meta.width! / meta.height!).toBeGreaterThan(3);
  });

  it('sit in a corner or the centre', () => {
    expect(overlayPosition('top_left', 5)).toBe('x=5:y=5');
    expect(overlayPosition('bottom_right', 5)).toBe('x=W-w-5:y=H-h-5');
    expect(overlayPosition('center', 5)).toBe('x=(W-w)/2:y=(H-h)/2');
  });
});

describe('reviewCutFilter', () => {
  const layout = { videoWidth: 1280, videoHeight: 720, fps: 16, fontFile: null };

  it('scales the picture to its share of the width and sets its opacity', () => {
    const filter = reviewCutFilter({ ...layout, watermark: buildWatermark({ scale: 0.25, opacity: 0.4 }) });
    expect(filter).toBe(
      '[1:v]scale=320:-1:flags=lanczos,format=rgba,colorchannelmixer=aa=0.4[wm];' +
        '[0:v][wm]overlay=x=W-w-22:y=H-h-22:format=auto[marked];[marked]format=yuv420p[out]',
    );
  });

  it('burns in a timecode at the video rate with the font found', () => {
    const filter = reviewCutFilter({
      ...layout,
      fps: 29.97,
      fontFile: '/fonts/DejaVuSansMono.ttf',
      watermark: buildWatermark({ timecode: true }),
    });
    expect(filter).toContain("drawtext=fontfile='/fonts/DejaVuSansMono.ttf':timecode='00\\:00\\:00\\:00'");
    expect(filter).toContain(':rate=30000/1001:');
    expect(() => reviewCutFilter({ ...layout, watermark: buildWatermark({ timecode: true }) })).toThrow();
  });

  it('encodes H.264 and keeps any audio', () => {
    const args = reviewCutArgs('in.mp4', 'wm.png', { ...layout, watermark: buildWatermark() }, 'out.mp4');
    expect(args.slice(0, 5)).toEqual(['-y', '-i', 'in.mp4', '-i', 'wm.png']);
    expect(args).toContain('0:a?');
    expect(args.at(-1)).toBe('out.mp4');
  });
});

describe('transcodeArgs', () => {
  it('drops audio by default', () => {
    const args = transcodeArgs('in.mp4', spec, 'out.mp4');
    expect(args).toContain('-an');
    expect(args).not.toContain('anullsrc=channel_layout=stereo:sample_rate=48000');
    expect(args[args.indexOf('-vf') + 1]).toContain('scale=1280:720');
  });

  it("adds a silent track in the container's codec, cut to the video", () => {
    const args = transcodeArgs(
      'in.mp4',
      { ...spec, container: 'webm', videoCodec: 'vp9', audio: 'silent' },
      'out.webm',
    );
    expect(args).toContain('anullsrc=channel_layout=stereo:sample_rate=48000');
    expect(args[args.indexOf('-c:a') + 1]).toBe('libopus');
    expect(args).toContain('-shortest');
    expect(args).not.toContain('-an');
  });
});
