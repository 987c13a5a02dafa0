import { describe, expect, it } from 'vitest';
import { type ComplianceExpectation, complianceIssues, type ProbedVideo } from './compliance.js';

function buildProbed(overrides: Partial<ProbedVideo> = {}): ProbedVideo {
  return { codec: 'hevc', width: 1280, height: 720, fps: 24, durationSeconds: 5, ...overrides };
}

function buildExpectation(overrides: Partial<ComplianceExpectation> = {}): ComplianceExpectation {
  return {
    codec: 'hevc',
    width: 1280,
    height: 720,
    fps: 24,
    durationSeconds: 5,
    durationToleranceSeconds: 0.1,
    ...overrides,
  };
}

const checks = (p: ProbedVideo | null, e: ComplianceExpectation, errors: string[] = []) =>
  complianceIssues(p, e, errors).map((i) => i.check);

describe('complianceIssues', () => {
  it('finds nothing wrong with a file that matches', () => {
    expect(complianceIssues(buildProbed(), buildExpectation())).toEqual([]);
  });

  it('reports an unreadable file and nothing else', () => {
    expect(complianceIssues(null, buildExpectation())).toEqual([
      { check: 'readable', message: 'no readable video stream' },
    ]);
  });

  it('reports decode errors with their count and the first one', () => {
    const issues = complianceIssues(buildProbed(), buildExpectation(), ['corrupt macroblock', 'second']);
    expect(issues).toEqual([
      { check: 'integrity', message: 'a full decode reported 2 error(s): corrupt macroblock' },
    ]);
  });

  it('compares the codec by its ffprobe name', () => {
    expect(complianceIssues(buildProbed({ codec: 'h264' }), buildExpectation())).toEqual([
      { check: 'codec', message: 'codec is h264, expected hevc' },
    ]);
  });

  it('compares the size only when the profile sets one', () => {
    expect(complianceIssues(buildProbed({ height: 724 }), buildExpectation())[0]?.message).toBe(
      'resolution is 1280×724, expected 1280×720',
    );
    expect(checks(buildProbed({ width: 333 }), buildExpectation({ width: null, height: null }))).toEqual([]);
  });

  it('compares the rate within a hundredth, so NTSC fractions match their decimal', () => {
    expect(checks(buildProbed({ fps: 30000 / 1001 }), buildExpectation({ fps: 29.97 }))).toEqual([]);
    expect(checks(buildProbed({ fps: 25 }), buildExpectation())).toEqual(['fps']);
    expect(checks(buildProbed({ fps: 25 }), buildExpectation({ fps: null }))).toEqual([]);
    expect(complianceIssues(buildProbed({ fps: 30000 / 1001 }), buildExpectation())[0]?.message).toBe(
      'frame rate is 29.97 fps, expected 24',
    );
  });

  it('compares the duration within its tolerance', () => {
    expect(checks(buildProbed({ durationSeconds: 5.08 }), buildExpectation())).toEqual([]);
    expect(complianceIssues(buildProbed({ durationSeconds: 4.5 }), buildExpectation())).toEqual([
      { check: 'duration', message: 'duration is 4.5 s, expected 5 s ± 0.1 s' },
    ]);
    expect(checks(buildProbed({ durationSeconds: 99 }), buildExpectation({ durationSeconds: null }))).toEqual(
      [],
    );
  });

  it('lists every shortfall at once, in a stable order', () => {
    expect(
      checks(
        buildProbed({ codec: 'vp9', width: 640, height: 360, fps: 30, durationSeconds: 2 }),
        buildExpectation(),
        ['bad'],
      ),
    ).toEqual(['integrity', 'codec', 'resolution', 'fps', 'duration']);
  });
});
