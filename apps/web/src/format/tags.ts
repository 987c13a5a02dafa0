// Tags as the server takes them (PRD-047): lower-case letters, digits, `-` and `_`, optionally `namespace:value`.
const tagPattern = /^[a-z0-9][a-z0-9_-]*(:[a-z0-9][a-z0-9_-]*)?$/;

/** The typed values trimmed, lower-cased and de-duplicated, and the first one that is not a valid tag, if any. */
export function normaliseTags(values: string[]): { tags: string[]; bad: string | null } {
  const tags = [...new Set(values.map((v) => v.trim().toLowerCase()).filter(Boolean))];
  return { tags, bad: tags.find((t) => !tagPattern.test(t) || t.length > 60) ?? null };
}

export const badTagError = (tag: string) =>
  new Error(`"${tag}": use letters, digits, hyphens or underscores, optionally as namespace:value`);
