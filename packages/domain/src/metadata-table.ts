// Character metadata as a table (PRD-066 §1.4): the fields a project's JSON Schema declares, cells of a CSV turned
// into typed values, and what applying a row would change. Pure; the server parses the CSV text and validates the
// merged metadata against the schema.

export type MetadataFieldType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'any';

export interface MetadataField {
  key: string;
  type: MetadataFieldType;
  title?: string;
  description?: string;
  required: boolean;
  /** Allowed values (single-select; for arrays, the allowed items: multi-select). */
  options?: (string | number)[];
  /** JSON Schema `format` of strings, e.g. `date`. */
  format?: string;
  minimum?: number;
  maximum?: number;
}

interface SchemaNode {
  type?: unknown;
  title?: unknown;
  description?: unknown;
  enum?: unknown;
  format?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  items?: SchemaNode;
}

const typeOf = (node: SchemaNode): MetadataFieldType => {
  const t = Array.isArray(node.type) ? node.type.find((x) => x !== 'null') : node.type;
  if (typeof t === 'string' && ['string', 'number', 'integer', 'boolean', 'array', 'object'].includes(t)) {
    return t as MetadataFieldType;
  }
  if (Array.isArray(node.enum)) {
    return node.enum.every((v) => typeof v === 'number') ? 'number' : 'string';
  }
  return 'any';
};

const optionsOf = (node: SchemaNode | undefined) =>
  Array.isArray(node?.enum)
    ? (node.enum.filter((v) => typeof v === 'string' || typeof v === 'number') as (string | number)[])
    : undefined;

