// Output profiles (PRD-039 §1.5): what a profile may ask for, and the ffmpeg arguments that deliver it. A profile
// that no encoder can honour (ProRes in MP4, an odd height in 4:2:0, a CRF out of range) is refused when saved,
// never discovered halfway through a delivery.

export const outputContainers = ['mp4', 'mov', 'webm'] as const;
export const outputCodecs = ['h264', 'h265', 'vp9', 'prores'] as const;
export const outputAudioPolicies = ['drop', 'silent'] as const;

export interface OutputProfileSpec {
  container: (typeof outputContainers)[number];
  videoCodec: (typeof outputCodecs)[number];
  width: number | null;
  height: number | null;
  fps: number | null;
  crf: number | null;
  bitrateKbps: number | null;
  pixelFormat: string;
  audio: (typeof outputAudioPolicies)[number];
}

interface CodecRule {
  containers: readonly string[];
  pixelFormats: readonly string[];
  crf: [number, number];
  bitrate: boolean;
  encoder: string;
}

export const codecRules: Record<OutputProfileSpec['videoCodec'], CodecRule> = {
  h264: {
    containers: ['mp4', 'mov'],
    pixelFormats: ['yuv420p', 'yuv422p', 'yuv444p'],
    crf: [0, 51],
    bitrate: true,
    encoder: 'libx264',
  },
  h265: {
    containers: ['mp4', 'mov'],
    pixelFormats: ['yuv420p', 'yuv420p10le', 'yuv422p10le'],
    crf: [0, 51],
    bitrate: true,
    encoder: 'libx265',
  },
  vp9: {
    containers: ['webm', 'mp4'],
    pixelFormats: ['yuv420p', 'yuv420p10le'],
    crf: [0, 63],
    bitrate: true,
    encoder: 'libvpx-vp9',
  },
  prores: {
    containers: ['mov'],
    pixelFormats: ['yuv422p10le', 'yuv444p10le'],
    crf: [0, 32],
    bitrate: false,
    encoder: 'prores_ks',
  },
};

export interface ProfileProblem {
  field: string;
  message: string;
}

const subsampledWidth = (pf: string) => pf.startsWith('yuv420') || pf.startsWith('yuv422');
const subsampledHeight = (pf: string) => pf.startsWith('yuv420');

/** Every reason the profile cannot be encoded; empty when it can. Fields are named as in the API body. */
export function profileProblems(p: OutputProfileSpec): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const rule = codecRules[p.videoCodec];
  if (!rule.containers.includes(p.container)) {
    problems.push({
      field: 'container',
      message: `${p.videoCodec} cannot go in ${p.container}; use ${rule.containers.join(' or ')}`,
    });
  }
  if (!rule.pixelFormats.includes(p.pixelFormat)) {
    problems.push({
      field: 'pixelFormat',
      message: `${p.videoCodec} takes ${rule.pixelFormats.join(', ')}`,
    });
  }
  if ((p.width === null) !== (p.height === null)) {
    problems.push({
      field: p.width === null ? 'width' : 'height',
      message: 'give both width and height, or neither',
    });
  }
  if (p.width !== null) {
    if (!Number.isInteger(p.width) || p.width < 16 || p.width > 7680) {
      problems.push({ field: 'width', message: 'must be a whole number from 16 to 7680' });
    } else if (subsampledWidth(p.pixelFormat) && p.width % 2 !== 0) {
      problems.push({ field: 'width', message: `must be even for ${p.pixelFormat}` });
    }
  }
  if (p.height !== null) {
    if (!Number.isInteger(p.height) || p.height < 16 || p.height > 4320) {
      problems.push({ field: 'height', message: 'must be a whole number from 16 to 4320' });
    } else if (subsampledHeight(p.pixelFormat) && p.height % 2 !== 0) {
      problems.push({ field: 'height', message: `must be even for ${p.pixelFormat}` });
    }
  }
  if (p.fps !== null && !(p.fps >= 1 && p.fps <= 120)) {
    problems.push({ field: 'fps', message: 'must be from 1 to 120' });
  }
  if ((p.crf === null) === (p.bitrateKbps === null)) {
    problems.push({ field: 'crf', message: 'give either a quality (crf) or a bitrate, not both or neither' });
  }
  if (p.crf !== null && !(Number.isInteger(p.crf) && p.crf >= rule.crf[0] && p.crf <= rule.crf[1])) {
    problems.push({
      field: 'crf',
      message: `must be a whole number from ${rule.crf[0]} to ${rule.crf[1]} for ${p.videoCodec}`,
    });
  }
  if (p.bitrateKbps !== null) {
    if (!rule.bitrate) {
      problems.push({
        field: 'bitrateKbps',
        message: `${p.videoCodec} is set by quality (crf), not bitrate`,
      });
    } else if (!(Number.isInteger(p.bitrateKbps) && p.bitrateKbps >= 100 && p.bitrateKbps <= 500_000)) {
      problems.push({ field: 'bitrateKbps', message: 'must be a whole number from 100 to 500000' });
    }
  }
  return problems;
}

