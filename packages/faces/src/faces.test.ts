import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cosineSimilarity,
  createFaceAnalyzer,
  type DetectedFace,
  EMBEDDING_LENGTH,
  type FaceAnalyzer,
  loadRgb,
  normalize,
  type RgbImage,
  type SampleFace,
  sampleFaces,
} from './index.js';

let analyzer: FaceAnalyzer;
const samples = sampleFaces();
const found = new Map<SampleFace, DetectedFace[]>();

beforeAll(async () => {
  analyzer = await createFaceAnalyzer();
  for (const sample of samples) found.set(sample, await analyzer.detect(await loadSample(sample)));
}, 120_000);

afterAll(() => analyzer?.close());

function loadSample(sample: SampleFace, maxSide = 512): Promise<RgbImage> {
  return loadRgb(sample.file, maxSide, sample.region);
}

function sample(person: string): SampleFace {
  const match = samples.find((s) => s.person === person);
  if (!match) throw new Error(`no sample of ${person}`);
  return match;
}

function grey(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 128, g: 128, b: 128 } } })
    .png()
    .toBuffer();
}

function gradient(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      data[i] = Math.round((x / width) * 255);
      data[i + 1] = Math.round((y / height) * 255);
      data[i + 2] = 128;
    }
  }
  return { data, width, height };
}

describe('sample faces', () => {
  it('ships the face-api demo photos and the human assets, each face with a person', () => {
    expect(samples.length).toBe(32);
    expect(new Set(samples.map((s) => s.person)).size).toBe(27);
    for (const s of samples) expect(s.file).toMatch(/^\/.*\.jpg$/);
  });

  it('finds the face in every sample with a detector score above 0.5', () => {
    for (const sample of samples) {
      const faces = found.get(sample)!;
      expect(faces.length, sample.person).toBeGreaterThan(0);
      expect(faces[0]!.score, sample.person).toBeGreaterThan(0.5);
    }
  });

  it('describes every face with a unit-length embedding of fixed length', () => {
    for (const faces of found.values()) {
      for (const face of faces) {
        expect(face.embedding).toHaveLength(EMBEDDING_LENGTH);
        expect(Math.hypot(...face.embedding)).toBeCloseTo(1, 6);
      }
    }
  });

  it('scores every same-person pair above every different-person pair', () => {
    const described = samples.map((s) => ({ person: s.person, embedding: found.get(s)![0]!.embedding }));
    const same: number[] = [];
    const different: number[] = [];
    for (const [i, a] of described.entries()) {
      for (const b of described.slice(i + 1)) {
        (a.person === b.person ? same : different).push(cosineSimilarity(a.embedding, b.embedding));
      }
    }
    expect(same).toHaveLength(6);
    // measured: same person 0.78–0.91, different persons 0.25–0.68 (mean 0.41)
    expect(Math.min(...same)).toBeGreaterThan(0.75);
    expect(Math.max(...different)).toBeLessThan(0.72);
  });
});

describe('createFaceAnalyzer', () => {
  it('names its model for storage beside the scores', () => {
    expect(analyzer.model).toBe('human-3.3/faceres');
  });

  it('finds no face in a flat grey picture or a colour gradient', async () => {
    expect(await analyzer.detect(await loadRgb(await grey(512, 512)))).toEqual([]);
    expect(await analyzer.detect(gradient(512, 384))).toEqual([]);
  });

  it('gives identical results for the same image, also from a second analyzer', async () => {
    const image = await loadSample(sample('face-api/sample1-a'));
    const first = await analyzer.detect(image);
    const again = await analyzer.detect(image);
    const other = await createFaceAnalyzer();
    try {
      const fromOther = await other.detect(image);
      expect(again).toEqual(first);
      expect(fromOther).toEqual(first);
      expect(cosineSimilarity(first[0]!.embedding, again[0]!.embedding)).toBeCloseTo(1, 6);
    } finally {
      await other.close();
    }
    await expect(other.detect(image)).rejects.toThrow(/closed/);
  });

  it('keeps a face similar when the photo is shrunk or cropped a little, and another person far', async () => {
    const ada = sample('face-api/sample1-a');
    const [face] = found.get(ada)!;
    const [shrunk] = await analyzer.detect(await loadSample(ada, 300));
    const { x, y, width, height } = ada.region;
    const cropped = { x: x + 40, y: y + 25, width: width - 80, height: height - 60 };
    const [tighter] = await analyzer.detect(await loadRgb(ada.file, 512, cropped));
    const [other] = found.get(sample('face-api/sample1-b'))!;
    // measured: shrunk 0.98, cropped 0.98, another person in the same photo 0.39
    expect(cosineSimilarity(face!.embedding, shrunk!.embedding)).toBeGreaterThan(0.9);
    expect(cosineSimilarity(face!.embedding, tighter!.embedding)).toBeGreaterThan(0.9);
    expect(cosineSimilarity(face!.embedding, other!.embedding)).toBeLessThan(0.6);
  });

  it('runs overlapping detect calls one at a time with the same results as in sequence', async () => {
    const picked = samples.slice(0, 4);
    const images = await Promise.all(picked.map((s) => loadSample(s)));
    const together = await Promise.all(images.map((image) => analyzer.detect(image)));
    expect(together).toEqual(picked.map((s) => found.get(s)));
  });

  it('lists several faces biggest first and honours maxFaces', async () => {
    const group = await loadRgb(samples[0]!.file, 1024);
    const faces = await analyzer.detect(group);
    expect(faces).toHaveLength(3);
    const areas = faces.map((f) => f.box.width * f.box.height);
    expect(areas).toEqual([...areas].sort((a, b) => b - a));
    const one = await createFaceAnalyzer({ maxFaces: 1 });
    try {
      expect(await one.detect(group)).toHaveLength(1);
    } finally {
      await one.close();
    }
  });

  it('refuses an image whose data is not packed RGB of its size', async () => {
    await expect(analyzer.detect({ data: new Uint8Array(10), width: 4, height: 4 })).rejects.toThrow(
      /packed RGB/,
    );
  });
});

describe('loadRgb', () => {
  it('shrinks to maxSide on the longer side and never enlarges', async () => {
    const wide = await sharp({ create: { width: 800, height: 400, channels: 4, background: '#336699' } })
      .png()
      .toBuffer();
    const small = await loadRgb(wide, 200);
    expect([small.width, small.height, small.data.length]).toEqual([200, 100, 200 * 100 * 3]);
    expect(Array.from(small.data.subarray(0, 3))).toEqual([0x33, 0x66, 0x99]);
    const kept = await loadRgb(wide, 2000);
    expect([kept.width, kept.height]).toEqual([800, 400]);
  });
});

describe('cosineSimilarity', () => {
  it('is 1 for the same direction, 0 for orthogonal, -1 for opposite', () => {
    expect(cosineSimilarity([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(cosineSimilarity([1, 0], [0, 5])).toBe(0);
    expect(cosineSimilarity([1, 1], [-1, -1])).toBeCloseTo(-1, 12);
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
    expect(cosineSimilarity(Float32Array.of(3, 4), normalize([3, 4]))).toBeCloseTo(1, 6);
  });

  it('refuses vectors of different length', () => {
    expect(() => cosineSimilarity([1, 2], [1, 2, 3])).toThrow(RangeError);
  });
});
