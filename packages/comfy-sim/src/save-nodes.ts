// The save nodes and previews of comfy-sim: real files rendered with ffmpeg, named like ComfyUI names them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { runFfmpeg } from '@i2v/ffmpeg';
import type { SimFaults } from './config.js';
import { nextOutputName, pad5 } from './outputs.js';
import { segmentParams } from './prompt-graph.js';
import { type RenderSpec, renderSegment, writeFirstFrame } from './render.js';
import type { ApiPrompt } from './validate.js';

/** A node that raised: becomes `execution_error`. */
export class NodeFailure extends Error {
  constructor(
    readonly nodeId: string,
    readonly exceptionType: string,
    message: string,
  ) {
    super(message);
  }
}

/** A small JPEG of the start image, standing in for the sampler's latent preview. */
export async function previewJpeg(
  dataDir: string,
  prompt: ApiPrompt,
  id: string,
  signal: AbortSignal,
): Promise<Buffer | null> {
  const start = segmentParams(prompt, id).startImage;
  if (!start) return null;
  const file = path.join(dataDir, 'input', path.basename(start));
  try {
    const args = ['-v', 'error', '-i', file, '-vf', 'scale=128:-2', '-frames:v', '1', '-f', 'image2pipe'];
    return (await runFfmpeg([...args, '-c:v', 'mjpeg', '-'], { signal: signal })).stdout;
  } catch {
    return null;
  }
}

/** Runs a save node: renders the segment and answers with the node's UI output (`images`/`animated` or `gifs`). */
export async function runSaveNode(
  dataDir: string,
  id: string,
  prompt: ApiPrompt,
  faults: SimFaults,
  signal: AbortSignal,
): Promise<Record<string, unknown>> {
  const node = prompt[id]!;
  const cls = String(node.class_type);
  const inputs = node.inputs ?? {};
  // an image save node with no video length upstream (image-to-image) saves one picture
  const p = segmentParams(prompt, id, cls === 'SaveImage' ? 1 : 33);
  const inputDir = path.join(dataDir, 'input');
  const startImage = p.startImage ? path.join(inputDir, path.basename(p.startImage)) : null;
  if (!startImage || !fs.existsSync(startImage)) {
    throw new NodeFailure(
      id,
      'FileNotFoundError',
      `No input image for ${cls}: ${p.startImage ?? 'none linked'}`,
    );
  }
  const endImage = p.endImage ? path.join(inputDir, path.basename(p.endImage)) : undefined;
  // the swap target is an input image name like LoadImage's: looked up in input/, and a missing one fails the node
  const swapImage = faults.swapImage ? path.join(inputDir, path.basename(faults.swapImage)) : undefined;
  if (faults.frames === 'swap' && (!swapImage || !fs.existsSync(swapImage))) {
    throw new NodeFailure(
      id,
      'FileNotFoundError',
      `No swap image for ${cls}: ${faults.swapImage ?? 'none given'}`,
    );
  }
  const isTemp = cls === 'PreviewImage' || (cls === 'VHS_VideoCombine' && inputs.save_output === false);
  const type = isTemp ? 'temp' : 'output';
  const root = path.join(dataDir, type);
  const spec: Omit<RenderSpec, 'container' | 'out'> = {
    startImage,
    endImage,
    frames: p.frames,
    fps: p.fps,
    width: p.width,
    height: p.height,
    defect: faults.frames,
    ...(faults.frames === 'swap' ? { swapImage } : {}),
  };
  if (cls === 'VHS_VideoCombine') {
    const format = String(inputs.format ?? 'video/h264-mp4');
    const ext = format === 'image/gif' ? 'gif' : format.includes('webm') ? 'webm' : 'mp4';
    const name = nextOutputName(root, String(inputs.filename_prefix ?? 'AnimateDiff'));
    const file = `${name.base}_${pad5(name.counter)}.${ext}`;
    const full = path.join(name.dir, file);
    await renderSegment(
      { ...spec, container: ext === 'gif' ? 'gif' : ext === 'webm' ? 'webm' : 'mp4', out: full },
      signal,
    );
    const png = `${name.base}_${pad5(name.counter)}.png`;
    await writeFirstFrame(full, path.join(name.dir, png), signal);
    if (faults.corrupt) corrupt(full);
    return {
      gifs: [
        {
          filename: file,
          subfolder: name.subfolder,
          type,
          format,
          frame_rate: p.fps,
          workflow: png,
          fullpath: full,
        },
      ],
    };
  }
  if (cls === 'SaveImage' || cls === 'PreviewImage') {
    const prefix =
      cls === 'PreviewImage'
        ? `ComfyUI_temp_${promptSuffix(prompt)}`
        : String(inputs.filename_prefix ?? 'ComfyUI');
    const name = nextOutputName(root, prefix);
    const pattern = path.join(name.dir, `${name.base}_%05d_.png`);
    await renderSegment(
      { ...spec, container: 'png-sequence', out: pattern, startNumber: name.counter },
      signal,
    );
    const images = Array.from({ length: p.frames }, (_, i) => ({
      filename: `${name.base}_${pad5(name.counter + i)}_.png`,
      subfolder: name.subfolder,
      type,
    }));
    return { images };
  }
  const webm = cls === 'SaveWEBM';
  const prefix = String(inputs.filename_prefix ?? (webm ? 'ComfyUI' : 'video/ComfyUI'));
  const name = nextOutputName(root, prefix);
  const file = `${name.base}_${pad5(name.counter)}_.${webm ? 'webm' : 'mp4'}`;
  await renderSegment({ ...spec, container: webm ? 'webm' : 'mp4', out: path.join(name.dir, file) }, signal);
  if (faults.corrupt) corrupt(path.join(name.dir, file));
  return { images: [{ filename: file, subfolder: name.subfolder, type }], animated: [true] };
}

/** The `corrupt` fault: the saved video is replaced by bytes no decoder can read (a broken disk or upload). */
function corrupt(file: string): void {
  fs.writeFileSync(file, Buffer.alloc(4096, 0x5a));
}

function promptSuffix(prompt: ApiPrompt): string {
  return createHash('sha1').update(JSON.stringify(prompt)).digest('hex').slice(0, 5);
}
