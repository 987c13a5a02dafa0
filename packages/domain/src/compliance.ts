// Video compliance (PRD-102): does a delivered file match what its profile promised? Pure comparison of an
// ffprobe reading (and a full-decode result) with the expectation; the server does the probing.

export interface ComplianceExpectation {
  /** ffprobe codec name (`h264`, `hevc`, `vp9`, `prores`). */
  codec: string;
  /** null: any size. */
  width: number | null;
  height: number | null;
  /** null: any rate. */
  fps: number | null;
  /** null: any duration. */
  durationSeconds: number | null;
  durationToleranceSeconds: number;
}

export interface ProbedVideo {
  codec: string;
  width: number;
  height: number;
  fps: number;
  durationSeconds: number;
}

export type ComplianceCheck = 'readable' | 'integrity' | 'codec' | 'resolution' | 'fps' | 'duration';

export interface ComplianceIssue {
  check: ComplianceCheck;
  message: string;
}

/**
 * Every way `probed` falls short of `expected`. `probed` null means ffprobe found no video stream; `decodeErrors`
 * are the errors a full decode reported (empty for an intact file).
 */
export function complianceIssues(
  probed: ProbedVideo | null,
  expected: ComplianceExpectation,
  decodeErrors: readonly string[] = [],
): ComplianceIssue[] {
  if (!probed) return [{ check: 'readable', message: 'no readable video stream' }];
  const issues: ComplianceIssue[] = [];
  if (decodeErrors.length > 0) {
    issues.push({
      check: 'integrity',
      message: `a full decode reported ${decodeErrors.length} error(s): ${decodeErrors[0]}`,
    });
  }
  if (probed.codec !== expected.codec) {
    issues.push({ check: 'codec', message: `codec is ${probed.codec}, expected ${expected.codec}` });
  }
  if (
    expected.width !== null &&
    expected.height !== null &&
    (probed.width !== expected.width || probed.height !== expected.height)
  ) {
    issues.push({
      check: 'resolution',
      message: `resolution is ${probed.width}×${probed.height}, expected ${expected.width}×${expected.height}`,
    });
  }
  if (expected.fps !== null && Math.abs(probed.fps - expected.fps) > 0.01) {
    issues.push({
      check: 'fps',
      message: `frame rate is ${round(probed.fps)} fps, expected ${round(expected.fps)}`,
    });
  }
  if (
    expected.durationSeconds !== null &&
    Math.abs(probed.durationSeconds - expected.durationSeconds) > expected.durationToleranceSeconds
  ) {
    issues.push({
      check: 'duration',
      message: `duration is ${round(probed.durationSeconds)} s, expected ${round(expected.durationSeconds)} s ± ${expected.durationToleranceSeconds} s`,
    });
  }
  return issues;
}

const round = (n: number) => Math.round(n * 100) / 100;
