// Whether the resolved ffmpeg build has a filter (the npm builds lack xfade, for one).
import { runFfmpeg } from './run.js';

let filters: Promise<Set<string>> | null = null;

/** Pure: filter names from `ffmpeg -filters` output. */
export function parseFilters(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const m = /^\s*[.TSC|]{2,3}\s+(\S+)\s+\S+->\S+/.exec(line);
    if (m) names.add(m[1]!);
  }
  return names;
}

/** True when the ffmpeg build has filter `name`; the list is read once per process. */
export async function hasFilter(name: string): Promise<boolean> {
  filters ??= runFfmpeg(['-filters']).then((r) => parseFilters(r.stdout.toString('utf8')));
  try {
    return (await filters).has(name);
  } catch (err) {
    filters = null;
    throw err;
  }
}
