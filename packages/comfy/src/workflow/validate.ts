// Checks an API workflow against a server's catalogue and model lists; returns every problem found.
import type { WorkflowProblem } from '../errors.js';
import type { ApiWorkflow, ObjectInfo } from '../types.js';
import {
  comboOptions,
  isWidget,
  orderedInputs,
  specOptions,
  specType,
  typesCompatible,
} from './catalogue.js';
import { findCycle, isLink } from './graph.js';

export interface ValidateOptions {
  /** Model files per folder (`GET /models/{folder}`); checked for loader inputs when given. */
  models?: Record<string, string[]>;
}

/** Which model folder a loader input reads from. */
export function modelFolderOf(classType: string, input: string): string | null {
  if (input === 'ckpt_name') return 'checkpoints';
  if (input === 'lora_name') return 'loras';
  if (input === 'vae_name') return 'vae';
  if (input === 'unet_name') return 'diffusion_models';
  if (input === 'control_net_name') return 'controlnet';
  if (input === 'clip_name') return classType === 'CLIPVisionLoader' ? 'clip_vision' : 'text_encoders';
  return null;
}

const show = (v: unknown) => JSON.stringify(v);

/** Validates `workflow`; an empty list means ComfyUI should accept it. */
export function validateWorkflow(
  workflow: ApiWorkflow,
  objectInfo: ObjectInfo,
  options: ValidateOptions = {},
): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  let outputs = 0;
  for (const [nodeId, node] of Object.entries(workflow)) {
    const classType = node.class_type;
    const at = { nodeId, classType };
    const info = objectInfo[classType];
    if (!info) {
      problems.push({
        severity: 'error',
        code: 'unknown_node_class',
        ...at,
        message: `Node ${nodeId}: class "${classType}" is not installed`,
      });
      continue;
    }
    if (info.output_node) outputs++;
    const known = new Set<string>();
    for (const def of orderedInputs(info)) {
      known.add(def.name);
      const value = node.inputs[def.name];
      const where = { ...at, input: def.name };
      if (value === undefined || value === null) {
        if (def.required) {
          problems.push({
            severity: 'error',
            code: 'required_input_missing',
            ...where,
            message: `Node ${nodeId} (${classType}): required input "${def.name}" is missing`,
          });
        }
        continue;
      }
      if (Array.isArray(value)) {
        if (!isLink(value)) {
          problems.push({
            severity: 'error',
            code: 'bad_linked_input',
            ...where,
            message: `Node ${nodeId} (${classType}): "${def.name}" is a list that is not a [node, output] link`,
          });
          continue;
        }
        const src = workflow[value[0]];
        if (!src) {
          problems.push({
            severity: 'error',
            code: 'bad_link',
            ...where,
            message: `Node ${nodeId} (${classType}): "${def.name}" links to node ${value[0]}, which does not exist`,
          });
          continue;
        }
        const srcInfo = objectInfo[src.class_type];
        if (!srcInfo) continue;
        const outType = srcInfo.output[value[1]];
        if (outType === undefined) {
          problems.push({
            severity: 'error',
            code: 'bad_link',
            ...where,
            message: `Node ${nodeId} (${classType}): "${def.name}" links to output ${value[1]} of node ${value[0]} (${src.class_type}), which has ${srcInfo.output.length} outputs`,
          });
          continue;
        }
        const want = specType(def.spec);
        const ok = want === 'COMBO' ? outType === 'COMBO' || outType === '*' : typesCompatible(outType, want);
        if (!ok) {
          problems.push({
            severity: 'error',
            code: 'return_type_mismatch',
            ...where,
            message: `Node ${nodeId} (${classType}): "${def.name}" wants ${want} but node ${value[0]} output ${value[1]} is ${outType}`,
          });
        }
        continue;
      }
      if (!isWidget(def.spec)) {
        problems.push({
          severity: 'error',
          code: 'bad_linked_input',
          ...where,
          message: `Node ${nodeId} (${classType}): "${def.name}" needs a link to a ${specType(def.spec)} output, got ${show(value)}`,
        });
        continue;
      }
      checkWidget(problems, where, def.spec, value, options);
    }
    for (const [name, value] of Object.entries(node.inputs)) {
      if (known.has(name) || !isLink(value) || workflow[value[0]]) continue;
      problems.push({
        severity: 'error',
        code: 'bad_link',
        ...at,
        input: name,
        message: `Node ${nodeId} (${classType}): "${name}" links to node ${value[0]}, which does not exist`,
      });
    }
  }
  if (outputs === 0 && Object.keys(workflow).length > 0) {
    problems.push({
      severity: 'error',
      code: 'prompt_no_outputs',
      message: 'The workflow has no output node (SaveVideo, SaveImage, VHS_VideoCombine…)',
    });
  }
  const cycle = findCycle(workflow);
  if (cycle) {
    problems.push({
      severity: 'error',
      code: 'cycle',
      nodeId: cycle[0],
      message: `The workflow has a cycle: ${cycle.join(' → ')}`,
    });
  }
  return problems;
}

