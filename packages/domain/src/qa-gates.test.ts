import { describe, expect, it } from 'vitest';
import {
  evaluateGates,
  qaPresets,
  resolveThresholds,
  type SegmentScores,
  thresholdProblems,
} from './qa-gates.js';

const clean: SegmentScores = {
  continuity: 0.9,
  facePresence: 1,
  faceConfidence: 0.9,
  likeness: 0.85,
  likenessDrift: 0,
  motion: 2,
  blackFrames: 0,
  frozenFrames: 0,
  nearDuplicates: 0,
  sharpness: 120,
  resolutionOk: true,
  fpsOk: true,
  durationOk: true,
};

describe('QA gates', () => {
  const standard = resolveThresholds('standard');
  it('passes a clean segment', () => {
    const v = evaluateGates(clean, standard);
    expect(v.verdict).toBe('pass');
    expect(v.reasons).toEqual([]);
  });
  it('fails a hard gate and says which', () => {
    const v = evaluateGates({ ...clean, blackFrames: 0.5 }, standard);
    expect(v.verdict).toBe('fail');
    expect(v.reasons[0]).toMatchObject({ gate: 'blackFrames', severity: 'hard', value: 0.5 });
    expect(v.reasons[0]!.message).toMatch(/Black frames 0.50 is above 0.10/);
  });
  it('flags a soft gate without failing', () => {
    const v = evaluateGates({ ...clean, likeness: 0.55 }, standard);
    expect(v.verdict).toBe('flag');
    expect(v.reasons.map((r) => r.gate)).toEqual(['likeness']);
  });
  it('treats unmeasured scores as passing and conformance as hard', () => {
    expect(evaluateGates({ ...clean, likeness: null, continuity: null }, standard).verdict).toBe('pass');
    const v = evaluateGates({ ...clean, fpsOk: false }, standard);
    expect(v.verdict).toBe('fail');
    expect(v.reasons[0]!.gate).toBe('fps');
  });
  it('ranks clean above flagged above failed', () => {
    const a = evaluateGates(clean, standard).rank;
    const b = evaluateGates({ ...clean, likeness: 0.55 }, standard).rank;
    const c = evaluateGates({ ...clean, frozenFrames: 0.9 }, standard).rank;
    expect(a).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(c);
  });
  it('orders the presets from lenient to strict', () => {
    const s = { ...clean, continuity: 0.5 };
    expect(evaluateGates(s, qaPresets.lenient).verdict).toBe('pass');
    expect(evaluateGates(s, qaPresets.standard).verdict).toBe('flag');
    expect(evaluateGates(s, qaPresets.strict).verdict).toBe('fail');
  });
  it('applies overrides over a profile and reports contradictions', () => {
    const t = resolveThresholds('standard', { likeness: { hard: 0.7 } });
    expect(t.likeness).toEqual({ hard: 0.7, soft: 0.6 });
    expect(thresholdProblems(t)).toEqual([{ gate: 'likeness', message: expect.stringMatching(/at least/) }]);
    expect(thresholdProblems(qaPresets.strict)).toEqual([]);
    expect(thresholdProblems(qaPresets.lenient)).toEqual([]);
    expect(thresholdProblems(qaPresets.standard)).toEqual([]);
  });
});
