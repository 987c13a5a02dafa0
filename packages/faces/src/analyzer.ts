// Face detection and face embeddings for QA of generated segments.
import type { FaceResult } from '@vladmandic/human';
import { type HumanEngine, humanConfig, loadHuman } from './engine.js';
import { normalize } from './similarity.js';
import type { DetectedFace, FaceAnalyzer, FaceAnalyzerOptions, RgbImage } from './types.js';

export const FACE_MODEL = 'human-3.3/faceres';

// One tfjs engine per process: runs from every analyzer go through one queue, one at a time.
let queue: Promise<unknown> = Promise.resolve();
function serialise<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Loads the models once (the first call takes about a second); `detect` calls may overlap safely. */
export async function createFaceAnalyzer(options: FaceAnalyzerOptions = {}): Promise<FaceAnalyzer> {
  const maxFaces = options.maxFaces ?? 10;
  const minScore = options.minScore ?? 0.3;
  if (!Number.isInteger(maxFaces) || maxFaces < 1)
    throw new RangeError(`maxFaces must be a positive integer`);
  if (!(minScore >= 0 && minScore <= 1)) throw new RangeError(`minScore must be within 0..1`);
  const human = await serialise(() => loadHuman(humanConfig(maxFaces, minScore)));
  let closed = false;
  return {
    model: FACE_MODEL,
    detect: async (image) => {
      if (closed) throw new Error('face analyzer is closed');
      checkImage(image);
      return serialise(() => detectFaces(human, image, minScore));
    },
    close: async () => {
      // The weights stay cached inside the library for the next analyzer; waiting lets running calls finish.
      closed = true;
      await serialise(async () => undefined);
    },
  };
}

async function detectFaces(human: HumanEngine, image: RgbImage, minScore: number): Promise<DetectedFace[]> {
  const { tf } = human;
  const pixels = tf.tensor3d(Float32Array.from(image.data), [image.height, image.width, 3], 'float32');
  try {
    const result = await human.detect(pixels);
    if (result.error) throw new Error(`face detection failed: ${result.error}`);
    return result.face
      .filter((face) => face.boxScore >= minScore && (face.embedding?.length ?? 0) > 0)
      .map(toDetectedFace)
      .sort(biggestFirst);
  } finally {
    pixels.dispose();
  }
}

function toDetectedFace(face: FaceResult): DetectedFace {
  const [x, y, width, height] = face.box;
  return {
    score: face.boxScore,
    meshScore: face.faceScore,
    box: { x, y, width, height },
    embedding: normalize(face.embedding ?? []),
  };
}

function biggestFirst(a: DetectedFace, b: DetectedFace): number {
  return (
    b.box.width * b.box.height - a.box.width * a.box.height ||
    b.score - a.score ||
    a.box.x - b.box.x ||
    a.box.y - b.box.y
  );
}

function checkImage(image: RgbImage): void {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`image size must be positive integers, got ${width}×${height}`);
  }
  if (data.length !== width * height * 3) {
    throw new RangeError(
      `image data must be packed RGB: expected ${width * height * 3} bytes, got ${data.length}`,
    );
  }
}
