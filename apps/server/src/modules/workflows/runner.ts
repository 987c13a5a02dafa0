// What the workflows module asks of ComfyUI workers: their catalogue, a validation, a dry run. Swappable in tests.
import {
  type ApiWorkflow,
  ComfyClient,
  ComfyError,
  ComfyHttp,
  isLink,
  modelFolderOf,
  type ObjectInfo,
  validateWorkflow,
  type WorkflowProblem,
} from '@i2v/comfy';
import sharp from 'sharp';

export interface WorkerTarget {
  publicId: string;
  name: string;
  url: string;
}

export interface ValidationOutcome {
  ok: boolean;
  problems: WorkflowProblem[];
  error: string | null;
}

export interface DryRunOutcome {
  ok: boolean;
  outcome: 'success' | 'rejected' | 'failed' | 'interrupted' | 'timeout' | 'unreachable';
  durationMs: number;
  error: string | null;
  nodeErrors: { nodeId: string; classType: string; messages: string[] }[];
}

const callTimeoutMs = 10_000;
/** Node classes whose `image` input is a file the studio uploads before each run. */
export const imageClasses: ReadonlySet<string> = new Set(['LoadImage', 'LoadImageMask']);

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

let frame: Promise<Buffer> | null = null;
/** A plain test frame for image inputs when a run has no image of its own (dry runs, bare renders); made once. */
export function testImage(): Promise<Buffer> {
  frame ??= sharp({ create: { width: 512, height: 512, channels: 3, background: '#6b7f99' } })
    .png()
    .toBuffer();
  return frame;
}

/**
 * A LoadImage file name is a slot the studio fills per run (it uploads the frame first), so a file the worker does
 * not have yet is a warning, not a failure.
 */
export function relaxImageInputs(problems: WorkflowProblem[]): WorkflowProblem[] {
  return problems.map((p) =>
    p.code === 'value_not_in_list' && imageClasses.has(p.classType ?? '') && p.input === 'image'
      ? { ...p, severity: 'warning', message: `${p.message} (filled in per run)` }
      : p,
  );
}

export class WorkflowRunner {
  constructor(private readonly connect: (url: string) => ComfyClient = (url) => new ComfyClient(url)) {}

  /** The prompts in a worker's history, newest first, with what identifies them. */
  async recentPrompts(worker: WorkerTarget, max = 50) {
    const history = await new ComfyHttp(worker.url).getHistory(
      { maxItems: max },
      { timeoutMs: callTimeoutMs },
    );
    return Object.entries(history)
      .map(([promptId, entry]) => {
        const graph = (entry.prompt?.[2] ?? {}) as ApiWorkflow;
        const extra = (entry.prompt?.[3] ?? {}) as { extra_pnginfo?: { workflow?: unknown } };
        return {
          promptId,
          number: entry.prompt?.[0] ?? 0,
          status: entry.status?.status_str ?? 'unknown',
          nodeCount: Object.keys(graph).length,
          nodeClasses: [...new Set(Object.values(graph).map((n) => n.class_type))].slice(0, 6),
          hasUiWorkflow:
            typeof extra.extra_pnginfo?.workflow === 'object' && extra.extra_pnginfo.workflow !== null,
        };
      })
      .sort((a, b) => b.number - a.number)
      .map(({ number: _n, ...rest }) => rest);
  }

  /** The workflow of one prompt in a worker's history: its UI format when it was sent along, else its API graph. */
  async promptWorkflow(worker: WorkerTarget, promptId: string): Promise<Record<string, unknown> | null> {
    const entry = await new ComfyHttp(worker.url).getHistoryEntry(promptId, { timeoutMs: callTimeoutMs });
    if (!entry) return null;
    const extra = (entry.prompt?.[3] ?? {}) as { extra_pnginfo?: { workflow?: unknown } };
    const ui = extra.extra_pnginfo?.workflow;
    if (typeof ui === 'object' && ui !== null) return ui as Record<string, unknown>;
    return (entry.prompt?.[2] ?? null) as Record<string, unknown> | null;
  }

  async objectInfoOf(worker: WorkerTarget): Promise<ObjectInfo> {
    return new ComfyHttp(worker.url).getObjectInfo({ timeoutMs: callTimeoutMs });
  }

