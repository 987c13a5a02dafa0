// A ComfyUI server as one object: HTTP routes, one WebSocket, prompt ↔ job mapping and completion tracking.
import { randomUUID } from 'node:crypto';
import { ComfyError } from './errors.js';
import { type ComfyEvent, eventPromptId } from './events.js';
import { type CallOptions, ComfyHttp, type ComfyHttpOptions, type SubmitRequest } from './http.js';
import { ComfySocket, type ComfySocketOptions } from './socket.js';
import type { ApiWorkflow, HistoryEntry, NodeOutput } from './types.js';

export interface ComfyClientOptions extends ComfyHttpOptions, ComfySocketOptions {
  /** WebSocket client id; default a fresh lower-case UUID per client (never share one). */
  clientId?: string;
}

export interface SubmitOptions extends CallOptions {
  /** Caller's job id, mapped to the returned prompt id. */
  jobId?: string;
  extraData?: Record<string, unknown>;
  front?: boolean;
}

export interface Submitted {
  promptId: string;
  number: number;
  /** Non-empty on a partial success: these outputs were dropped, the rest run. */
  nodeErrors: Record<string, unknown>;
}

export type CompletionStatus = 'success' | 'error' | 'interrupted';

export interface Completion {
  promptId: string;
  status: CompletionStatus;
  outputs: Record<string, NodeOutput>;
  /** The execution_error event when status is 'error' (from the socket, or rebuilt from history). */
  error: Extract<ComfyEvent, { type: 'execution_error' }> | null;
  history: HistoryEntry | null;
  /** How the verdict was reached: a socket event or /history polling. */
  via: 'socket' | 'poll';
}

