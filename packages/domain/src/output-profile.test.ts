import { describe, expect, it } from 'vitest';
import {
  type OutputProfileSpec,
  probeCodecName,
  profileEncoderArgs,
  profileExtension,
  profileFilters,
  profileProblems,
  profileRate,
  silentAudioCodec,
} from './output-profile.js';

function buildSpec(overrides: Partial<OutputProfileSpec> = {}): OutputProfileSpec {
  return {
    container: 'mp4',
    videoCodec: 'h264',
    width: 1920,
    height: 1080,
    fps: null,
    crf: 18,
    bitrateKbps: null,
    pixelFormat: 'yuv420p',
    audio: 'drop',
    ...overrides,
  };
}

const fields = (p: OutputProfileSpec) => profileProblems(p).map((x) => x.field);

/** The value after `flag` in an argument list. */
const after = (args: string[], flag: string) => args[args.indexOf(flag) + 1];

describe('profileProblems', () => {
  it('accepts the seeded presets', () => {
    const presets: OutputProfileSpec[] = [
      buildSpec({ width: null, height: null, crf: 16 }),
      buildSpec({ crf: null, bitrateKbps: 8000, audio: 'silent' }),
      buildSpec({ videoCodec: 'h265', width: 1280, height: 720, crf: 26 }),
      buildSpec({ container: 'webm', videoCodec: 'vp9', width: null, height: null, crf: 32 }),
      buildSpec({
        container: 'mov',
        videoCodec: 'prores',
        width: null,
        height: null,
        crf: 4,
        pixelFormat: 'yuv422p10le',
      }),
    ];
    for (const p of presets) expect(profileProblems(p)).toEqual([]);
  });

  it('refuses a codec in a container that cannot hold it, naming the containers that can', () => {
    const problems = profileProblems(buildSpec({ videoCodec: 'prores', pixelFormat: 'yuv422p10le', crf: 4 }));
    expect(problems).toEqual([{ field: 'container', message: 'prores cannot go in mp4; use mov' }]);
    expect(fields(buildSpec({ container: 'webm' }))).toEqual(['container']);
    expect(fields(buildSpec({ container: 'mp4', videoCodec: 'vp9', crf: 30 }))).toEqual([]);
  });

  it('refuses a pixel format the codec does not take', () => {
    expect(fields(buildSpec({ videoCodec: 'prores', container: 'mov', crf: 4 }))).toEqual(['pixelFormat']);
    expect(fields(buildSpec({ pixelFormat: 'rgb24' }))).toEqual(['pixelFormat']);
  });

  it('wants both width and height or neither, naming the missing one', () => {
    expect(fields(buildSpec({ height: null }))).toEqual(['height']);
    expect(fields(buildSpec({ width: null }))).toEqual(['width']);
  });

  it('wants even dimensions where the chroma is subsampled', () => {
    expect(profileProblems(buildSpec({ height: 721 }))).toEqual([
      { field: 'height', message: 'must be even for yuv420p' },
    ]);
    expect(fields(buildSpec({ width: 1281 }))).toEqual(['width']);
    // 4:2:2 halves the width only; 4:4:4 halves nothing
    expect(fields(buildSpec({ pixelFormat: 'yuv422p', height: 721 }))).toEqual([]);
    expect(fields(buildSpec({ pixelFormat: 'yuv422p', width: 1281 }))).toEqual(['width']);
    expect(fields(buildSpec({ pixelFormat: 'yuv444p', width: 1281, height: 721 }))).toEqual([]);
  });

  it('keeps sizes within 16…7680 × 16…4320 and whole', () => {
    expect(fields(buildSpec({ width: 8, height: 8 }))).toEqual(['width', 'height']);
    expect(fields(buildSpec({ width: 7682, height: 4322 }))).toEqual(['width', 'height']);
    expect(fields(buildSpec({ width: 1280.5 }))).toEqual(['width']);
    expect(fields(buildSpec({ width: 7680, height: 4320 }))).toEqual([]);
  });

  it('keeps the frame rate from 1 to 120', () => {
    expect(fields(buildSpec({ fps: 0.5 }))).toEqual(['fps']);
    expect(fields(buildSpec({ fps: 121 }))).toEqual(['fps']);
    expect(fields(buildSpec({ fps: Number.NaN }))).toEqual(['fps']);
    expect(fields(buildSpec({ fps: 29.97 }))).toEqual([]);
  });

  it('wants exactly one of crf and bitrate', () => {
    expect(fields(buildSpec({ crf: 18, bitrateKbps: 8000 }))).toEqual(['crf']);
    expect(fields(buildSpec({ crf: null, bitrateKbps: null }))).toEqual(['crf']);
  });

  it("checks the crf against the codec's range", () => {
    expect(fields(buildSpec({ crf: 52 }))).toEqual(['crf']);
    expect(fields(buildSpec({ crf: 18.5 }))).toEqual(['crf']);
    expect(fields(buildSpec({ container: 'webm', videoCodec: 'vp9', crf: 63 }))).toEqual([]);
    expect(profileProblems(buildSpec({ crf: -1 }))[0]?.message).toBe(
      'must be a whole number from 0 to 51 for h264',
    );
  });

  it('refuses a bitrate for ProRes and one out of range for the others', () => {
    const prores = buildSpec({
      container: 'mov',
      videoCodec: 'prores',
      pixelFormat: 'yuv422p10le',
      crf: null,
      bitrateKbps: 100_000,
    });
    expect(fields(prores)).toEqual(['bitrateKbps']);
    expect(fields(buildSpec({ crf: null, bitrateKbps: 50 }))).toEqual(['bitrateKbps']);
    expect(fields(buildSpec({ crf: null, bitrateKbps: 500_001 }))).toEqual(['bitrateKbps']);
  });

  it('reports every problem at once', () => {
    expect(
      fields(buildSpec({ videoCodec: 'prores', height: 721, crf: 18, bitrateKbps: 9000, fps: 200 })),
    ).toEqual(['container', 'pixelFormat', 'height', 'fps', 'crf', 'bitrateKbps']);
  });
});