  /** Checks the graph against the worker's live `/object_info` and the model folders it uses. */
  async validate(worker: WorkerTarget, api: ApiWorkflow): Promise<ValidationOutcome> {
    const http = new ComfyHttp(worker.url);
    try {
      const objectInfo = await http.getObjectInfo({ timeoutMs: callTimeoutMs });
      const folders = new Set<string>();
      for (const node of Object.values(api)) {
        for (const [input, value] of Object.entries(node.inputs)) {
          const folder = modelFolderOf(node.class_type, input);
          if (folder && !isLink(value)) folders.add(folder);
        }
      }
      const models: Record<string, string[]> = {};
      for (const folder of folders) {
        const files = await http.getModels(folder, { timeoutMs: callTimeoutMs });
        if (files) models[folder] = files;
      }
      const problems = relaxImageInputs(validateWorkflow(api, objectInfo, { models }));
      return { ok: !problems.some((p) => p.severity === 'error'), problems, error: null };
    } catch (err) {
      return { ok: false, problems: [], error: `The worker could not be asked: ${reason(err)}` };
    }
  }

  /** Uploads a test frame for every image input, runs the graph, waits for the verdict (or the timeout). */
  async dryRun(worker: WorkerTarget, api: ApiWorkflow, timeoutMs: number): Promise<DryRunOutcome> {
    const started = Date.now();
    const took = () => Date.now() - started;
    const client = this.connect(worker.url);
    let promptId: string | null = null;
    try {
      await client.connect({ timeoutMs: callTimeoutMs });
      const graph = structuredClone(api);
      const imageNodes = Object.values(graph).filter((n) => imageClasses.has(n.class_type));
      if (imageNodes.length) {
        const uploaded = await client.http.uploadImage(
          { name: 'i2v-dry-run.png', data: await testImage(), mimeType: 'image/png' },
          { type: 'input', overwrite: true },
        );
        const name = uploaded.subfolder ? `${uploaded.subfolder}/${uploaded.name}` : uploaded.name;
        for (const node of imageNodes) node.inputs.image = name;
      }
      const submitted = await client.submit(graph);
      promptId = submitted.promptId;
      const done = await client.waitForCompletion(promptId, { timeoutMs });
      if (done.status === 'success') {
        return { ok: true, outcome: 'success', durationMs: took(), error: null, nodeErrors: [] };
      }
      if (done.status === 'interrupted') {
        return {
          ok: false,
          outcome: 'interrupted',
          durationMs: took(),
          error: 'The run was interrupted on the worker.',
          nodeErrors: [],
        };
      }
      const e = done.error;
      return {
        ok: false,
        outcome: 'failed',
        durationMs: took(),
        error: e
          ? `Node ${e.nodeId} (${e.nodeType}) failed: ${e.exceptionType ? `${e.exceptionType}: ` : ''}${e.exceptionMessage}`
          : 'The run failed on the worker.',
        nodeErrors: e ? [{ nodeId: e.nodeId, classType: e.nodeType, messages: [e.exceptionMessage] }] : [],
      };
    } catch (err) {
      if (err instanceof ComfyError && err.code === 'COMFY_PROMPT_INVALID') {
        const nodeErrors = (err.details.nodeErrors ?? []).map((n) => ({
          nodeId: n.nodeId,
          classType: n.classType,
          messages: n.messages,
        }));
        const first = nodeErrors
          .slice(0, 3)
          .map((n) => `node ${n.nodeId} (${n.classType}): ${n.messages.join('; ')}`)
          .join(' · ');
        return {
          ok: false,
          outcome: 'rejected',
          durationMs: took(),
          error: `The worker refused the workflow${first ? ` — ${first}` : `: ${err.message}`}`,
          nodeErrors,
        };
      }
      if (err instanceof ComfyError && err.code === 'COMFY_TIMEOUT' && promptId) {
        await client.cancel(promptId).catch(() => undefined);
        return {
          ok: false,
          outcome: 'timeout',
          durationMs: took(),
          error: `The run did not finish within ${Math.round(timeoutMs / 1000)} s; it was cancelled.`,
          nodeErrors: [],
        };
      }
      return {
        ok: false,
        outcome: promptId ? 'failed' : 'unreachable',
        durationMs: took(),
        error: promptId
          ? `The run was lost: ${reason(err)}`
          : `The worker could not be reached: ${reason(err)}`,
        nodeErrors: [],
      };
    } finally {
      client.close();
    }
  }
}
