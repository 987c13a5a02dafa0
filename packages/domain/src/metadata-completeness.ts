// How complete a character's delivery metadata is against the project's JSON Schema (PRD-066): the share of the
// schema's top-level fields that have a value.

export interface MetadataSchemaShape {
  properties?: Record<string, unknown>;
}

export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value as object).length > 0;
  return true;
}

/** Percentage 0–100 (rounded down, so 100 means every field is filled); null when the schema names no fields. */
export function metadataCompleteness(
  schema: MetadataSchemaShape | null,
  metadata: Record<string, unknown>,
): number | null {
  const fields = Object.keys(schema?.properties ?? {});
  if (fields.length === 0) return null;
  const filled = fields.filter((f) => isFilled(metadata[f])).length;
  return Math.floor((filled / fields.length) * 100);
}