/** The file extension a profile writes. */
export function profileExtension(p: Pick<OutputProfileSpec, 'container'>): string {
  return `.${p.container}`;
}

/** NTSC rates as exact fractions: `fps=29.97` would drift from the 30000/1001 players and probes expect. */
const ntscRates: Record<string, string> = {
  '23.976': '24000/1001',
  '29.97': '30000/1001',
  '47.952': '48000/1001',
  '59.94': '60000/1001',
  '119.88': '120000/1001',
};

/** The rate as ffmpeg should be given it (exact fractions for NTSC rates). */
export function profileRate(fps: number): string {
  return ntscRates[String(fps)] ?? String(fps);
}

/**
 * Video filters that bring a source to the profile's size (letterboxed, aspect kept) and rate. At the source size a
 * subsampled format still needs even dimensions, so an odd-sized source loses its last row or column.
 */
export function profileFilters(p: OutputProfileSpec): string[] {
  const filters: string[] = [];
  if (p.width !== null && p.height !== null) {
    filters.push(
      `scale=${p.width}:${p.height}:force_original_aspect_ratio=decrease:flags=lanczos`,
      `pad=${p.width}:${p.height}:(ow-iw)/2:(oh-ih)/2`,
      'setsar=1',
    );
  } else if (subsampledWidth(p.pixelFormat)) {
    const h = subsampledHeight(p.pixelFormat) ? 'trunc(ih/2)*2' : 'ih';
    filters.push(`scale=trunc(iw/2)*2:${h}`);
  }
  if (p.fps !== null) filters.push(`fps=${profileRate(p.fps)}`);
  filters.push(`format=${p.pixelFormat}`);
  return filters;
}

/** Encoder arguments for the profile's codec, quality and container (video only; audio is added by the caller). */
export function profileEncoderArgs(p: OutputProfileSpec): string[] {
  const rule = codecRules[p.videoCodec];
  const args = ['-c:v', rule.encoder];
  switch (p.videoCodec) {
    case 'h264':
    case 'h265':
      args.push('-preset', 'medium');
      if (p.crf !== null) args.push('-crf', String(p.crf));
      else
        args.push(
          '-b:v',
          `${p.bitrateKbps}k`,
          '-maxrate',
          `${p.bitrateKbps}k`,
          '-bufsize',
          `${2 * p.bitrateKbps!}k`,
        );
      if (p.videoCodec === 'h265') args.push('-tag:v', 'hvc1', '-x265-params', 'log-level=error');
      break;
    case 'vp9':
      if (p.crf !== null) args.push('-crf', String(p.crf), '-b:v', '0');
      else args.push('-b:v', `${p.bitrateKbps}k`);
      args.push('-row-mt', '1', '-deadline', 'good', '-cpu-used', '4');
      break;
    case 'prores':
      // 422 HQ (3) cannot carry 4:4:4 chroma: a 4:4:4 format needs the 4444 profile (4)
      args.push(
        '-profile:v',
        p.pixelFormat.startsWith('yuv444') ? '4' : '3',
        '-q:v',
        String(p.crf ?? 4),
        '-vendor',
        'apl0',
      );
      break;
  }
  args.push('-pix_fmt', p.pixelFormat);
  if (p.container !== 'webm') args.push('-movflags', '+faststart');
  return args;
}

/** The audio codec a silent track uses in the profile's container. */
export function silentAudioCodec(p: Pick<OutputProfileSpec, 'container'>): string {
  return p.container === 'webm' ? 'libopus' : 'aac';
}

/** ffprobe's name for the profile's codec, for the compliance check (PRD-102). */
export function probeCodecName(p: Pick<OutputProfileSpec, 'videoCodec'>): string {
  return p.videoCodec === 'h265' ? 'hevc' : p.videoCodec;
}
