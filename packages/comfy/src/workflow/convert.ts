// UI-format → API-format conversion, following the frontend's graphToPrompt rules (see comfyui-protocol.md §4.3).
import { ComfyError, type WorkflowProblem } from '../errors.js';
import type { ApiWorkflow, ObjectInfo } from '../types.js';
import { isWidget, orderedInputs, specOptions, typesCompatible } from './catalogue.js';
import { findCycle } from './graph.js';
import type { UiLinkArray, UiLinkObject, UiNode, UiWorkflow } from './ui-types.js';

const VIRTUAL = new Set(['PrimitiveNode', 'Reroute', 'Note', 'MarkdownNote']);
const CONTROL_VALUES = new Set(['fixed', 'increment', 'decrement', 'randomize']);
const MUTED = 2;
const BYPASSED = 4;

interface Link {
  id: number;
  originId: string;
  originSlot: number;
  targetId: string;
  targetSlot: number;
  type: string;
}

export interface Conversion {
  workflow: ApiWorkflow;
  warnings: WorkflowProblem[];
}

function readLinks(ui: UiWorkflow): Map<number, Link> {
  const links = new Map<number, Link>();
  for (const raw of ui.links ?? []) {
    if (Array.isArray(raw)) {
      const [id, originId, originSlot, targetId, targetSlot, type] = raw as UiLinkArray;
      links.set(Number(id), {
        id: Number(id),
        originId: String(originId),
        originSlot: Number(originSlot),
        targetId: String(targetId),
        targetSlot: Number(targetSlot),
        type: String(type),
      });
    } else if (raw && typeof raw === 'object') {
      const l = raw as UiLinkObject;
      links.set(Number(l.id), {
        id: Number(l.id),
        originId: String(l.origin_id),
        originSlot: Number(l.origin_slot),
        targetId: String(l.target_id),
        targetSlot: Number(l.target_slot),
        type: String(l.type),
      });
    }
  }
  return links;
}

