// Issue 3/6 target: importing a 300-node UI-format workflow (conversion to API format with the catalogue) and
// validating it, through the HTTP API, in < 50 ms. The workflow is the image-to-video example repeated 30 times.
import fs from 'node:fs';
import path from 'node:path';

interface UiNode {
  id: number;
  inputs?: { link: number | null }[];
  outputs?: { links: number[] | null }[];
  [key: string]: unknown;
}

/** The UI example repeated `copies` times with node and link ids shifted, as one graph. */
export function repeatedUiWorkflow(copies: number, seed: number): Record<string, unknown> {
  const file = path.resolve(import.meta.dirname, '../examples/workflows/i2v.ui.json');
  const ui = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: UiNode[]; links: number[][] };
  const nodes: UiNode[] = [];
  const links: unknown[] = [];
  for (let k = 0; k < copies; k++) {
    const shift = k * 1000;
    for (const n of structuredClone(ui.nodes)) {
      n.id += shift;
      for (const i of n.inputs ?? []) if (i.link !== null) i.link += shift;
      for (const o of n.outputs ?? []) if (o.links) o.links = o.links.map((l) => l + shift);
      if (n.type === 'KSampler') (n.widgets_values as unknown[])[0] = seed * 1000 + k;
      nodes.push(n);
    }
    for (const l of ui.links) {
      const [id, from, fromSlot, to, toSlot, type] = l as [number, number, number, number, number, string];
      links.push([id + shift, from + shift, fromSlot, to + shift, toSlot, type]);
    }
  }
  return { ...ui, nodes, links, last_node_id: copies * 1000, last_link_id: copies * 1000 };
}

/** Median and p95 of import + validate over HTTP. */
export async function benchWorkflowImport(base: string, token: string, runs = 20) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const times: number[] = [];
  let nodes = 0;
  for (let i = 0; i < runs + 5; i++) {
    const content = repeatedUiWorkflow(30, i + 1);
    const t = performance.now();
    const imported = await fetch(`${base}/api/v1/workflows`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: `Bench ${i} ${Date.now()}`, content }),
    });
    if (imported.status !== 201)
      throw new Error(`import answered ${imported.status}: ${await imported.text()}`);
    const { version } = (await imported.json()) as { version: { id: string; nodeCount: number } };
    const validated = await fetch(`${base}/api/v1/workflow-versions/${version.id}/validate`, {
      method: 'POST',
      headers,
      body: '{}',
    });
    if (validated.status !== 200) throw new Error(`validate answered ${validated.status}`);
    const ok = ((await validated.json()) as { validation: { ok: boolean }[] }).validation.every((v) => v.ok);
    if (!ok) throw new Error('the generated workflow did not validate');
    if (i >= 5) times.push(performance.now() - t); // the first runs warm the JIT
    nodes = version.nodeCount;
  }
  times.sort((a, b) => a - b);
  return {
    nodes,
    median: times[Math.floor(times.length / 2)]!,
    p95: times[Math.floor(times.length * 0.95)]!,
  };
}
