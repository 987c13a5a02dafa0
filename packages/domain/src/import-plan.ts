// Folder-to-character onboarding (PRD-016/067): how the files of an uploaded folder or ZIP map to characters, and
// what importing them would do to a project. Pure: the server feeds in paths, decoded-image facts and the project's
// existing characters; the result is the preview a person approves before anything is written.
//
// Layout (case-insensitive):
//   <Character name>/source.png             the source image (also `source_*`, or a file named after the character)
//   <Character name>/<variant>.png          an image variant; <variant> is a variant type's slug, name or file prefix
//   <Character name>/<variant>/<any>.png    the same, one folder per variant type (also `source/`)
//   <Character name>/metadata.json          the character's delivery metadata
// A single folder wrapping all of them (a zipped "onboarding/" folder) is looked through.

export const importImageExtensions = [
  'png',
  'jpg',
  'jpeg',
  'webp',
  'gif',
  'bmp',
  'tif',
  'tiff',
  'heic',
  'heif',
  'avif',
] as const;

const maxNameLength = 120;

export type SafePath = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Normalises a path from a folder upload or a ZIP entry to `a/b/c`, refusing what could escape the import: absolute
 * paths, drive letters, `..` segments, NUL bytes.
 */
export function normaliseImportPath(raw: string): SafePath {
  if (raw.includes('\0')) return { ok: false, reason: 'contains a NUL byte' };
  const slashed = raw.replace(/\\/g, '/');
  if (slashed.startsWith('/')) return { ok: false, reason: 'is an absolute path' };
  if (/^[a-zA-Z]:/.test(slashed)) return { ok: false, reason: 'starts with a drive letter' };
  const segments = slashed.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return { ok: false, reason: 'climbs out of the folder with ..' };
  if (segments.length === 0) return { ok: false, reason: 'is empty' };
  return { ok: true, path: segments.join('/') };
}

/** Operating-system litter that is skipped without a word. */
export function isSystemLitter(path: string): boolean {
  return path
    .split('/')
    .some(
      (s) =>
        s.startsWith('.') ||
        s === '__MACOSX' ||
        s.toLowerCase() === 'thumbs.db' ||
        s.toLowerCase() === 'desktop.ini',
    );
}

export interface ImportVariantType {
  slug: string;
  name: string;
  filePrefix: string;
}

export type ImportFileRole = 'source' | 'variant' | 'metadata' | 'ignored';

export interface MappedFile {
  path: string;
  size: number;
  role: ImportFileRole;
  variantTypeSlug?: string;
  /** Why a file is ignored. */
  note?: string;
}

export interface MappedEntry {
  /** Path of the character's folder inside the upload; the entry's identity. */
  folder: string;
  /** Character name derived from the folder. */
  name: string;
  files: MappedFile[];
  problems: string[];
}

export interface ImportMapping {
  /** The wrapping folder that was looked through, if any. */
  root: string | null;
  entries: MappedEntry[];
  /** Files outside any character folder, ignored. */
  loose: MappedFile[];
}

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};
const stemOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).toLowerCase();
};
export const isImportImage = (name: string) =>
  (importImageExtensions as readonly string[]).includes(extensionOf(name));

/** The variant type a file stem or folder name stands for: its slug, name or prefix, alone or before `_`/`-`/space. */
function variantFor(word: string, types: ImportVariantType[], allowSuffix: boolean): string | undefined {
  const w = word.toLowerCase();
  for (const t of types) {
    const keys = [t.slug, t.name.toLowerCase(), t.filePrefix].filter((k) => k !== '');
    for (const key of keys) {
      if (w === key) return t.slug;
      if (allowSuffix && [`${key}_`, `${key}-`, `${key} `].some((p) => w.startsWith(p))) return t.slug;
    }
  }
  return undefined;
}

const isSourceStem = (stem: string, characterName: string) =>
  stem === 'source' ||
  /^source[_\- ]/.test(stem) ||
  stem === characterName.toLowerCase() ||
  stem.startsWith(`${characterName.toLowerCase()}_`);

