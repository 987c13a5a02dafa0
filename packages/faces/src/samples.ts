// Sample face photos that ship inside installed npm packages, for tests and for calibrating QA thresholds.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { HUMAN_ROOT } from './engine.js';
import type { FaceBox } from './types.js';

export interface SampleFace {
  /** Absolute path of the photo. */
  file: string;
  /** Same id ⇔ same person (judged by eye; see README). */
  person: string;
  /** The part of the photo holding this one face (most photos are group shots): pass it to `loadRgb`. */
  region: FaceBox;
}

type Row = [file: string, person: string, region: [x: number, y: number, width: number, height: number]];

// face-api `demo/sampleN.jpg`: group photos, one row per face (crop = face box × 2). Nobody appears in two of
// them as far as can be told, so every face is its own person.
const FACE_API_DEMO: Row[] = [
  ['sample1.jpg', 'face-api/sample1-a', [158, 140, 704, 704]],
  ['sample1.jpg', 'face-api/sample1-b', [1298, 66, 558, 558]],
  ['sample1.jpg', 'face-api/sample1-c', [610, 222, 654, 654]],
  ['sample2.jpg', 'face-api/sample2-a', [1196, 0, 696, 634]],
  ['sample2.jpg', 'face-api/sample2-c', [628, 11, 708, 708]],
  ['sample3.jpg', 'face-api/sample3-a', [334, 114, 722, 722]],
  ['sample3.jpg', 'face-api/sample3-b', [822, 4, 734, 734]],
  ['sample3.jpg', 'face-api/sample3-c', [1168, 40, 752, 818]],
  ['sample4.jpg', 'face-api/sample4-a', [472, 0, 556, 481]],
  ['sample4.jpg', 'face-api/sample4-b', [1064, 0, 610, 592]],
  ['sample4.jpg', 'face-api/sample4-c', [742, 0, 662, 646]],
  ['sample4.jpg', 'face-api/sample4-d', [25, 34, 604, 604]],
  ['sample5.jpg', 'face-api/sample5-a', [590, 0, 546, 502]],
  ['sample5.jpg', 'face-api/sample5-b', [370, 246, 618, 618]],
  ['sample5.jpg', 'face-api/sample5-c', [886, 12, 638, 638]],
  ['sample5.jpg', 'face-api/sample5-d', [1122, 144, 790, 790]],
  ['sample5.jpg', 'face-api/sample5-e', [93, 662, 742, 736]],
  ['sample6.jpg', 'face-api/sample6-a', [0, 276, 718, 722]],
  ['sample6.jpg', 'face-api/sample6-b', [896, 96, 738, 738]],
  ['sample6.jpg', 'face-api/sample6-c', [1214, 48, 706, 754]],
  ['sample6.jpg', 'face-api/sample6-d', [395, 108, 768, 768]],
];

// human `assets/` screenshots of its demos: face tiles cut out of other photos. `man-a` appears in three of them
// (at least two different photos); the face-match grid also holds three of the face-api people again.
const HUMAN_ASSETS: Row[] = [
  ['screenshot-faceid.jpg', 'human/faceid-man', [2, 126, 160, 160]],
  ['screenshot-facematch.jpg', 'human/man-a', [0, 20, 210, 200]],
  ['screenshot-facematch.jpg', 'human/man-a', [819, 263, 160, 160]],
  ['screenshot-facedetect.jpg', 'human/man-a', [15, 350, 133, 133]],
  ['screenshot-facedetect.jpg', 'human/group4-a', [175, 347, 133, 133]],
  ['screenshot-facedetect.jpg', 'human/group4-b', [473, 341, 143, 143]],
  ['screenshot-facedetect.jpg', 'human/group4-c', [321, 342, 152, 152]],
  ['screenshot-facedetect.jpg', 'human/group4-d', [638, 351, 134, 134]],
  ['screenshot-facematch.jpg', 'face-api/sample1-a', [1453, 824, 134, 130]],
  ['screenshot-facematch.jpg', 'face-api/sample4-a', [283, 591, 178, 178]],
  ['screenshot-facematch.jpg', 'face-api/sample4-d', [705, 366, 182, 182]],
];

/** Every sample face whose package is installed (face-api is only a dev dependency). */
export function sampleFaces(): SampleFace[] {
  const faceApiDemo = faceApiDir();
  return [
    ...(faceApiDemo ? toSamples(faceApiDemo, FACE_API_DEMO) : []),
    ...toSamples(path.join(HUMAN_ROOT, 'assets'), HUMAN_ASSETS),
  ].filter((sample) => existsSync(sample.file));
}

function faceApiDir(): string | null {
  try {
    const manifest = createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json');
    return path.join(path.dirname(manifest), 'demo');
  } catch {
    return null;
  }
}

function toSamples(dir: string, rows: Row[]): SampleFace[] {
  return rows.map(([file, person, [x, y, width, height]]) => ({
    file: path.join(dir, file),
    person,
    region: { x, y, width, height },
  }));
}
