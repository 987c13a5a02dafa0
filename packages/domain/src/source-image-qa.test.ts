import { describe, expect, it } from 'vitest';
import type { SourceImageFacts } from './source-image-qa.js';
import { sourceImageProblems } from './source-image-qa.js';

const good: SourceImageFacts = { width: 1024, height: 768, faceFound: true, faceScore: 0.9, sharpness: 400 };

describe('source-image QA', () => {
  it('finds nothing wrong with a sharp, large portrait', () => {
    expect(sourceImageProblems(good)).toEqual([]);
  });
  it('names each problem', () => {
    const codes = (f: Partial<SourceImageFacts>) => sourceImageProblems({ ...good, ...f }).map((p) => p.code);
    expect(codes({ width: 300 })).toEqual(['low_resolution']);
    expect(codes({ faceFound: false, faceScore: 0 })).toEqual(['no_face']);
    expect(codes({ faceScore: 0.4 })).toEqual(['weak_face']);
    expect(codes({ sharpness: 10 })).toEqual(['blurry']);
    expect(codes({ sharpness: null, width: null })).toEqual([]);
  });
});