/** Maps the uploaded files to one entry per character folder. Paths must already be normalised. */
export function mapImportTree(
  files: { path: string; size: number }[],
  variantTypes: ImportVariantType[],
): ImportMapping {
  const kept = files.filter((f) => !isSystemLitter(f.path));
  const root = wrappingFolder(kept.map((f) => f.path));
  const byFolder = new Map<string, MappedFile[]>();
  const loose: MappedFile[] = [];
  for (const f of kept) {
    const rel = root ? f.path.slice(root.length + 1) : f.path;
    const parts = rel.split('/');
    if (parts.length < 2) {
      loose.push({
        path: f.path,
        size: f.size,
        role: 'ignored',
        note: 'is not inside a character folder',
      });
      continue;
    }
    const folder = root ? `${root}/${parts[0]}` : parts[0]!;
    const list = byFolder.get(folder) ?? [];
    list.push({ path: f.path, size: f.size, role: 'ignored' });
    byFolder.set(folder, list);
  }
  const entries = [...byFolder.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([folder, list]) => mapEntry(folder, list, variantTypes));
  return { root, entries, loose };
}

/** The folders every path is inside, while no file sits directly in them (otherwise it is a character folder). */
function wrappingFolder(paths: string[]): string | null {
  let root: string | null = null;
  let rel = paths;
  while (rel.length > 0) {
    const first = rel[0]!.split('/')[0]!;
    const allInside = rel.every((p) => p.startsWith(`${first}/`));
    const noneDirect = rel.every((p) => p.split('/').length >= 3);
    if (!allInside || !noneDirect) break;
    root = root ? `${root}/${first}` : first;
    rel = rel.map((p) => p.slice(first.length + 1));
  }
  return root;
}

function mapEntry(folder: string, files: MappedFile[], types: ImportVariantType[]): MappedEntry {
  const name = folder.split('/').pop()!.trim().slice(0, maxNameLength);
  const problems: string[] = [];
  const unmatched: MappedFile[] = [];
  const known = types.map((t) => t.slug).join(', ');
  for (const f of files) {
    const parts = f.path.slice(folder.length + 1).split('/');
    const fileName = parts[parts.length - 1]!;
    if (parts.length > 2) {
      f.note = 'is nested too deep; put images directly in the character folder or one variant folder';
      continue;
    }
    if (parts.length === 2) {
      const sub = parts[0]!;
      if (!isImportImage(fileName)) {
        f.note = 'is not an image';
        continue;
      }
      if (sub.toLowerCase() === 'source') {
        f.role = 'source';
        continue;
      }
      const slug = variantFor(sub, types, false);
      if (slug) {
        f.role = 'variant';
        f.variantTypeSlug = slug;
      } else {
        f.note = `is in folder "${sub}", which is not an image variant type (known: ${known})`;
      }
      continue;
    }
    if (fileName.toLowerCase() === 'metadata.json') {
      f.role = 'metadata';
      continue;
    }
    if (!isImportImage(fileName)) {
      f.note = 'is not an image or metadata.json';
      continue;
    }
    const stem = stemOf(fileName);
    if (isSourceStem(stem, name)) {
      f.role = 'source';
      continue;
    }
    const slug = variantFor(stem, types, true);
    if (slug) {
      f.role = 'variant';
      f.variantTypeSlug = slug;
      continue;
    }
    unmatched.push(f);
  }
  const sources = files.filter((f) => f.role === 'source');
  if (sources.length === 0 && unmatched.length === 1) {
    unmatched[0]!.role = 'source';
  } else {
    for (const f of unmatched) {
      f.note = `is not named source.* or after an image variant type (known: ${known})`;
    }
  }
  if (sources.length > 1) {
    problems.push(
      `several images could be the source image (${sources.map((s) => s.path).join(', ')}); keep one named source.*`,
    );
  }
  if (name === '') problems.push('the folder name is empty, so the character has no name');
  return { folder, name, files, problems };
}

// ——— the plan: what importing would do ———

export type ImportAction = 'create' | 'update' | 'unchanged' | 'skip';

/** What the server learned about one mapped file by reading it. */
export interface FileFacts {
  /** Decoding or parsing failed: the reason, naming the file. */
  problem?: string;
  /** Images: hash of the bytes as uploaded. */
  sha256?: string;
  /** metadata.json: the parsed object. */
  metadata?: Record<string, unknown>;
}

export interface ExistingCharacter {
  name: string;
  /** Hashes of every image the character already has. */
  sha256s: ReadonlySet<string>;
  metadata: Record<string, unknown>;
}

export interface EntryOverride {
  name?: string;
  skip?: boolean;
}

export interface PlannedEntry {
  folder: string;
  name: string;
  action: ImportAction;
  /** The entry cannot be imported while it has errors. */
  errors: string[];
  warnings: string[];
  /** Images the import would add (not already on the character). */
  newImages: number;
  sourceImage: boolean;
  variants: Record<string, number>;
  metadataChange: boolean;
  /** Metadata as it would be after the import (existing merged with the file, the file winning). */
  metadata: Record<string, unknown> | null;
}