function checkWidget(
  problems: WorkflowProblem[],
  where: { nodeId: string; classType: string; input: string },
  spec: Parameters<typeof specType>[0],
  value: unknown,
  options: ValidateOptions,
) {
  const label = `Node ${where.nodeId} (${where.classType}): "${where.input}"`;
  const type = specType(spec);
  const opts = specOptions(spec);
  const folder = modelFolderOf(where.classType, where.input);
  if (folder && options.models?.[folder]) {
    if (!options.models[folder].includes(String(value))) {
      problems.push({
        severity: 'error',
        code: 'missing_model',
        ...where,
        message: `${label}: ${folder} file "${value}" is not on the server`,
      });
    }
    return;
  }
  const choices = comboOptions(spec);
  if (choices) {
    // V3 combos are not checked by ComfyUI 0.3.64 at queue time, but a wrong value still fails at run time
    if (!choices.includes(value)) {
      problems.push({
        severity: 'error',
        code: folder ? 'missing_model' : 'value_not_in_list',
        ...where,
        message: folder
          ? `${label}: ${folder} file "${value}" is not on the server`
          : `${label}: ${show(value)} is not one of ${show(choices.slice(0, 20))}${choices.length > 20 ? '…' : ''}`,
      });
    }
    return;
  }
  if (type === 'INT' || type === 'FLOAT') {
    const n =
      typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
    if (!Number.isFinite(n) || (type === 'INT' && !Number.isInteger(n))) {
      problems.push({
        severity: 'error',
        code: 'invalid_input_type',
        ...where,
        message: `${label}: ${show(value)} is not ${type === 'INT' ? 'an integer' : 'a number'}`,
      });
      return;
    }
    if (typeof opts.min === 'number' && n < opts.min) {
      problems.push({
        severity: 'error',
        code: 'value_smaller_than_min',
        ...where,
        message: `${label}: ${n} is below the minimum ${opts.min}`,
      });
    }
    // bounds past 2^53 (seed max 2^64-1) mean "no practical limit"
    if (typeof opts.max === 'number' && opts.max < Number.MAX_SAFE_INTEGER && n > opts.max) {
      problems.push({
        severity: 'error',
        code: 'value_bigger_than_max',
        ...where,
        message: `${label}: ${n} is above the maximum ${opts.max}`,
      });
    }
    if (n > Number.MAX_SAFE_INTEGER) {
      problems.push({
        severity: 'error',
        code: 'value_bigger_than_max',
        ...where,
        message: `${label}: ${n} is above 2^53-1 and cannot be sent exactly from JavaScript`,
      });
    }
    return;
  }
  if (type === 'BOOLEAN' && typeof value !== 'boolean') {
    problems.push({
      severity: 'error',
      code: 'invalid_input_type',
      ...where,
      message: `${label}: not a boolean`,
    });
  }
  if (type === 'STRING' && typeof value === 'object') {
    problems.push({
      severity: 'error',
      code: 'invalid_input_type',
      ...where,
      message: `${label}: not a string`,
    });
  }
}
