// Queue-time prompt validation with ComfyUI's exact error shapes (comfyui-protocol.md §2.2).
import fs from 'node:fs';
import path from 'node:path';
import { type Catalogue, orderedInputs } from './catalogue.js';

export type ApiPrompt = Record<
  string,
  { class_type?: unknown; inputs?: Record<string, unknown>; _meta?: unknown }
>;

export interface NodeErrorItem {
  type: string;
  message: string;
  details: string;
  extra_info: Record<string, unknown>;
}

export interface NodeErrors {
  [nodeId: string]: { errors: NodeErrorItem[]; dependent_outputs: string[]; class_type: string };
}

export type Validation =
  | { ok: true; outputs: string[]; nodeErrors: NodeErrors }
  | {
      ok: false;
      error: { type: string; message: string; details: string; extra_info: object };
      nodeErrors: NodeErrors;
    };

/** Python's repr of a value, as ComfyUI prints it in error details. */
export function pyRepr(v: unknown): string {
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

const isLink = (v: unknown): v is [string, number] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && Number.isInteger(v[1]);

export function validatePrompt(prompt: ApiPrompt, catalogue: Catalogue, inputDir: string): Validation {
  for (const [id, node] of Object.entries(prompt)) {
    const cls = node?.class_type;
    if (typeof cls !== 'string' || !catalogue[cls]) {
      const message =
        typeof cls === 'string'
          ? `Cannot execute because node ${cls} does not exist.`
          : `Cannot execute because a node is missing the class_type property.`;
      return {
        ok: false,
        error: { type: 'invalid_prompt', message, details: `Node ID '#${id}'`, extra_info: {} },
        nodeErrors: {},
      };
    }
  }
  const outputs = Object.keys(prompt).filter(
    (id) => catalogue[prompt[id]!.class_type as string]!.output_node,
  );
  if (outputs.length === 0) {
    return {
      ok: false,
      error: { type: 'prompt_no_outputs', message: 'Prompt has no outputs', details: '', extra_info: {} },
      nodeErrors: {},
    };
  }
  const errorsOf = new Map<string, NodeErrorItem[]>();
  const checked = new Set<string>();
  const ancestors = (id: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(id)) return seen;
    seen.add(id);
    for (const v of Object.values(prompt[id]?.inputs ?? {}))
      if (isLink(v) && prompt[v[0]]) ancestors(v[0], seen);
    return seen;
  };
  const check = (id: string) => {
    if (checked.has(id)) return;
    checked.add(id);
    const node = prompt[id]!;
    const cls = catalogue[node.class_type as string]!;
    const inputs = node.inputs ?? {};
    const errs: NodeErrorItem[] = [];
    for (const { name, spec, required } of orderedInputs(cls)) {
      const val = inputs[name];
      const config = [spec[0], spec[1] ?? {}];
      if (val === undefined) {
        if (required) {
          errs.push({
            type: 'required_input_missing',
            message: 'Required input is missing',
            details: name,
            extra_info: { input_name: name },
          });
        }
        continue;
      }
      if (Array.isArray(val)) {
        if (val.length !== 2) {
          errs.push({
            type: 'bad_linked_input',
            message: 'Bad linked input, must be a length-2 list of [node_id, slot_index]',
            details: name,
            extra_info: { input_name: name, input_config: config, received_value: val },
          });
          continue;
        }
        const src = prompt[String(val[0])];
        if (!src) {
          errs.push({
            type: 'exception_during_inner_validation',
            message: 'Exception when validating inner node',
            details: `'${val[0]}'`,
            extra_info: {
              input_name: name,
              input_config: config,
              exception_message: `'${val[0]}'`,
              exception_type: 'KeyError',
              traceback: [],
              linked_node: val,
            },
          });
          continue;
        }
        const srcCls = catalogue[src.class_type as string]!;
        const received = srcCls.output[Number(val[1])];
        const want = Array.isArray(spec[0]) ? 'COMBO' : String(spec[0]);
        if (received === undefined || (received !== want && received !== '*' && want !== '*')) {
          errs.push({
            type: 'return_type_mismatch',
            message: 'Return type mismatch between linked nodes',
            details: `${name}, received_type(${received}) mismatch input_type(${want})`,
            extra_info: { input_name: name, input_config: config, received_type: received, linked_node: val },
          });
        }
        check(String(val[0]));
        continue;
      }
      const type = spec[0];
      const opts = spec[1] ?? {};
      if (type === 'INT' || type === 'FLOAT') {
        const n = Number(val);
        if (typeof val === 'boolean' || val === '' || !Number.isFinite(n)) {
          errs.push({
            type: 'invalid_input_type',
            message: `Failed to convert an input value to a ${type} value`,
            details: `${name}, ${pyRepr(val)}, could not convert string to float: ${pyRepr(val)}`,
            extra_info: {
              input_name: name,
              input_config: config,
              received_value: val,
              exception_message: `could not convert string to float: ${pyRepr(val)}`,
            },
          });
          continue;
        }
        if (typeof opts.min === 'number' && n < opts.min) {
          errs.push({
            type: 'value_smaller_than_min',
            message: `Value ${n} smaller than min of ${opts.min}`,
            details: name,
            extra_info: { input_name: name, input_config: config, received_value: val },
          });
        }
        if (typeof opts.max === 'number' && n > opts.max) {
          errs.push({
            type: 'value_bigger_than_max',
            message: `Value ${n} bigger than max of ${opts.max}`,
            details: name,
            extra_info: { input_name: name, input_config: config, received_value: val },
          });
        }
        continue;
      }
      // LoadImage validates `image` itself (VALIDATE_INPUTS), so ComfyUI skips the combo check for it
      if (cls.name === 'LoadImage' && name === 'image') {
        const file = path.join(inputDir, path.basename(String(val)));
        if (!fs.existsSync(file)) {
          errs.push({
            type: 'custom_validation_failed',
            message: 'Custom validation failed for node',
            details: `image - Invalid image file: ${val}`,
            extra_info: { input_name: name },
          });
        }
        continue;
      }
      if (Array.isArray(type) && !type.includes(val)) {
        const listInfo = type.length > 20 ? `(list of length ${type.length})` : pyRepr(type);
        errs.push({
          type: 'value_not_in_list',
          message: 'Value not in list',
          details: `${name}: ${pyRepr(val)} not in ${listInfo}`,
          extra_info: {
            input_name: name,
            input_config: type.length > 20 ? null : config,
            received_value: val,
          },
        });
      }
    }
    if (errs.length) errorsOf.set(id, errs);
  };
  const good: string[] = [];
  const nodeErrors: NodeErrors = {};
  for (const out of outputs) {
    const up = ancestors(out);
    for (const id of up) check(id);
    const failing = [...up].filter((id) => errorsOf.has(id));
    if (failing.length === 0) {
      good.push(out);
      continue;
    }
    for (const id of failing) {
      nodeErrors[id] ??= {
        errors: errorsOf.get(id)!,
        dependent_outputs: [],
        class_type: prompt[id]!.class_type as string,
      };
      nodeErrors[id].dependent_outputs.push(out);
    }
  }
  if (good.length === 0) {
    const details = Object.values(nodeErrors)
      .flatMap((n) => n.errors.map((e) => `${e.message}: ${e.details}`))
      .join('\n');
    return {
      ok: false,
      error: {
        type: 'prompt_outputs_failed_validation',
        message: 'Prompt outputs failed validation',
        details,
        extra_info: {},
      },
      nodeErrors,
    };
  }
  return { ok: true, outputs: good, nodeErrors };
}
