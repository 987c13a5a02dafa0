// The simulated execution engine: one worker over a priority queue, history, cache, and ComfyUI's event sequence.
import path from 'node:path';
import type { Catalogue } from './catalogue.js';
import type { SimConfig, SimFaults } from './config.js';
import { GpuVitals } from './gpu.js';
import { cacheSignatures, executionOrder, segmentParams } from './prompt-graph.js';
import { NodeFailure, previewJpeg, runSaveNode } from './save-nodes.js';
import type { ApiPrompt } from './validate.js';

export type QueueItem = [number, string, ApiPrompt, Record<string, unknown>, string[]];
type Message = { type: string; data: Record<string, unknown> };

export interface EngineHooks {
  /** Sends to one client id, or broadcasts when `clientId` is null. */
  send(clientId: string | null, msg: Message): void;
  dropSockets(): void;
  restart(): void;
  /** Sends a JPEG sampler preview (binary type 1, or type 4 to sockets that negotiated metadata). */
  sendPreview(clientId: string | null, jpeg: Buffer, meta: Record<string, unknown>): void;
}

interface HistoryEntry {
  prompt: QueueItem;
  outputs: Record<string, unknown>;
  status: { status_str: string; completed: boolean; messages: [string, Record<string, unknown>][] };
  meta: Record<string, unknown>;
}

class Interrupted extends Error {}
class Stopped extends Error {}

const SAMPLERS = /KSampler|Sampler/;

export class Engine {
  counter = 0;
  readonly pending: QueueItem[] = [];
  running: QueueItem | null = null;
  currentNode: string | null = null;
  readonly history = new Map<string, HistoryEntry>();
  private cache = new Map<string, Record<string, unknown> | null>();
  private interruptFlag = false;
  private stopped = false;
  private readonly abort = new AbortController();
  readonly gpu: GpuVitals;

  constructor(
    private readonly config: SimConfig,
    private readonly catalogue: () => Catalogue,
    private readonly hooks: EngineHooks,
  ) {
    this.gpu = new GpuVitals(config.vramTotalBytes);
  }

  get queueRemaining(): number {
    return this.pending.length + (this.running ? 1 : 0);
  }

  enqueue(item: QueueItem): void {
    this.pending.push(item);
    this.broadcastStatus();
    queueMicrotask(() => void this.pump());
  }

  deletePending(ids: string[]): void {
    for (let i = this.pending.length - 1; i >= 0; i--)
      if (ids.includes(this.pending[i]![1])) this.pending.splice(i, 1);
    this.broadcastStatus();
  }

  clearPending(): void {
    this.pending.length = 0;
    this.broadcastStatus();
  }

  interrupt(promptId?: string): void {
    if (!this.running) return;
    if (promptId && this.running[1] !== promptId) return;
    this.interruptFlag = true;
  }

  freeMemory(): void {
    this.cache.clear();
  }

  stop(): void {
    this.stopped = true;
    this.abort.abort();
  }

  broadcastStatus(): void {
    this.hooks.send(null, {
      type: 'status',
      data: { status: { exec_info: { queue_remaining: this.queueRemaining } } },
    });
  }

  private async pump(): Promise<void> {
    if (this.running || this.stopped || this.pending.length === 0) return;
    this.pending.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
    const item = this.pending.shift()!;
    this.running = item;
    this.gpu.busy = true;
    try {
      await this.execute(item);
    } catch (err) {
      if (!(err instanceof Stopped)) console.error('comfy-sim: execution crashed', err);
    } finally {
      if (!this.stopped) {
        this.running = null;
        this.currentNode = null;
        this.gpu.busy = false;
        void this.pump();
      }
    }
  }

  private faultsFor(extra: Record<string, unknown>): SimFaults {
    const own = extra.sim && typeof extra.sim === 'object' ? (extra.sim as SimFaults) : {};
    return { ...this.config.faults, ...own };
  }

  private async sleep(ms: number): Promise<void> {
    if (this.stopped) throw new Stopped();
    await new Promise((r) => setTimeout(r, Math.max(0, ms)));
    if (this.stopped) throw new Stopped();
  }

