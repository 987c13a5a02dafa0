// Tells API-format from UI-format workflows and rejects anything else with a specific reason.
import type { ApiWorkflow } from '../types.js';
import { isPng, readPngText } from './png.js';
import type { UiWorkflow } from './ui-types.js';

export type NotWorkflowReason =
  | 'too_large'
  | 'empty'
  | 'not_json'
  | 'not_object'
  | 'no_nodes'
  | 'bad_api_node'
  | 'bad_ui_workflow'
  | 'png_without_workflow';

export type WorkflowDetection =
  | { ok: true; format: 'api'; workflow: ApiWorkflow }
  | { ok: true; format: 'ui'; workflow: UiWorkflow }
  | { ok: false; reason: NotWorkflowReason; message: string };

export interface DetectOptions {
  /** Largest accepted input in bytes (default 32 MiB). */
  maxBytes?: number;
}

const fail = (reason: NotWorkflowReason, message: string): WorkflowDetection => ({
  ok: false,
  reason,
  message,
});
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses and classifies a workflow from file text, bytes or an already parsed value. A PNG saved by ComfyUI is read
 * through its embedded `prompt` (API, preferred: no conversion needed) or `workflow` (UI) text chunk.
 */
export function detectWorkflow(
  input: string | Uint8Array | unknown,
  options: DetectOptions = {},
): WorkflowDetection {
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  if (input instanceof Uint8Array && isPng(input)) {
    if (input.byteLength > maxBytes)
      return fail('too_large', `The file is ${input.byteLength} bytes; the limit is ${maxBytes}.`);
    const text = readPngText(input);
    const embedded = text.prompt ?? text.workflow;
    if (!embedded)
      return fail(
        'png_without_workflow',
        'This PNG holds no ComfyUI workflow (no prompt or workflow chunk).',
      );
    return detectWorkflow(embedded, options);
  }
  let value: unknown = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
    if (size > maxBytes) return fail('too_large', `The file is ${size} bytes; the limit is ${maxBytes}.`);
    const text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
    if (!text.trim()) return fail('empty', 'The file is empty.');
    try {
      value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (err) {
      return fail('not_json', `The file is not JSON: ${(err as Error).message}`);
    }
  }
  if (!isObject(value)) return fail('not_object', 'A workflow is a JSON object; this is not one.');
  // some tools wrap the API graph as {"prompt": {...}}
  if (isObject(value.prompt) && !Array.isArray(value.nodes)) value = value.prompt;
  const obj = value as Record<string, unknown>;
  if ('nodes' in obj) {
    if (!Array.isArray(obj.nodes)) return fail('bad_ui_workflow', 'UI workflow: `nodes` is not an array.');
    if (obj.links !== undefined && !Array.isArray(obj.links)) {
      return fail('bad_ui_workflow', 'UI workflow: `links` is not an array.');
    }
    for (const [i, n] of obj.nodes.entries()) {
      if (
        !isObject(n) ||
        (typeof n.id !== 'number' && typeof n.id !== 'string') ||
        typeof n.type !== 'string'
      ) {
        return fail('bad_ui_workflow', `UI workflow: node #${i} has no id or type.`);
      }
    }
    return { ok: true, format: 'ui', workflow: obj as unknown as UiWorkflow };
  }
  const entries = Object.entries(obj);
  if (entries.length === 0) return fail('no_nodes', 'The JSON object has no nodes.');
  for (const [id, node] of entries) {
    if (!isObject(node) || typeof node.class_type !== 'string') {
      return entries.some(([, n]) => isObject(n) && typeof n.class_type === 'string')
        ? fail('bad_api_node', `API workflow: node ${id} has no class_type.`)
        : fail(
            'no_nodes',
            'This JSON is not a ComfyUI workflow: no `nodes` array and no node with a class_type.',
          );
    }
    if (node.inputs !== undefined && !isObject(node.inputs)) {
      return fail('bad_api_node', `API workflow: node ${id} has inputs that are not an object.`);
    }
  }
  const workflow: ApiWorkflow = {};
  for (const [id, node] of entries) {
    const n = node as Record<string, unknown>;
    workflow[id] = {
      ...(n as object),
      inputs: (n.inputs as Record<string, unknown>) ?? {},
    } as ApiWorkflow[string];
  }
  return { ok: true, format: 'api', workflow };
}