describe('profileFilters', () => {
  it('letterboxes to the profile size, keeping the aspect, then converts the pixel format', () => {
    expect(profileFilters(buildSpec({ width: 1280, height: 720 }))).toEqual([
      'scale=1280:720:force_original_aspect_ratio=decrease:flags=lanczos',
      'pad=1280:720:(ow-iw)/2:(oh-ih)/2',
      'setsar=1',
      'format=yuv420p',
    ]);
  });

  it('keeps the source size, evened for subsampled formats', () => {
    expect(profileFilters(buildSpec({ width: null, height: null }))).toEqual([
      'scale=trunc(iw/2)*2:trunc(ih/2)*2',
      'format=yuv420p',
    ]);
    expect(profileFilters(buildSpec({ width: null, height: null, pixelFormat: 'yuv422p' }))).toEqual([
      'scale=trunc(iw/2)*2:ih',
      'format=yuv422p',
    ]);
    expect(profileFilters(buildSpec({ width: null, height: null, pixelFormat: 'yuv444p' }))).toEqual([
      'format=yuv444p',
    ]);
  });

  it('sets the rate, with NTSC rates as exact fractions', () => {
    expect(profileFilters(buildSpec({ fps: 25 }))).toContain('fps=25');
    expect(profileFilters(buildSpec({ fps: 29.97 }))).toContain('fps=30000/1001');
    expect(profileRate(23.976)).toBe('24000/1001');
    expect(profileRate(12.5)).toBe('12.5');
  });
});

describe('profileEncoderArgs', () => {
  it('encodes H.264 by quality or by a capped bitrate', () => {
    const byQuality = profileEncoderArgs(buildSpec({ crf: 20 }));
    expect(after(byQuality, '-c:v')).toBe('libx264');
    expect(after(byQuality, '-crf')).toBe('20');
    expect(byQuality).not.toContain('-b:v');
    const byRate = profileEncoderArgs(buildSpec({ crf: null, bitrateKbps: 8000 }));
    expect(after(byRate, '-b:v')).toBe('8000k');
    expect(after(byRate, '-maxrate')).toBe('8000k');
    expect(after(byRate, '-bufsize')).toBe('16000k');
    expect(byRate).not.toContain('-crf');
    expect(after(byRate, '-movflags')).toBe('+faststart');
  });

  it('tags H.265 as hvc1 so Apple players open it', () => {
    const args = profileEncoderArgs(buildSpec({ videoCodec: 'h265', crf: 26 }));
    expect(after(args, '-c:v')).toBe('libx265');
    expect(after(args, '-tag:v')).toBe('hvc1');
  });

  it('encodes VP9 in constant-quality mode with a zero bitrate, and no faststart in WebM', () => {
    const args = profileEncoderArgs(buildSpec({ container: 'webm', videoCodec: 'vp9', crf: 32 }));
    expect(after(args, '-c:v')).toBe('libvpx-vp9');
    expect(after(args, '-crf')).toBe('32');
    expect(after(args, '-b:v')).toBe('0');
    expect(args).not.toContain('-movflags');
  });

  it('picks the ProRes profile that can carry the chroma: 422 HQ, or 4444 for 4:4:4', () => {
    const prores = buildSpec({ container: 'mov', videoCodec: 'prores', crf: 4, pixelFormat: 'yuv422p10le' });
    const hq = profileEncoderArgs(prores);
    expect(after(hq, '-c:v')).toBe('prores_ks');
    expect(after(hq, '-profile:v')).toBe('3');
    expect(after(hq, '-q:v')).toBe('4');
    expect(after(profileEncoderArgs({ ...prores, pixelFormat: 'yuv444p10le' }), '-profile:v')).toBe('4');
  });

  it('always names the pixel format', () => {
    expect(after(profileEncoderArgs(buildSpec({ pixelFormat: 'yuv444p' })), '-pix_fmt')).toBe('yuv444p');
  });
});

describe('container and codec names', () => {
  it('gives the extension, the silent-track codec and the ffprobe codec name', () => {
    expect(profileExtension({ container: 'mov' })).toBe('.mov');
    expect(silentAudioCodec({ container: 'webm' })).toBe('libopus');
    expect(silentAudioCodec({ container: 'mp4' })).toBe('aac');
    expect(probeCodecName({ videoCodec: 'h265' })).toBe('hevc');
    expect(probeCodecName({ videoCodec: 'prores' })).toBe('prores');
  });
});
