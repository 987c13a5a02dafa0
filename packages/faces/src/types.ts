// Public shapes of the faces package.

/** Packed RGB pixels, 3 bytes per pixel, row by row. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** A rectangle in image pixels. */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DetectedFace {
  /** Face detector (BlazeFace) confidence, 0..1. */
  score: number;
  /** Face mesh confidence, 0..1: near 1 for most real faces, so it rarely tells faces from look-alikes. */
  meshScore: number;
  box: FaceBox;
  /** Face description, L2-normalised, {@link EMBEDDING_LENGTH} numbers; compare with `cosineSimilarity`. */
  embedding: number[];
}

export interface FaceAnalyzer {
  /** Faces in the image, biggest first (then most confident). */
  detect(image: RgbImage): Promise<DetectedFace[]>;
  /** Names the models behind the scores and embeddings, to store beside them: `human-3.3/faceres`. */
  readonly model: string;
  close(): Promise<void>;
}

export interface FaceAnalyzerOptions {
  /** Most faces returned per image (default 10). */
  maxFaces?: number;
  /** Faces whose detector score or mesh score is below this are dropped (default 0.3). */
  minScore?: number;
}

/** Length of every embedding: the HSE FaceRes descriptor. */
export const EMBEDDING_LENGTH = 1024;
