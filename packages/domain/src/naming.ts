// Delivered scene video file names: `{prefix_}{content}{_transition}{_index}.mp4` (PRD-001 §1.6, PRD-039 §1.2).
//
// Variant prefixes and transition suffixes are studio data, so the spec's examples (`bj.mp4`,
// `topless_bj.mp4`, `boobs_clothes_off.mp4`, `topless_feet_2.mp4`) come out exactly when the rows
// hold the spec's names, and neutral names (`formal_walk.mp4`, `walk_to_formal.mp4`) otherwise.

export type NamingErrorCode =
  | 'naming.empty_content'
  | 'naming.invalid_prefix'
  | 'naming.invalid_transition'
  | 'naming.reserved_name'
  | 'naming.too_long'
  | 'naming.duplicate_key'
  | 'naming.invalid_order';

export class NamingError extends Error {
  override readonly name = 'NamingError';
  constructor(
    readonly code: NamingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const sceneVideoExtension = '.mp4';
/** Most file systems cap a name at 255 bytes; our names are ASCII, so characters = bytes. */
export const maxSceneVideoFileNameLength = 255;

// Letters NFKD does not decompose; without these "Straße" would become `stra_e`.
const latinFolds: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

/**
 * Lower-case snake_case made only of `[a-z0-9_]`: diacritics stripped, every run of other characters
 * one `_`, no leading or trailing `_`. Returns '' when nothing usable is left (e.g. a name in a
 * non-Latin script); callers decide whether that is an error.
 */
export function toSnakeCase(name: string): string {
  return (
    name
      // Lower-case before NFKD: 'İ'.toLowerCase() yields 'i' plus a combining dot that must be stripped too.
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/\P{ASCII}/gu, (letter) => latinFolds[letter] ?? letter)
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
  );
}

export interface SceneVideoNameInput {
  sceneTypeName: string;
  /** File-name prefix of the scene's image variant type; null or '' for the default type. */
  variantPrefix: string | null;
  /** Present only for transition scenes: the suffix configured on the scene type's transition. */
  transitionSuffix?: string | null;
}

// Windows refuses these as file names even with an extension; a delivery ZIP may be unpacked there.
const reservedBaseNames = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

/**
 * The file name of a scene video without index or extension.
 *
 * For a transition scene `variantPrefix` must be the prefix of the variant the scene STARTS from:
 * the spec's `boobs_clothes_off.mp4` starts clothed (the default, no prefix) and turns topless, and
 * the suffix alone says where it ends. So a `casual` → `formal` transition of `walk` is `walk_to_formal`.
 */
export function sceneVideoBaseName(input: SceneVideoNameInput): string {
  const content = toSnakeCase(input.sceneTypeName);
  if (content === '') {
    throw new NamingError(
      'naming.empty_content',
      `Scene type name "${input.sceneTypeName}" has no letters or digits to name a file with`,
    );
  }
  const parts = [content];
  // null and '' both mean the default variant type; anything else must survive normalisation.
  if (input.variantPrefix !== null && input.variantPrefix !== '') {
    const prefix = toSnakeCase(input.variantPrefix);
    if (prefix === '') {
      throw new NamingError('naming.invalid_prefix', `Variant prefix "${input.variantPrefix}" is unusable`);
    }
    parts.unshift(prefix);
  }
  // A transition scene needs its suffix: without one it would pass for a plain scene of its start variant.
  if (input.transitionSuffix !== undefined && input.transitionSuffix !== null) {
    const suffix = toSnakeCase(input.transitionSuffix);
    if (suffix === '') {
      throw new NamingError(
        'naming.invalid_transition',
        `Transition suffix "${input.transitionSuffix}" is unusable`,
      );
    }
    parts.push(suffix);
  }
  const base = parts.join('_');
  if (reservedBaseNames.test(base)) {
    throw new NamingError('naming.reserved_name', `"${base}" is a reserved file name on Windows`);
  }
  assertFits(base);
  return base;
}

export interface SceneVideoToName extends SceneVideoNameInput {
  /** Stable identity of the scene video (e.g. its public id); the tie-breaker after `order`. */
  key: string;
  /** Position in the character's delivery; the earliest video of a content keeps the bare name. */
  order: number;
}

/**
 * Final `*.mp4` names for every scene video of one character's delivery folder, keyed by `key`.
 *
 * Indexes follow the issue, not PRD-001's `_1, _2`: the first video of a content has no index,
 * later ones get `_2`, `_3`, … in (`order`, `key`) order, so the result never depends on input order.
 * Every bare base name is reserved before any index is handed out, and an index skips names already
 * taken: with two `walk` videos and a scene type literally called "walk 2", "walk 2" keeps
 * `walk_2.mp4` and the second `walk` becomes `walk_3.mp4`.
 */
export function nameSceneVideos(scenes: readonly SceneVideoToName[]): Map<string, string> {
  const seenKeys = new Set<string>();
  for (const scene of scenes) {
    if (seenKeys.has(scene.key)) {
      throw new NamingError('naming.duplicate_key', `Scene video key "${scene.key}" appears twice`);
    }
    seenKeys.add(scene.key);
    if (!Number.isFinite(scene.order)) {
      throw new NamingError('naming.invalid_order', `Scene video "${scene.key}" has no usable order`);
    }
  }
  const sorted = [...scenes].sort(
    // Plain code-unit comparison, not localeCompare: the result must not change with the server's locale.
    (a, b) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const bases = new Map(sorted.map((scene) => [scene.key, sceneVideoBaseName(scene)]));

  const taken = new Set<string>();
  const names = new Map<string, string>();
  const needIndex: SceneVideoToName[] = [];
  for (const scene of sorted) {
    const base = bases.get(scene.key)!;
    if (taken.has(base)) {
      needIndex.push(scene);
    } else {
      taken.add(base);
      names.set(scene.key, base);
    }
  }
  for (const scene of needIndex) {
    const base = bases.get(scene.key)!;
    let index = 2;
    while (taken.has(`${base}_${index}`)) index++;
    const name = `${base}_${index}`;
    assertFits(name);
    taken.add(name);
    names.set(scene.key, name);
  }

  // Keep the caller's order in the map so a listing built from it reads like the input.
  return new Map(scenes.map((scene) => [scene.key, `${names.get(scene.key)!}${sceneVideoExtension}`]));
}

function assertFits(name: string): void {
  if (name.length + sceneVideoExtension.length > maxSceneVideoFileNameLength) {
    throw new NamingError(
      'naming.too_long',
      `"${name.slice(0, 40)}…" is too long for a file name (max ${maxSceneVideoFileNameLength} characters)`,
    );
  }
}
