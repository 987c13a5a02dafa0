// @mentions in a note's body (PRD-038/095): `@Display Name` names an active user by display name, matched whole and
// without regard to case; the longest name wins where names share a beginning ("@Ann Lee" over "@Ann").

export interface Mentionable {
  id: number;
  displayName: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The users named by `@Display Name` in `body`. */
export function parseMentions<T extends Mentionable>(body: string, people: readonly T[]): T[] {
  const found: T[] = [];
  // blank out each match so a shorter name cannot match inside a longer one
  let rest = body;
  const byLength = [...people]
    .filter((p) => p.displayName.trim())
    .sort((a, b) => b.displayName.length - a.displayName.length);
  for (const person of byLength) {
    const pattern = new RegExp(
      `(^|[^\\p{L}\\p{N}_@])@${escapeRegExp(person.displayName)}(?![\\p{L}\\p{N}_])`,
      'giu',
    );
    if (pattern.test(rest)) {
      found.push(person);
      rest = rest.replace(pattern, (_m, lead: string) => `${lead} `);
    }
  }
  return found;
}
