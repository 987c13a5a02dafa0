/** "1 character", "3 characters": a number with its noun (plural with a trailing s unless given). */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? noun : plural}`;
}
