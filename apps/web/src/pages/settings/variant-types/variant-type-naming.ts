// Slugs and file prefixes of image variant types, and the delivered file names they lead to (PRD-001 §1.6).
import { sceneVideoBaseName, sceneVideoExtension, toSnakeCase } from '@i2v/domain';

/** The contracts' slug rule: lowercase letters and digits in words joined by single underscores. */
export const slugPattern = /^[a-z0-9]+(_[a-z0-9]+)*$/;
export const slugMaxLength = 40;
export const nameMaxLength = 80;

/** A slug suggested from a name: "Formal wear" → `formal_wear`. */
export function suggestSlug(name: string): string {
  return toSnakeCase(name).slice(0, slugMaxLength).replace(/_+$/, '');
}

export function validateSlug(value: string, what = 'slug'): string | null {
  const slug = value.trim();
  if (!slug) return `Enter a ${what}`;
  if (slug.length > slugMaxLength) return `Use at most ${slugMaxLength} characters`;
  return slugPattern.test(slug)
    ? null
    : 'Use lowercase letters and digits, words joined by single underscores';
}

/** The scene type used in examples; `walk` reads naturally with any prefix. */
export const exampleSceneType = 'walk';

/** How a scene video of the example scene type made from this variant type is named, e.g. `formal_walk.mp4`. */
export function exampleFileName(filePrefix: string): string | null {
  try {
    return `${sceneVideoBaseName({ sceneTypeName: exampleSceneType, variantPrefix: filePrefix })}${sceneVideoExtension}`;
  } catch {
    return null;
  }
}
