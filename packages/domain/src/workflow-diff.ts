// Workflow version diff and production readiness (PRD-075): pure rules over API-format graphs.
import { canonicalJson } from './audit-chain.js';

/** The part of an API-format node the diff looks at. */
export interface DiffNode {
  class_type: string;
  inputs: Record<string, unknown>;
  _meta?: { title?: string } | undefined;
}
export type DiffGraph = Record<string, DiffNode>;

export interface InputChange {
  input: string;
  /** `undefined` (omitted in JSON) when the input was added. */
  from?: unknown;
  /** `undefined` (omitted in JSON) when the input was removed. */
  to?: unknown;
}

export interface NodeChange {
  nodeId: string;
  classType: string;
  /** Set when the node's class changed (`from` is the old class). */
  classChanged: { from: string; to: string } | null;
  inputs: InputChange[];
}

export interface WorkflowDiff {
  added: { nodeId: string; classType: string }[];
  removed: { nodeId: string; classType: string }[];
  changed: NodeChange[];
  /** Whether the two graphs are the same (titles aside). */
  identical: boolean;
}

const byNodeId = (a: string, b: string) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);

/** What changed from `before` to `after`, node by node (matched by node id). */
export function diffWorkflows(before: DiffGraph, after: DiffGraph): WorkflowDiff {
  const added: WorkflowDiff['added'] = [];
  const removed: WorkflowDiff['removed'] = [];
  const changed: NodeChange[] = [];
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(byNodeId);
  for (const nodeId of ids) {
    const a = before[nodeId];
    const b = after[nodeId];
    if (!a && b) {
      added.push({ nodeId, classType: b.class_type });
      continue;
    }
    if (a && !b) {
      removed.push({ nodeId, classType: a.class_type });
      continue;
    }
    if (!a || !b) continue;
    const inputs: InputChange[] = [];
    const names = [...new Set([...Object.keys(a.inputs ?? {}), ...Object.keys(b.inputs ?? {})])].sort();
    for (const input of names) {
      const from = a.inputs?.[input];
      const to = b.inputs?.[input];
      if (canonicalJson(from) === canonicalJson(to) && (from === undefined) === (to === undefined)) continue;
      const change: InputChange = { input };
      if (from !== undefined) change.from = from;
      if (to !== undefined) change.to = to;
      inputs.push(change);
    }
    const classChanged = a.class_type === b.class_type ? null : { from: a.class_type, to: b.class_type };
    if (classChanged || inputs.length > 0) {
      changed.push({ nodeId, classType: b.class_type, classChanged, inputs });
    }
  }
  return {
    added,
    removed,
    changed,
    identical: added.length === 0 && removed.length === 0 && changed.length === 0,
  };
}

/** A version is production ready once it validated on at least one worker and its last dry run passed. */
export function isProductionReady(
  validation: Record<string, { ok: boolean }>,
  dryRun: { ok: boolean } | null | undefined,
): boolean {
  return Object.values(validation).some((v) => v.ok) && dryRun?.ok === true;
}
