// Graph helpers on API-format workflows: link detection and cycle search.
import type { ApiLink, ApiWorkflow } from '../types.js';

/** An input value that is a link `[node_id, output_index]`. */
export function isLink(v: unknown): v is ApiLink {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && Number.isInteger(v[1]);
}

/** Node ids of one dependency cycle, or null when the graph is acyclic (links to missing nodes are ignored). */
export function findCycle(workflow: ApiWorkflow): string[] | null {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 1);
    stack.push(id);
    for (const v of Object.values(workflow[id]?.inputs ?? {})) {
      if (!isLink(v) || !workflow[v[0]]) continue;
      const s = state.get(v[0]);
      if (s === 1) return [...stack.slice(stack.indexOf(v[0])), v[0]];
      if (!s) {
        const found = visit(v[0]);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 2);
    return null;
  };
  for (const id of Object.keys(workflow)) {
    if (!state.has(id)) {
      const found = visit(id);
      if (found) return found;
    }
  }
  return null;
}

/** Consumers of each node: node id → [{nodeId, input}] fed by it. */
export function consumers(
  workflow: ApiWorkflow,
): Map<string, { nodeId: string; input: string; slot: number }[]> {
  const out = new Map<string, { nodeId: string; input: string; slot: number }[]>();
  for (const [id, node] of Object.entries(workflow)) {
    for (const [input, v] of Object.entries(node.inputs)) {
      if (!isLink(v)) continue;
      const list = out.get(v[0]) ?? [];
      list.push({ nodeId: id, input, slot: v[1] });
      out.set(v[0], list);
    }
  }
  return out;
}