export interface WaitOptions {
  signal?: AbortSignal;
  /** Give up after this long (ms); default none. */
  timeoutMs?: number;
  /** Poll interval while the socket is down (ms, default 500). */
  pollMs?: number;
  /** Watchdog poll interval while the socket is up but may have gone silent (ms, default 5 000). */
  watchdogMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ComfyClient {
  readonly http: ComfyHttp;
  readonly socket: ComfySocket;
  readonly clientId: string;
  private readonly jobByPrompt = new Map<string, string>();
  private readonly promptByJob = new Map<string, string>();
  /** Outcomes seen on the socket, kept so a wait that starts after a fast (cached) run still sees it. */
  private readonly finished = new Map<string, { status: CompletionStatus; error: Completion['error'] }>();
  private readonly outputsSeen = new Map<string, Record<string, NodeOutput>>();
  private readonly waiters = new Set<() => void>();

  constructor(baseUrl: string, options: ComfyClientOptions = {}) {
    this.http = new ComfyHttp(baseUrl, options);
    this.clientId = options.clientId ?? randomUUID();
    this.socket = new ComfySocket(() => this.http.socketUrl(this.clientId), options);
    this.socket.onEvent((e) => this.track(e));
  }

  private track(e: ComfyEvent): void {
    const id = eventPromptId(e);
    if (!id) return;
    if (e.type === 'execution_start') this.outputsSeen.set(id, {});
    if (e.type === 'executed' && e.output) {
      const outs = this.outputsSeen.get(id) ?? {};
      outs[e.node] = e.output;
      this.outputsSeen.set(id, outs);
    }
    let verdict: { status: CompletionStatus; error: Completion['error'] } | null = null;
    if (e.type === 'execution_success') verdict = { status: 'success', error: null };
    else if (e.type === 'execution_error') verdict = { status: 'error', error: e };
    else if (e.type === 'execution_interrupted') verdict = { status: 'interrupted', error: null };
    if (!verdict) return;
    this.finished.set(id, verdict);
    for (const map of [this.finished, this.outputsSeen] as Map<string, unknown>[]) {
      while (map.size > 1000) map.delete(map.keys().next().value!);
    }
  }

  /** Probes the server and opens the socket; resolves once the first `status` frame arrived. */
  async connect(options: CallOptions = {}): Promise<void> {
    await this.http.probe(options);
    this.socket.start();
    await this.socket.waitOpen(options.timeoutMs ?? 10_000);
  }

  /** Closes the socket; pending waitForCompletion calls reject with COMFY_ABORTED. */
  close(): void {
    this.socket.stop();
    for (const stop of [...this.waiters]) stop();
  }

  /** Subscribes to every typed event; returns an unsubscribe function. */
  onEvent(fn: (e: ComfyEvent) => void): () => void {
    return this.socket.onEvent(fn);
  }

  /** Queues a workflow under this client's id, with our own UUID prompt id. */
  async submit(workflow: ApiWorkflow, options: SubmitOptions = {}): Promise<Submitted> {
    const body: SubmitRequest = { prompt: workflow, client_id: this.clientId, prompt_id: randomUUID() };
    if (options.extraData) body.extra_data = options.extraData;
    if (options.front) body.front = true;
    const res = await this.http.submitPrompt(body, options);
    if (options.jobId) {
      this.jobByPrompt.set(res.prompt_id, options.jobId);
      this.promptByJob.set(options.jobId, res.prompt_id);
    }
    return { promptId: res.prompt_id, number: res.number, nodeErrors: res.node_errors ?? {} };
  }

  jobIdFor(promptId: string): string | undefined {
    return this.jobByPrompt.get(promptId);
  }

  promptIdFor(jobId: string): string | undefined {
    return this.promptByJob.get(jobId);
  }

  /** Forgets a job's mapping (after its completion has been handled). */
  release(promptId: string): void {
    const job = this.jobByPrompt.get(promptId);
    this.jobByPrompt.delete(promptId);
    if (job) this.promptByJob.delete(job);
  }

  /** Cancels a prompt: interrupts it when running, removes it when pending. */
  async cancel(promptId: string, options: CallOptions = {}): Promise<void> {
    const q = await this.http.getQueue(options);
    if (q.queue_running.some((i) => i[1] === promptId)) await this.http.interrupt(promptId, options);
    else if (q.queue_pending.some((i) => i[1] === promptId))
      await this.http.deleteFromQueue([promptId], options);
  }

  /**
   * Resolves when the prompt finishes, from its terminal socket event or, while the socket is down or silent, from
   * polling `/queue` then `/history/{id}`. Rejects COMFY_PROMPT_LOST when it is in neither (a restart or a delete).
   */
  waitForCompletion(promptId: string, options: WaitOptions = {}): Promise<Completion> {
    const pollMs = options.pollMs ?? 500;
    const watchdogMs = options.watchdogMs ?? 5_000;
    return new Promise<Completion>((resolve, reject) => {
      let done = false;
      let timer: NodeJS.Timeout | null = null;
      let deadline: NodeJS.Timeout | null = null;
      const finish = (fn: () => void) => {
        if (done) return;
        done = true;
        off();
        offState();
        if (timer) clearTimeout(timer);
        if (deadline) clearTimeout(deadline);
        options.signal?.removeEventListener('abort', onAbort);
        this.waiters.delete(onAbort);
        fn();
      };
      const onAbort = () =>
        finish(() => reject(new ComfyError('COMFY_ABORTED', `stopped waiting for prompt ${promptId}`)));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(onAbort);
      if (options.timeoutMs) {
        deadline = setTimeout(
          () =>
            finish(() =>
              reject(
                new ComfyError('COMFY_TIMEOUT', `prompt ${promptId} not finished in ${options.timeoutMs} ms`),
              ),
            ),
          options.timeoutMs,
        );
      }
      let terminal: { status: CompletionStatus; error: Completion['error'] } | null = null;
      const settleFromSocket = async () => {
        const t = terminal!;
        // history is written after execution_success; retry briefly (#11540)
        let history: HistoryEntry | null = null;
        for (let i = 0; i < 10 && !done; i++) {
          history = await this.http.getHistoryEntry(promptId).catch(() => null);
          if (history) break;
          await sleep(50 * (i + 1));
        }
        finish(() =>
          resolve({
            promptId,
            status: t.status,
            outputs: history?.outputs ?? this.outputsSeen.get(promptId) ?? {},
            error: t.error,
            history,
            via: 'socket',
          }),
        );
      };
      // track() runs first (registered in the constructor), so `finished` is current here
      const off = this.socket.onEvent((e) => {
        if (done || terminal || eventPromptId(e) !== promptId) return;
        const verdict = this.finished.get(promptId);
        if (!verdict) return;
        terminal = verdict;
        void settleFromSocket();
      });
      const early = this.finished.get(promptId);
      if (early) {
        terminal = early;
        void settleFromSocket();
      }
      const poll = async () => {
        timer = null;
        if (done) return;
        try {
          const verdict = await this.pollOnce(promptId);
          if (verdict === 'lost') {
            finish(() =>
              reject(
                new ComfyError('COMFY_PROMPT_LOST', `prompt ${promptId} is neither queued nor in history`),
              ),
            );
            return;
          }
          if (verdict && !terminal) {
            finish(() => resolve(verdict));
            return;
          }
        } catch {
          // server unreachable: keep polling until it is back, or the caller's timeout
        }
        schedule();
      };
      const schedule = (delay?: number) => {
        if (done || timer) return;
        timer = setTimeout(poll, delay ?? (this.socket.state === 'open' ? watchdogMs : pollMs));
      };
      // socket down: poll fast; socket back: reconcile at once (events sent while it was down are lost)
      const offState = this.socket.onState((s) => {
        if (done || s === 'connecting') return;
        if (timer) clearTimeout(timer);
        timer = null;
        schedule(s === 'open' ? 0 : undefined);
      });
      // one immediate reconciliation: the prompt may already be gone (deleted, lost in a restart)
      schedule(0);
    });
  }

  /** One reconciliation step: queue first, then history (the reverse order can misreport). */
  private async pollOnce(promptId: string): Promise<Completion | 'lost' | null> {
    const q = await this.http.getQueue();
    if ([...q.queue_running, ...q.queue_pending].some((i) => i[1] === promptId)) return null;
    const history = await this.http.getHistoryEntry(promptId);
    if (!history) {
      // it may have finished between the two calls: look once more before calling it lost
      const again = await this.http.getHistoryEntry(promptId);
      if (!again) return 'lost';
      return completionFromHistory(promptId, again);
    }
    return completionFromHistory(promptId, history);
  }
}

/** Pure: the verdict recorded in a history entry. */
export function completionFromHistory(promptId: string, history: HistoryEntry): Completion {
  const messages = history.status?.messages ?? [];
  const last = (name: string) => messages.find(([n]) => n === name)?.[1];
  const err = last('execution_error');
  let status: CompletionStatus = 'success';
  if (history.status?.status_str === 'error' || !history.status?.completed) {
    status = last('execution_interrupted') ? 'interrupted' : 'error';
  }
  return {
    promptId,
    status,
    outputs: history.outputs ?? {},
    error: err
      ? {
          type: 'execution_error',
          promptId,
          nodeId: String(err.node_id ?? ''),
          nodeType: String(err.node_type ?? ''),
          executed: Array.isArray(err.executed) ? err.executed.map(String) : [],
          exceptionMessage: String(err.exception_message ?? ''),
          exceptionType: String(err.exception_type ?? ''),
          traceback: Array.isArray(err.traceback) ? err.traceback.map(String) : [],
          currentInputs: (err.current_inputs as Record<string, unknown>) ?? {},
          currentOutputs: err.current_outputs ?? null,
          timestamp: typeof err.timestamp === 'number' ? err.timestamp : null,
        }
      : null,
    history,
    via: 'poll',
  };
}
