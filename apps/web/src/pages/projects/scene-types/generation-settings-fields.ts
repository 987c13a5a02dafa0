// The generation settings form of a scene type (PRD-091 QA rule sets, PRD-071 auto-retry, PRD-024 boundary frames,
// PRD-026 continuity aids): its values, the `generation` body of the scene type update, and server errors on fields.
import { gateDirection, type QaGateKey, type QaProfile, qaGateKeys, resolveThresholds } from '@i2v/domain';
import { useForm } from '@mantine/form';
import { isApiError } from '@/api/api-error';
import { formFieldOf } from '@/api/form-errors';
import type { components, paths } from '@/api/schema';

export type GenerationSettings = components['schemas']['GenerationSettings'];
export type GenerationBody = NonNullable<
  paths['/api/v1/scene-types/{id}']['patch']['requestBody']['content']['application/json']['generation']
>;
export type BoundaryMode = GenerationSettings['boundaryMode'];

/** An override as typed: '' = the profile's value, 'off' = that side of the gate is off, else a number. */
export interface GateOverrideValues {
  hard: string;
  soft: string;
}

export interface GenerationFormValues {
  qaProfile: QaProfile;
  overrides: Record<QaGateKey, GateOverrideValues>;
  retryEnabled: boolean;
  maxAttempts: number | string;
  jitter: { slot: string; fraction: number | string }[];
  boundaryMode: BoundaryMode;
  boundaryWindowFrames: number | string;
  /** '' = anchoring off. */
  anchorBelow: number | string;
  colourMatch: boolean;
}

export function useGenerationForm(initial: GenerationFormValues) {
  return useForm<GenerationFormValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: validateGeneration,
  });
}

export type GenerationForm = ReturnType<typeof useGenerationForm>;

export const thresholdMax = 10_000;
export const maxAttemptsRange = { min: 1, max: 10 } as const;
export const jitterMax = 0.5;
export const windowFramesRange = { min: 1, max: 240 } as const;
const slotPattern = /^[a-z][a-z0-9_]{0,63}$/;

const overrideText = (value: number | null | undefined) =>
  value === undefined ? '' : value === null ? 'off' : String(value);

export function generationValuesOf(s: GenerationSettings): GenerationFormValues {
  const overrides = Object.fromEntries(
    qaGateKeys.map((key) => {
      const o = s.qaOverrides[key];
      return [key, { hard: overrideText(o?.hard), soft: overrideText(o?.soft) }];
    }),
  ) as Record<QaGateKey, GateOverrideValues>;
  return {
    qaProfile: s.qaProfile,
    overrides,
    retryEnabled: s.retryPolicy.enabled,
    maxAttempts: s.retryPolicy.maxAttempts,
    jitter: Object.entries(s.retryPolicy.jitter).map(([slot, fraction]) => ({ slot, fraction })),
    boundaryMode: s.boundaryMode,
    boundaryWindowFrames: s.boundaryWindowFrames,
    anchorBelow: s.anchorBelow ?? '',
    colourMatch: s.colourMatch,
  };
}

/** A typed override as the API takes it: undefined = not overridden, null = off. */
export function overrideOf(text: string): number | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  if (t === 'off') return null;
  return Number(t);
}

export function overridesOf(v: GenerationFormValues): NonNullable<GenerationBody['qaOverrides']> {
  const out: NonNullable<GenerationBody['qaOverrides']> = {};
  for (const key of qaGateKeys) {
    const hard = overrideOf(v.overrides[key].hard);
    const soft = overrideOf(v.overrides[key].soft);
    if (hard === undefined && soft === undefined) continue;
    out[key] = { ...(hard === undefined ? {} : { hard }), ...(soft === undefined ? {} : { soft }) };
  }
  return out;
}

/** The rule set in force with the form's profile and overrides (only the valid ones). */
export function effectiveThresholds(v: GenerationFormValues) {
  const valid = Object.fromEntries(
    Object.entries(overridesOf(v)).map(([key, o]) => [
      key,
      Object.fromEntries(Object.entries(o).filter(([, n]) => n === null || Number.isFinite(n))),
    ]),
  );
  return resolveThresholds(v.qaProfile, valid);
}

const num = (value: number | string) => (typeof value === 'number' ? value : Number(value));

export function generationBodyOf(v: GenerationFormValues): GenerationBody {
  return {
    qaProfile: v.qaProfile,
    qaOverrides: overridesOf(v),
    retryPolicy: {
      enabled: v.retryEnabled,
      maxAttempts: num(v.maxAttempts),
      jitter: Object.fromEntries(
        v.jitter.filter((j) => j.slot.trim()).map((j) => [j.slot.trim(), num(j.fraction)]),
      ),
    },
    boundaryMode: v.boundaryMode,
    boundaryWindowFrames: num(v.boundaryWindowFrames),
    anchorBelow: v.anchorBelow === '' ? null : num(v.anchorBelow),
    colourMatch: v.colourMatch,
  };
}