export interface PlanContext {
  facts: ReadonlyMap<string, FileFacts>;
  /** Live characters of the project by lower-cased name. */
  existing: ReadonlyMap<string, ExistingCharacter>;
  overrides: ReadonlyMap<string, EntryOverride>;
  /** Checks merged metadata against the project's schema; returns one message per problem. */
  checkMetadata: (metadata: Record<string, unknown>) => string[];
}

export function planImport(mapping: ImportMapping, ctx: PlanContext): PlannedEntry[] {
  const planned = mapping.entries.map((e) => planEntry(e, ctx));
  // two folders that end up with one name would merge by accident: both must be renamed or skipped
  const byName = new Map<string, PlannedEntry[]>();
  for (const p of planned) {
    if (p.action === 'skip') continue;
    const key = p.name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    for (const p of group) {
      const others = group.filter((o) => o !== p).map((o) => o.folder);
      p.errors.push(`the name "${p.name}" is also used by ${others.join(', ')}; rename or skip one of them`);
    }
  }
  return planned;
}

function planEntry(entry: MappedEntry, ctx: PlanContext): PlannedEntry {
  const override = ctx.overrides.get(entry.folder) ?? {};
  const name = (override.name ?? entry.name).trim();
  const errors = [...entry.problems];
  const warnings = entry.files
    .filter((f) => f.role === 'ignored' && f.note)
    .map((f) => `${f.path} ${f.note}; it is ignored`);
  const existing = ctx.existing.get(name.toLowerCase());
  const base: PlannedEntry = {
    folder: entry.folder,
    name,
    action: 'skip',
    errors,
    warnings,
    newImages: 0,
    sourceImage: false,
    variants: {},
    metadataChange: false,
    metadata: null,
  };
  if (override.skip) return base;
  if (name === '') errors.push('the character name is empty');
  if (name.length > maxNameLength) errors.push(`the name is longer than ${maxNameLength} characters`);

  const seen = new Set<string>();
  for (const f of entry.files) {
    if (f.role === 'ignored') continue;
    const facts = ctx.facts.get(f.path);
    if (!facts) {
      errors.push(`${f.path} was not read`);
      continue;
    }
    if (facts.problem) {
      errors.push(facts.problem);
      continue;
    }
    if (f.role === 'metadata') continue;
    const sha = facts.sha256!;
    if (seen.has(sha)) {
      warnings.push(`${f.path} is the same image as another file of this folder; it is imported once`);
      continue;
    }
    seen.add(sha);
    if (f.role === 'source') base.sourceImage = true;
    if (existing?.sha256s.has(sha)) continue;
    base.newImages += 1;
    if (f.role === 'variant') {
      const slug = f.variantTypeSlug!;
      base.variants[slug] = (base.variants[slug] ?? 0) + 1;
    }
  }
  if (!base.sourceImage && !existing) {
    warnings.push('no source image: the character cannot be generated until one is added');
  }

  const metaFile = entry.files.find((f) => f.role === 'metadata');
  const fileMetadata = metaFile ? ctx.facts.get(metaFile.path)?.metadata : undefined;
  const merged = { ...(existing?.metadata ?? {}), ...(fileMetadata ?? {}) };
  if (fileMetadata) {
    base.metadataChange = JSON.stringify(merged) !== JSON.stringify(existing?.metadata ?? {});
    for (const problem of ctx.checkMetadata(merged)) {
      errors.push(`${metaFile!.path}: ${problem}`);
    }
  }
  base.metadata = merged;
  base.action = !existing ? 'create' : base.newImages > 0 || base.metadataChange ? 'update' : 'unchanged';
  return base;
}

export interface ImportTotals {
  entries: number;
  /** create / update / unchanged / skip count the entries without errors; withErrors the others. */
  create: number;
  update: number;
  unchanged: number;
  skip: number;
  withErrors: number;
  newImages: number;
}

export function importTotals(plan: PlannedEntry[]): ImportTotals {
  const t: ImportTotals = {
    entries: plan.length,
    create: 0,
    update: 0,
    unchanged: 0,
    skip: 0,
    withErrors: 0,
    newImages: 0,
  };
  for (const p of plan) {
    // an entry with errors is not imported, so it counts only as such (unless it was skipped anyway)
    if (p.errors.length > 0 && p.action !== 'skip') {
      t.withErrors += 1;
      continue;
    }
    t[p.action] += 1;
    if (p.action === 'create' || p.action === 'update') t.newImages += p.newImages;
  }
  return t;
}