/** Converts a UI workflow to the API format using the target server's catalogue; throws COMFY_WORKFLOW_INVALID. */
export function convertUiToApi(ui: UiWorkflow, objectInfo: ObjectInfo): Conversion {
  const problems: WorkflowProblem[] = [];
  const warnings: WorkflowProblem[] = [];
  const links = readLinks(ui);
  const nodes = new Map<string, UiNode>(ui.nodes.map((n) => [String(n.id), n]));
  const subgraphIds = new Set(
    (ui.definitions?.subgraphs ?? []).map((s) => String((s as { id?: unknown })?.id ?? '')).filter(Boolean),
  );

  type Resolved = { link: [string, number] } | { value: unknown } | null;
  const resolve = (linkId: number, seen: Set<string>, from: UiNode, inputName: string): Resolved => {
    const link = links.get(linkId);
    const where = `input "${inputName}" of node ${from.id} (${from.type})`;
    if (!link) {
      problems.push({
        severity: 'error',
        code: 'dangling_link',
        nodeId: String(from.id),
        classType: from.type,
        input: inputName,
        message: `${where} uses link ${linkId}, which is not in the workflow's links`,
      });
      return null;
    }
    const origin = nodes.get(link.originId);
    if (!origin) {
      problems.push({
        severity: 'error',
        code: 'dangling_link',
        nodeId: String(from.id),
        classType: from.type,
        input: inputName,
        message: `${where} is linked to node ${link.originId}, which does not exist`,
      });
      return null;
    }
    if (seen.has(link.originId)) {
      problems.push({
        severity: 'error',
        code: 'cycle',
        nodeId: link.originId,
        message: `Reroute/bypass chain through node ${link.originId} loops back on itself`,
      });
      return null;
    }
    const next = new Set(seen).add(link.originId);
    if (origin.type === 'Reroute') {
      const upstream = origin.inputs?.[0]?.link;
      return upstream === null || upstream === undefined ? null : resolve(upstream, next, origin, 'Reroute');
    }
    if (origin.type === 'PrimitiveNode') {
      const wv = origin.widgets_values;
      return { value: Array.isArray(wv) ? wv[0] : undefined };
    }
    if (VIRTUAL.has(origin.type) || origin.mode === MUTED) return null;
    if (origin.mode === BYPASSED) {
      const outType = origin.outputs?.[link.originSlot]?.type ?? link.type;
      const through = (origin.inputs ?? []).find(
        (i) => i.link !== null && i.link !== undefined && typesCompatible(String(i.type), String(outType)),
      );
      return through ? resolve(through.link!, next, origin, through.name) : null;
    }
    return { link: [link.originId, link.originSlot] };
  };

  const workflow: ApiWorkflow = {};
  for (const node of ui.nodes) {
    const id = String(node.id);
    if (VIRTUAL.has(node.type)) continue;
    if (node.mode === MUTED || node.mode === BYPASSED) {
      const how = node.mode === MUTED ? 'muted' : 'bypassed';
      warnings.push({
        severity: 'warning',
        code: `node_${how}`,
        nodeId: id,
        classType: node.type,
        message: `Node ${id} (${node.type}) is ${how} and left out`,
      });
      continue;
    }
    if (
      subgraphIds.has(node.type) ||
      node.type.startsWith('workflow>') ||
      node.type.startsWith('workflow/')
    ) {
      problems.push({
        severity: 'error',
        code: 'unsupported_node',
        nodeId: id,
        classType: node.type,
        message: `Node ${id} is a subgraph or group node; export the workflow with "Export (API)" instead`,
      });
      continue;
    }
    const info = objectInfo[node.type];
    if (!info) {
      problems.push({
        severity: 'error',
        code: 'unknown_node_class',
        nodeId: id,
        classType: node.type,
        message: `Node ${id}: class "${node.type}" is not installed on the server`,
      });
      continue;
    }
    const widgetValues = new Map<string, unknown>();
    const linked = new Map<string, unknown>();
    const wv = node.widgets_values;
    const defs = orderedInputs(info);
    const widgetDefs = defs.filter((d) => isWidget(d.spec));
    let w = 0;
    for (const [k, def] of widgetDefs.entries()) {
      let value: unknown;
      if (Array.isArray(wv)) {
        value = wv[w++];
        const next = wv[w];
        const nextDef = widgetDefs[k + 1];
        const nextIsOption = Array.isArray(nextDef?.spec[0]) && (nextDef.spec[0] as unknown[]).includes(next);
        if (
          typeof next === 'string' &&
          CONTROL_VALUES.has(next) &&
          (specOptions(def.spec).control_after_generate || !nextIsOption)
        ) {
          w++;
        }
      } else if (wv && typeof wv === 'object') {
        value = wv[def.name];
      }
      if (value !== undefined) widgetValues.set(def.name, value);
    }
    for (const slot of node.inputs ?? []) {
      if (slot.link === null || slot.link === undefined) continue;
      // a linked widget input: the link (or the Primitive's value) wins over the stale widget value
      widgetValues.delete(slot.name);
      const r = resolve(slot.link, new Set([id]), node, slot.name);
      if (r) linked.set(slot.name, 'link' in r ? r.link : r.value);
    }
    const inputs: Record<string, unknown> = {};
    for (const def of defs) {
      if (linked.has(def.name)) inputs[def.name] = linked.get(def.name);
      else if (widgetValues.has(def.name)) inputs[def.name] = widgetValues.get(def.name);
    }
    for (const [name, v] of linked) if (!(name in inputs)) inputs[name] = v;
    workflow[id] = {
      class_type: node.type,
      inputs,
      _meta: { title: node.title ?? info.display_name ?? node.type },
    };
  }
  const cycle = problems.length ? null : findCycle(workflow);
  if (cycle) {
    problems.push({
      severity: 'error',
      code: 'cycle',
      nodeId: cycle[0],
      message: `The workflow has a cycle: ${cycle.join(' → ')}`,
    });
  }
  if (problems.length) {
    throw new ComfyError(
      'COMFY_WORKFLOW_INVALID',
      `The UI workflow cannot be converted: ${problems.map((p) => p.message).join('; ')}`,
      { problems },
    );
  }
  return { workflow, warnings };
}