  private async execute(item: QueueItem): Promise<void> {
    const [, promptId, prompt, extra, outputs] = item;
    const clientId = typeof extra.client_id === 'string' ? extra.client_id : null;
    const faults = this.faultsFor(extra);
    const timeScale = (faults.slowdown ?? 1) / this.config.speed;
    this.interruptFlag = false;
    // lifecycle events reach only the owner; progress is broadcast for prompts without a client (§3.2)
    const life = (type: string, data: Record<string, unknown>) => {
      if (clientId) this.hooks.send(clientId, { type, data });
    };
    const progress = (type: string, data: Record<string, unknown>) =>
      this.hooks.send(clientId, { type, data });
    const messages: [string, Record<string, unknown>][] = [];
    const record = (type: string, data: Record<string, unknown>) => {
      messages.push([type, data]);
      life(type, data);
    };
    this.broadcastStatus();
    record('execution_start', { prompt_id: promptId, timestamp: Date.now() });

    const order = executionOrder(prompt, outputs);
    const sigs = cacheSignatures(prompt, order, path.join(this.config.dataDir, 'input'));
    const cached = order.filter((id) => this.cache.has(sigs.get(id)!));
    record('execution_cached', { nodes: cached, prompt_id: promptId, timestamp: Date.now() });

    const nodeStates: Record<string, Record<string, unknown>> = {};
    const sendState = (id: string, value: number, max: number, state: string) => {
      nodeStates[id] = {
        value,
        max,
        state,
        node_id: id,
        prompt_id: promptId,
        display_node_id: id,
        parent_node_id: null,
        real_node_id: id,
      };
      progress('progress_state', { prompt_id: promptId, nodes: { ...nodeStates } });
    };
    const results: Record<string, unknown> = {};
    const executed: string[] = [];
    const newCache = new Map<string, Record<string, unknown> | null>();
    let outcome: 'success' | 'error' | 'interrupted' = 'success';
    try {
      for (const id of order) {
        const node = prompt[id]!;
        const cls = String(node.class_type);
        const sig = sigs.get(id)!;
        if (this.cache.has(sig)) {
          const out = this.cache.get(sig) ?? null;
          newCache.set(sig, out);
          if (this.catalogue()[cls]?.output_node) {
            if (out) results[id] = out;
            life('executed', { node: id, display_node: id, output: out, prompt_id: promptId });
          }
          continue;
        }
        if (this.interruptFlag) throw new Interrupted(id);
        this.currentNode = id;
        sendState(id, 0, 1, 'running');
        life('executing', { node: id, display_node: id, prompt_id: promptId });
        if (faults.failAt && (faults.failAt === id || faults.failAt === cls)) {
          throw new NodeFailure(
            id,
            faults.failType ?? 'torch.OutOfMemoryError',
            faults.failMessage ?? 'CUDA out of memory. Tried to allocate 2.00 GiB (simulated)',
          );
        }
        let output: Record<string, unknown> | null = null;
        if (SAMPLERS.test(cls)) {
          const wantPreviews =
            this.config.previews || (extra.preview_method && extra.preview_method !== 'none');
          const preview = wantPreviews
            ? await previewJpeg(this.config.dataDir, prompt, id, this.abort.signal)
            : null;
          const meta = {
            node_id: id,
            prompt_id: promptId,
            display_node_id: id,
            parent_node_id: null,
            real_node_id: id,
          };
          await this.sample(id, prompt, timeScale, faults, (v, max) => {
            // per tick: progress_state, progress, preview (the recorded capture's order)
            sendState(id, v, max, 'running');
            progress('progress', { value: v, max, prompt_id: promptId, node: id });
            if (preview) this.hooks.sendPreview(clientId, preview, { ...meta, image_type: 'image/jpeg' });
          });
        } else if (this.catalogue()[cls]?.output_node) {
          await this.sleep(40 * timeScale);
          output = await runSaveNode(this.config.dataDir, id, prompt, faults, this.abort.signal);
        } else {
          await this.sleep((/Loader/.test(cls) ? 60 : 10) * timeScale);
        }
        if (this.interruptFlag) throw new Interrupted(id);
        executed.push(id);
        newCache.set(sig, output);
        if (output) {
          results[id] = output;
          life('executed', { node: id, display_node: id, output, prompt_id: promptId });
        }
        sendState(id, 1, 1, 'finished');
      }
      record('execution_success', { prompt_id: promptId, timestamp: Date.now() });
    } catch (err) {
      if (err instanceof Stopped) throw err;
      const id =
        err instanceof NodeFailure ? err.nodeId : err instanceof Interrupted ? err.message : this.currentNode;
      const nodeId = id ?? '';
      const nodeType = String(prompt[nodeId]?.class_type ?? '');
      if (err instanceof Interrupted) {
        outcome = 'interrupted';
        const data = {
          prompt_id: promptId,
          node_id: nodeId,
          node_type: nodeType,
          executed,
          timestamp: Date.now(),
        };
        messages.push(['execution_interrupted', data]);
        this.hooks.send(clientId, { type: 'execution_interrupted', data });
      } else {
        outcome = 'error';
        const e = err as Error & { exceptionType?: string };
        const inputs = prompt[nodeId]?.inputs ?? {};
        record('execution_error', {
          prompt_id: promptId,
          node_id: nodeId,
          node_type: nodeType,
          executed,
          exception_message: e.message,
          exception_type: err instanceof NodeFailure ? err.exceptionType : 'RuntimeError',
          traceback: [
            '  File "/ComfyUI/execution.py", line 496, in execute\n',
            `  File "/ComfyUI/nodes.py", line 1, in ${nodeType}\n`,
          ],
          current_inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, [v]])),
          current_outputs: Object.keys(prompt),
          timestamp: Date.now(),
        });
      }
    }
    this.cache = outcome === 'success' ? newCache : new Map([...this.cache, ...newCache]);
    if (faults.historyDelayMs) await this.sleep(faults.historyDelayMs);
    this.history.set(promptId, {
      prompt: item,
      outputs: results,
      status: {
        status_str: outcome === 'success' ? 'success' : 'error',
        completed: outcome === 'success',
        messages,
      },
      meta: Object.fromEntries(
        Object.keys(results).map((id) => [
          id,
          { node_id: id, display_node: id, parent_node: null, real_node_id: id },
        ]),
      ),
    });
    while (this.history.size > 10_000) this.history.delete(this.history.keys().next().value!);
    this.running = null;
    this.broadcastStatus();
    life('executing', { node: null, prompt_id: promptId });
  }

  private async sample(
    id: string,
    prompt: ApiPrompt,
    timeScale: number,
    faults: SimFaults,
    tick: (v: number, max: number) => void,
  ): Promise<void> {
    const steps = Math.max(1, Math.min(200, Number(prompt[id]?.inputs?.steps ?? 20) || 20));
    const r = segmentParams(prompt, id);
    // default speed: 80 frames at 512² sample in ~0.9 s
    const total = (900 * (r.frames * r.width * r.height)) / (80 * 512 * 512);
    const perStep = (Math.min(20_000, Math.max(30, total)) * timeScale) / steps;
    const half = Math.ceil(steps / 2);
    for (let s = 1; s <= steps; s++) {
      if (this.interruptFlag) throw new Interrupted(id);
      if (s === half && faults.stallMs) {
        const until = faults.stallMs < 0 ? Number.POSITIVE_INFINITY : Date.now() + faults.stallMs;
        while (Date.now() < until && !this.interruptFlag) await this.sleep(20);
        if (this.interruptFlag) throw new Interrupted(id);
      }
      if (s === half && faults.dropSocket) this.hooks.dropSockets();
      if (s === half && faults.restart) {
        this.hooks.restart();
        throw new Stopped();
      }
      await this.sleep(perStep);
      tick(s, steps);
    }
  }
}