/** The top-level fields of a metadata schema, in the schema's order. */
export function metadataFieldsOf(schema: Record<string, unknown> | null): MetadataField[] {
  const properties = (schema?.properties ?? {}) as Record<string, SchemaNode>;
  const required = new Set(Array.isArray(schema?.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).map(([key, node]) => {
    const type = typeOf(node ?? {});
    const field: MetadataField = { key, type, required: required.has(key) };
    if (typeof node?.title === 'string') field.title = node.title;
    if (typeof node?.description === 'string') field.description = node.description;
    const options = type === 'array' ? optionsOf(node?.items) : optionsOf(node);
    if (options) field.options = options;
    if (typeof node?.format === 'string') field.format = node.format;
    if (typeof node?.minimum === 'number') field.minimum = node.minimum;
    if (typeof node?.maximum === 'number') field.maximum = node.maximum;
    return field;
  });
}

/** A value as one CSV cell: text as is, numbers and booleans as written, lists joined by `; `, the rest as JSON. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' && !v.includes(';'))) {
    return value.join('; ');
  }
  return JSON.stringify(value);
}

export type CellResult = { value: unknown } | { clear: true } | { error: string };

/** Reads one CSV cell as the field's type; an empty cell clears the field. */
export function parseCell(raw: string, field: MetadataField | undefined): CellResult {
  const text = raw.trim();
  if (text === '') return { clear: true };
  const type = field?.type ?? 'any';
  switch (type) {
    case 'string':
      return { value: raw };
    case 'number':
    case 'integer': {
      const n = Number(text);
      if (!Number.isFinite(n)) return { error: `"${text}" is not a number` };
      if (type === 'integer' && !Number.isInteger(n)) return { error: `"${text}" is not a whole number` };
      return { value: n };
    }
    case 'boolean': {
      const t = text.toLowerCase();
      if (['true', 'yes', '1'].includes(t)) return { value: true };
      if (['false', 'no', '0'].includes(t)) return { value: false };
      return { error: `"${text}" is not true or false` };
    }
    case 'array':
      if (text.startsWith('[')) return parseJsonCell(text, 'a JSON list');
      return {
        value: text
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case 'object':
      return parseJsonCell(text, 'a JSON object');
    default:
      // no schema type: numbers, booleans and JSON stay typed, anything else is text
      if (/^-?\d+(\.\d+)?$/.test(text)) return { value: Number(text) };
      if (text === 'true' || text === 'false') return { value: text === 'true' };
      if (text.startsWith('{') || text.startsWith('[')) {
        const parsed = parseJsonCell(text, 'JSON');
        return 'error' in parsed ? { value: raw } : parsed;
      }
      return { value: raw };
  }
}

function parseJsonCell(text: string, what: string): CellResult {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { error: `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}" is not ${what}` };
  }
}

export interface TableProblem {
  /** 1-based line of the file (the header is line 1); absent for problems of the whole file. */
  line?: number;
  column?: string;
  message: string;
}

export interface MetadataRow {
  line: number;
  name: string;
  /** Fields to set; `undefined` clears the field. */
  values: Record<string, unknown>;
  problems: string[];
}

export const nameColumn = 'name';

/**
 * Turns a parsed CSV (header + rows) into metadata rows. Problems of the file (no `name` column, unknown or repeated
 * columns, a name twice) are returned apart: they refuse the whole import.
 */
export function readMetadataTable(
  header: string[],
  rows: string[][],
  fields: MetadataField[] | null,
): { rows: MetadataRow[]; problems: TableProblem[] } {
  const problems: TableProblem[] = [];
  const columns = header.map((h) => h.trim());
  if (!columns.includes(nameColumn)) {
    problems.push({ line: 1, message: `the header has no "${nameColumn}" column naming the character` });
  }
  const byKey = new Map((fields ?? []).map((f) => [f.key, f]));
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    if (c === '') problems.push({ line: 1, message: `column ${i + 1} has no name` });
    else if (seen.has(c)) problems.push({ line: 1, column: c, message: `the column "${c}" appears twice` });
    else if (fields && c !== nameColumn && !byKey.has(c)) {
      problems.push({
        line: 1,
        column: c,
        message: `"${c}" is not a field of the metadata schema (fields: ${[...byKey.keys()].join(', ') || 'none'})`,
      });
    }
    seen.add(c);
  });
  if (problems.length > 0) return { rows: [], problems };

  const out: MetadataRow[] = [];
  const lines = new Map<string, number>();
  rows.forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    if (cells.length !== columns.length) {
      problems.push({
        line,
        message: `line ${line} has ${cells.length} cells but the header has ${columns.length}`,
      });
      return;
    }
    const row: MetadataRow = { line, name: '', values: {}, problems: [] };
    columns.forEach((c, j) => {
      const raw = cells[j]!;
      if (c === nameColumn) {
        row.name = raw.trim();
        return;
      }
      const parsed = parseCell(raw, byKey.get(c));
      if ('error' in parsed) row.problems.push(`${c}: ${parsed.error}`);
      else row.values[c] = 'clear' in parsed ? undefined : parsed.value;
    });
    if (row.name === '') {
      problems.push({ line, column: nameColumn, message: `line ${line} has no character name` });
      return;
    }
    const earlier = lines.get(row.name.toLowerCase());
    if (earlier) {
      problems.push({
        line,
        column: nameColumn,
        message: `"${row.name}" is on line ${earlier} and again on line ${line}`,
      });
      return;
    }
    lines.set(row.name.toLowerCase(), line);
    out.push(row);
  });
  return { rows: out, problems };
}

/** The metadata after setting the row's values (an `undefined` value removes the field). */
export function applyMetadataValues(
  current: Record<string, unknown>,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const next = { ...current };
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next;
}

export interface MetadataChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** Field-level differences between two metadata objects (absent fields read as null). */
export function diffMetadata(
  current: Record<string, unknown>,
  next: Record<string, unknown>,
): MetadataChange[] {
  const keys = [...new Set([...Object.keys(current), ...Object.keys(next)])];
  return keys
    .filter((k) => JSON.stringify(current[k] ?? null) !== JSON.stringify(next[k] ?? null))
    .map((k) => ({ field: k, from: current[k] ?? null, to: next[k] ?? null }));
}

/** Columns of an export: the schema's fields first, then every other key the characters use, sorted. */
export function exportColumns(fields: MetadataField[], metadata: Record<string, unknown>[]): string[] {
  const known = fields.map((f) => f.key);
  const extra = new Set<string>();
  for (const m of metadata) for (const k of Object.keys(m)) if (!known.includes(k)) extra.add(k);
  return [...known, ...[...extra].sort()];
}
