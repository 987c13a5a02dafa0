// Source-image QA (PRD-022): what makes a character's source image a poor seed and likeness baseline.

export interface SourceImageFacts {
  width: number | null;
  height: number | null;
  faceFound: boolean;
  /** Face detector confidence, 0…1 (0 without a face). */
  faceScore: number;
  /** Variance of the Laplacian at ≤ 512 px (low = blurry). */
  sharpness: number | null;
}

export interface SourceImageProblem {
  code: 'low_resolution' | 'no_face' | 'weak_face' | 'blurry';
  message: string;
}

/** The shorter side a source image should have to seed 512-pixel video without upscaling. */
export const minSourceSide = 512;
const weakFace = 0.6;
const blurryBelow = 60;

export function sourceImageProblems(f: SourceImageFacts): SourceImageProblem[] {
  const problems: SourceImageProblem[] = [];
  const side = f.width && f.height ? Math.min(f.width, f.height) : null;
  if (side !== null && side < minSourceSide) {
    problems.push({
      code: 'low_resolution',
      message: `The shorter side is ${side} px; ${minSourceSide} px or more seeds video without upscaling.`,
    });
  }
  if (!f.faceFound) {
    problems.push({
      code: 'no_face',
      message: 'No face was found: likeness checks of generated video are skipped for this character.',
    });
  } else if (f.faceScore < weakFace) {
    problems.push({
      code: 'weak_face',
      message: `The face was found with low confidence (${f.faceScore.toFixed(2)}): likeness checks may be unreliable.`,
    });
  }
  if (f.sharpness !== null && f.sharpness < blurryBelow) {
    problems.push({
      code: 'blurry',
      message: 'The image looks blurry; a sharper photo makes a better seed.',
    });
  }
  return problems;
}