function thresholdError(text: string): string | null {
  const value = overrideOf(text);
  if (value === undefined || value === null) return null;
  if (!Number.isFinite(value)) return 'Enter a number, "off", or leave empty for the profile value';
  if (value < 0 || value > thresholdMax) return `Enter 0 to ${thresholdMax.toLocaleString('en')}`;
  return null;
}

const inRange = (value: number | string, min: number, max: number, whole = false) => {
  if (value === '') return false;
  const n = num(value);
  return Number.isFinite(n) && n >= min && n <= max && (!whole || Number.isInteger(n));
};

/** Mantine form errors by field path. */
export function validateGeneration(v: GenerationFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const key of qaGateKeys) {
    for (const side of ['hard', 'soft'] as const) {
      const e = thresholdError(v.overrides[key][side]);
      if (e) errors[`overrides.${key}.${side}`] = e;
    }
  }
  if (!inRange(v.maxAttempts, maxAttemptsRange.min, maxAttemptsRange.max, true))
    errors.maxAttempts = `Enter a whole number from ${maxAttemptsRange.min} to ${maxAttemptsRange.max}`;
  const seen = new Set<string>();
  v.jitter.forEach((j, i) => {
    const slot = j.slot.trim();
    if (!slotPattern.test(slot))
      errors[`jitter.${i}.slot`] = 'Use the slot key: lowercase letters, digits and underscores';
    else if (seen.has(slot)) errors[`jitter.${i}.slot`] = 'Listed twice';
    seen.add(slot);
    if (!inRange(j.fraction, 0, jitterMax)) errors[`jitter.${i}.fraction`] = `0 to ${jitterMax}`;
  });
  if (
    v.boundaryMode === 'auto' &&
    !inRange(v.boundaryWindowFrames, windowFramesRange.min, windowFramesRange.max, true)
  )
    errors.boundaryWindowFrames = `Enter ${windowFramesRange.min} to ${windowFramesRange.max} frames`;
  if (v.anchorBelow !== '' && !inRange(v.anchorBelow, 0, 1))
    errors.anchorBelow = 'Enter 0 to 1, or leave empty';
  return errors;
}

/**
 * The form field a server error belongs to. A contradiction names the whole gate (`qaOverrides.likeness`): it lands
 * on the side the person overrode, the soft one when both (or neither) are.
 */
export function generationFieldOf(serverField: string, v: GenerationFormValues): string | null {
  const field = formFieldOf(serverField).replace(/^generation\./, '');
  const gate = /^qaOverrides\.(\w+)(?:\.(hard|soft))?/.exec(field);
  if (gate) {
    const key = gate[1] as QaGateKey;
    if (!(qaGateKeys as readonly string[]).includes(key)) return null;
    if (gate[2]) return `overrides.${key}.${gate[2]}`;
    const o = v.overrides[key];
    return o.hard.trim() !== '' && o.soft.trim() === '' ? `overrides.${key}.hard` : `overrides.${key}.soft`;
  }
  const jitter = /^retryPolicy\.jitter\.(\w+)/.exec(field);
  if (jitter) {
    const i = v.jitter.findIndex((j) => j.slot.trim() === jitter[1]);
    return i >= 0 ? `jitter.${i}.fraction` : null;
  }
  const direct: Record<string, string> = {
    qaProfile: 'qaProfile',
    'retryPolicy.enabled': 'retryEnabled',
    'retryPolicy.maxAttempts': 'maxAttempts',
    boundaryMode: 'boundaryMode',
    boundaryWindowFrames: 'boundaryWindowFrames',
    anchorBelow: 'anchorBelow',
    colourMatch: 'colourMatch',
  };
  return direct[field] ?? null;
}

/** Server field errors onto the form; false when none of them names a field of it. */
export function applyGenerationErrors(
  form: { setErrors: (e: Record<string, string>) => void },
  error: unknown,
  values: GenerationFormValues,
): boolean {
  if (!isApiError(error)) return false;
  const errors: Record<string, string> = {};
  for (const fe of error.fieldErrors) {
    const field = generationFieldOf(fe.field, values);
    if (!field) continue;
    const message = fe.message.charAt(0).toUpperCase() + fe.message.slice(1);
    errors[field] = errors[field] ? `${errors[field]}; ${fe.message}` : message;
  }
  if (Object.keys(errors).length === 0) return false;
  form.setErrors(errors);
  return true;
}

/** "fails below 0.55", "flags above 0.1", "never fails". */
export function ruleText(key: QaGateKey, side: 'hard' | 'soft', value: number | null): string {
  const verb = side === 'hard' ? 'fails' : 'flags';
  if (value === null) return `never ${verb}`;
  return `${verb} ${gateDirection[key] === 'min' ? 'below' : 'above'} ${value}`;
}
