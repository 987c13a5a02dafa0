// Generation settings of a scene type (PRD-091 QA rule sets, PRD-071 auto-retry, PRD-024 boundary frames, PRD-026
// continuity aids): stored as columns, shown as one object, checked for contradictions on save.
import type { GenerationSettings, generationSettingsInputSchema } from '@i2v/contracts';
import {
  type QaOverrides,
  type QaProfile,
  type RetryPolicy,
  resolveThresholds,
  thresholdProblems,
} from '@i2v/domain';
import type { z } from 'zod';
import type { sceneTypes } from '../../db/schema/index.js';
import { AppError } from '../../platform/errors.js';

type Row = Pick<
  typeof sceneTypes.$inferSelect,
  'qaProfile' | 'qaOverrides' | 'retryPolicy' | 'boundaryMode' | 'boundaryWindowFrames' | 'continuity'
>;
type Input = z.infer<typeof generationSettingsInputSchema>;

interface Continuity {
  anchorBelow?: number | null;
  colourMatch?: boolean;
}

export function retryPolicyOf(value: unknown): RetryPolicy {
  const p = (value ?? {}) as Partial<RetryPolicy>;
  return { enabled: p.enabled ?? false, maxAttempts: p.maxAttempts ?? 3, jitter: p.jitter ?? {} };
}

export function generationSettingsOf(r: Row): GenerationSettings {
  const overrides = (r.qaOverrides ?? {}) as QaOverrides;
  const continuity = (r.continuity ?? {}) as Continuity;
  return {
    qaProfile: r.qaProfile as QaProfile,
    qaOverrides: overrides,
    qaThresholds: resolveThresholds(r.qaProfile as QaProfile, overrides),
    retryPolicy: retryPolicyOf(r.retryPolicy),
    boundaryMode: r.boundaryMode as GenerationSettings['boundaryMode'],
    boundaryWindowFrames: r.boundaryWindowFrames,
    anchorBelow: continuity.anchorBelow ?? null,
    colourMatch: continuity.colourMatch ?? false,
  };
}

/** The columns for saved settings: `input` over `current` (the defaults for a new scene type). */
export function generationColumns(
  input: Input | undefined,
  current: GenerationSettings | null,
): Partial<Row> {
  if (!input) return {};
  const profile = input.qaProfile ?? current?.qaProfile ?? 'standard';
  const overrides = input.qaOverrides ?? current?.qaOverrides ?? {};
  const problems = thresholdProblems(resolveThresholds(profile, overrides as QaOverrides));
  if (problems.length) {
    throw new AppError(
      'qa.thresholds_invalid',
      `The QA rule set contradicts itself: ${problems.map((p) => `${p.gate}: ${p.message}`).join('; ')}.`,
      problems.map((p) => ({ field: `body.generation.qaOverrides.${p.gate}`, message: p.message })),
    );
  }
  const out: Partial<Row> = {};
  if (input.qaProfile !== undefined) out.qaProfile = input.qaProfile;
  if (input.qaOverrides !== undefined) out.qaOverrides = input.qaOverrides;
  if (input.retryPolicy !== undefined) out.retryPolicy = input.retryPolicy;
  if (input.boundaryMode !== undefined) out.boundaryMode = input.boundaryMode;
  if (input.boundaryWindowFrames !== undefined) out.boundaryWindowFrames = input.boundaryWindowFrames;
  if (input.anchorBelow !== undefined || input.colourMatch !== undefined) {
    out.continuity = {
      anchorBelow: input.anchorBelow !== undefined ? input.anchorBelow : (current?.anchorBelow ?? null),
      colourMatch: input.colourMatch ?? current?.colourMatch ?? false,
    } satisfies Continuity;
  }
  return out;
}
