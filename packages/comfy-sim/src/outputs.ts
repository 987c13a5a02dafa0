// Output naming like ComfyUI's save nodes: `prefix_00001_.ext` counters per folder, a `/` in the prefix = subfolder.
import fs from 'node:fs';
import path from 'node:path';

export interface SavedName {
  subfolder: string;
  base: string;
  counter: number;
  dir: string;
}

/** Next free counter for `prefix` under `root` (the highest existing + 1, as ComfyUI scans the folder). */
export function nextOutputName(root: string, prefix: string): SavedName {
  const clean = prefix.replace(/\\/g, '/').replace(/^\/+/, '');
  const subfolder = path.posix.dirname(clean) === '.' ? '' : path.posix.dirname(clean);
  const base = path.posix.basename(clean) || 'ComfyUI';
  if (subfolder.split('/').includes('..'))
    throw new Error('Saving outside the output folder is not allowed.');
  const dir = path.join(root, subfolder);
  fs.mkdirSync(dir, { recursive: true });
  const re = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_(\\d{5})`);
  let max = 0;
  for (const f of fs.readdirSync(dir)) {
    const m = re.exec(f);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return { subfolder, base, counter: max + 1, dir };
}

export const pad5 = (n: number) => String(n).padStart(5, '0');
