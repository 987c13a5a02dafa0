// Prompt templates of scene types (PRD-023 §1.3): the clip position of a segment, the fallback between position
// prompts, and placeholder filling from character data with a report of what could not be resolved.

export const clipPositions = ['full_clip', 'start_clip', 'continuation_clip'] as const;
export type ClipPosition = (typeof clipPositions)[number];

export interface PromptText {
  positive: string;
  negative: string;
}

export type PromptTemplates = Partial<Record<ClipPosition, PromptText>>;

/** The only segment is a full clip; in a chain the first is the start and every later one a continuation. */
export function clipPositionOf(segmentIndex: number, segmentCount: number): ClipPosition {
  if (
    !Number.isInteger(segmentIndex) ||
    !Number.isInteger(segmentCount) ||
    segmentIndex < 1 ||
    segmentIndex > segmentCount
  ) {
    throw new RangeError(`segment ${segmentIndex} of ${segmentCount} is not a position in a chain`);
  }
  if (segmentCount === 1) return 'full_clip';
  return segmentIndex === 1 ? 'start_clip' : 'continuation_clip';
}

// `full_clip` serves every position when it is the only prompt; the specific prompts override it where present.
// When `full_clip` itself is missing, the start prompt is the closest stand-in.
const fallbacks: Record<ClipPosition, ClipPosition[]> = {
  full_clip: ['full_clip', 'start_clip'],
  start_clip: ['start_clip', 'full_clip'],
  continuation_clip: ['continuation_clip', 'full_clip', 'start_clip'],
};

const isDefined = (p: PromptText | undefined): p is PromptText =>
  p !== undefined && (p.positive.trim() !== '' || p.negative.trim() !== '');

/** Picks the prompt for a position, following the documented fallback; `source` says which one was used. */
export function selectPrompt(
  templates: PromptTemplates,
  position: ClipPosition,
): { source: ClipPosition; prompt: PromptText } | null {
  for (const candidate of fallbacks[position]) {
    const prompt = templates[candidate];
    if (isDefined(prompt)) return { source: candidate, prompt };
  }
  return null;
}

export interface PlaceholderContext {
  characterName: string;
  metadata: Record<string, unknown>;
}

export interface RenderedTemplate {
  text: string;
  /** Placeholders left in the text because the character has no value for them. */
  unresolved: string[];
}

const placeholder = /\{\{|\}\}|\{([A-Za-z_][\w]*(?:\.[\w]+)*)\}/g;

function lookup(path: string, ctx: PlaceholderContext): string | undefined {
  if (path === 'character_name') return ctx.characterName;
  const parts = path.startsWith('metadata.') ? path.slice('metadata.'.length).split('.') : path.split('.');
  let value: unknown = ctx.metadata;
  for (const part of parts) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) return value.map(String).join(', ');
  return typeof value === 'object' ? undefined : String(value);
}

/**
 * Fills `{character_name}`, `{metadata.field}` (nested with dots) and the short form `{field}` for a top-level
 * metadata field. `{{` and `}}` write literal braces. Unresolvable placeholders stay in the text and are reported.
 */
export function renderTemplate(template: string, ctx: PlaceholderContext): RenderedTemplate {
  const unresolved = new Set<string>();
  const text = template.replace(placeholder, (match, path: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const value = lookup(path!, ctx);
    if (value === undefined) {
      unresolved.add(path!);
      return match;
    }
    return value;
  });
  return { text, unresolved: [...unresolved] };
}

/** Every placeholder a template uses, for validation when a scene type is saved. */
export function placeholdersIn(template: string): string[] {
  const found = new Set<string>();
  for (const m of template.matchAll(placeholder)) if (m[1]) found.add(m[1]);
  return [...found];
}
