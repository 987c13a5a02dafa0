// Turns an uploaded file into a storable workflow version: detect the format, convert UI → API, check the graph,
// hash it and discover its parameter slots. Every refusal names the field or node at fault.
import { createHash } from 'node:crypto';
import {
  type ApiWorkflow,
  ComfyError,
  convertUiToApi,
  detectWorkflow,
  discoverParameters,
  findCycle,
  isLink,
  type ObjectInfo,
  type UiWorkflow,
  type WorkflowProblem,
} from '@i2v/comfy';
import { buildCatalogue, DEFAULT_MODELS } from '@i2v/comfy-sim';
import { type WorkflowSlot, workflowMaxBytes } from '@i2v/contracts';
import { canonicalJson } from '@i2v/domain';
import { AppError } from '../../platform/errors.js';

export interface PreparedContent {
  format: 'api' | 'ui';
  api: ApiWorkflow;
  ui: UiWorkflow | null;
  sha256: string;
  nodeCount: number;
  parameters: WorkflowSlot[];
  warnings: WorkflowProblem[];
}

let bundled: ObjectInfo | null = null;
/** comfy-sim's catalogue (a ComfyUI 0.3.64-era core plus VideoHelperSuite), used when no worker is asked. */
export function bundledCatalogue(): ObjectInfo {
  bundled ??= buildCatalogue(DEFAULT_MODELS, ['start.png', 'end.png']) as unknown as ObjectInfo;
  return bundled;
}

/** `positive_prompt` → `Positive prompt`. */
export const slotLabel = (key: string) => {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const hashWorkflow = (api: ApiWorkflow) =>
  createHash('sha256').update(canonicalJson(api)).digest('hex');

const nodeField = (p: { nodeId?: string | undefined; input?: string | undefined }) =>
  p.nodeId === undefined ? 'nodes' : `nodes.${p.nodeId}${p.input ? `.inputs.${p.input}` : ''}`;

function refuse(problems: WorkflowProblem[], lead: string): AppError {
  const errors = problems.filter((p) => p.severity === 'error');
  return new AppError(
    'workflow.invalid',
    `${lead}: ${errors.map((p) => p.message).join('; ')}`,
    errors.map((p) => ({ field: nodeField(p), message: `${p.code}: ${p.message}` })),
  );
}

/** Links to missing nodes and cycles: what makes an API graph unusable anywhere. */
export function structuralProblems(api: ApiWorkflow): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  for (const [nodeId, node] of Object.entries(api)) {
    for (const [input, value] of Object.entries(node.inputs)) {
      if (isLink(value) && !api[value[0]]) {
        problems.push({
          severity: 'error',
          code: 'dangling_link',
          nodeId,
          classType: node.class_type,
          input,
          message: `Node ${nodeId} (${node.class_type}): "${input}" links to node ${value[0]}, which does not exist`,
        });
      }
    }
  }
  const cycle = findCycle(api);
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

export function discoveredSlots(api: ApiWorkflow): WorkflowSlot[] {
  return discoverParameters(api).map((s) => ({
    key: s.key,
    label: slotLabel(s.key),
    nodeId: s.nodeId,
    input: s.input,
    classType: s.classType,
    category: s.category,
    value: s.value,
    source: 'discovered' as const,
  }));
}

/**
 * Parses and checks a workflow file. `catalogue` is asked only for a UI-format file (conversion needs the node
 * definitions); `field` names the request part the content came in (`file` or `body.content`).
 */
export async function prepareContent(
  input: string | Uint8Array | Record<string, unknown>,
  field: string,
  catalogue: () => Promise<{ objectInfo: ObjectInfo; warnings: WorkflowProblem[] }>,
): Promise<PreparedContent> {
  const size =
    typeof input === 'string'
      ? Buffer.byteLength(input)
      : input instanceof Uint8Array
        ? input.byteLength
        : Buffer.byteLength(JSON.stringify(input));
  if (size > workflowMaxBytes) {
    throw new AppError(
      'workflow.too_large',
      `The workflow is ${size} bytes; the limit is ${workflowMaxBytes}.`,
      [{ field, message: `must be at most ${workflowMaxBytes} bytes` }],
    );
  }
  const detected = detectWorkflow(input, { maxBytes: workflowMaxBytes });
  if (!detected.ok) {
    throw new AppError('workflow.invalid', `Not a ComfyUI workflow: ${detected.message}`, [
      { field, message: `${detected.reason}: ${detected.message}` },
    ]);
  }
  let api: ApiWorkflow;
  let ui: UiWorkflow | null = null;
  const warnings: WorkflowProblem[] = [];
  if (detected.format === 'ui') {
    ui = detected.workflow;
    const { objectInfo, warnings: targetWarnings } = await catalogue();
    warnings.push(...targetWarnings);
    try {
      const converted = convertUiToApi(ui, objectInfo);
      api = converted.workflow;
      warnings.push(...converted.warnings);
    } catch (err) {
      if (err instanceof ComfyError && err.details.problems) {
        throw refuse(err.details.problems, 'The UI workflow cannot be converted');
      }
      throw err;
    }
  } else {
    api = detected.workflow;
  }
  if (Object.keys(api).length === 0) {
    throw new AppError('workflow.invalid', 'The workflow has no nodes to run.', [
      { field, message: 'has no nodes (all muted, bypassed or notes?)' },
    ]);
  }
  const problems = structuralProblems(api);
  if (problems.length) throw refuse(problems, 'The workflow is broken');
  return {
    format: detected.format,
    api,
    ui,
    sha256: hashWorkflow(api),
    nodeCount: Object.keys(api).length,
    parameters: discoveredSlots(api),
    warnings,
  };
}
