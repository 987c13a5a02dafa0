// The one error type of @i2v/comfy, with stable codes callers can branch on.
export type ComfyErrorCode =
  | 'COMFY_UNREACHABLE'
  | 'COMFY_TIMEOUT'
  | 'COMFY_ABORTED'
  | 'COMFY_NOT_COMFY'
  | 'COMFY_PROMPT_INVALID'
  | 'COMFY_TOO_LARGE'
  | 'COMFY_HTTP'
  | 'COMFY_PROMPT_LOST'
  | 'COMFY_WORKFLOW_INVALID';

/** One node's validation failures from a `POST /prompt` answer, flattened for display. */
export interface NodeErrorSummary {
  nodeId: string;
  classType: string;
  messages: string[];
  errors: { type: string; message: string; details: string; extra_info?: Record<string, unknown> }[];
  dependentOutputs: string[];
}

/** One finding about a workflow (conversion, validation). */
export interface WorkflowProblem {
  severity: 'error' | 'warning';
  code: string;
  nodeId?: string;
  classType?: string;
  input?: string;
  message: string;
}

export interface ComfyErrorDetails {
  problems?: WorkflowProblem[];
  url?: string;
  status?: number;
  /** `error.type` of a rejected prompt (`prompt_outputs_failed_validation`, `invalid_prompt`…). */
  errorType?: string;
  nodeErrors?: NodeErrorSummary[];
  body?: string;
  cause?: unknown;
}

export class ComfyError extends Error {
  override readonly name = 'ComfyError';
  constructor(
    readonly code: ComfyErrorCode,
    message: string,
    readonly details: ComfyErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }
}

/** Parses the `node_errors` object of a `/prompt` answer into per-node summaries. */
export function readNodeErrors(nodeErrors: unknown): NodeErrorSummary[] {
  if (!nodeErrors || typeof nodeErrors !== 'object') return [];
  return Object.entries(nodeErrors as Record<string, Record<string, unknown>>).map(([nodeId, entry]) => {
    const errors = Array.isArray(entry?.errors) ? (entry.errors as NodeErrorSummary['errors']) : [];
    return {
      nodeId,
      classType: typeof entry?.class_type === 'string' ? entry.class_type : '',
      errors,
      messages: errors.map((e) => (e.details ? `${e.message}: ${e.details}` : e.message)),
      dependentOutputs: Array.isArray(entry?.dependent_outputs) ? entry.dependent_outputs.map(String) : [],
    };
  });
}
