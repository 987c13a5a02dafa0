/** Escapes `%`, `_` and `\` so user text in a LIKE pattern matches literally. */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
