// Overall progress of one prompt from its events: finished and cached nodes, plus the running node's ticks.
import type { ComfyEvent } from './events.js';

export interface PromptProgress {
  /** 0..1 */
  fraction: number;
  currentNode: string | null;
  done: boolean;
}

/** Tracks one prompt; `nodeCount` is the number of nodes that will run (the API workflow's size). */
export class ProgressTracker {
  private readonly finished = new Set<string>();
  private current: string | null = null;
  private tick = 0;
  private ended = false;

  constructor(
    readonly promptId: string,
    private readonly nodeCount: number,
  ) {}

  /** Feeds an event (others' events are ignored) and returns the progress after it. */
  update(e: ComfyEvent): PromptProgress {
    if (!('promptId' in e) || e.promptId !== this.promptId) return this.progress;
    switch (e.type) {
      case 'execution_cached':
        for (const n of e.nodes) this.finished.add(n);
        break;
      case 'executing':
        // a node announced by progress_state before its `executing` is the same node starting, not finishing
        if (this.current && this.current !== e.node) {
          this.finished.add(this.current);
          this.tick = 0;
        }
        this.current = e.node;
        break;
      case 'progress':
        if (e.node) this.current = e.node;
        this.tick = e.max > 0 ? Math.min(1, e.value / e.max) : 0;
        break;
      case 'progress_state':
        for (const [id, n] of Object.entries(e.nodes)) {
          if (n.state === 'finished') this.finished.add(id);
          else if (n.state === 'running') {
            this.current = id;
            this.tick = n.max > 0 ? Math.min(1, n.value / n.max) : 0;
          }
        }
        break;
      case 'execution_success':
        this.ended = true;
        this.current = null;
        break;
      case 'execution_error':
      case 'execution_interrupted':
        this.ended = true;
        break;
    }
    return this.progress;
  }

  get progress(): PromptProgress {
    if (this.ended && this.current === null) return { fraction: 1, currentNode: null, done: true };
    const total = Math.max(1, this.nodeCount);
    const running = this.current && !this.finished.has(this.current) ? this.tick : 0;
    return {
      fraction: Math.min(1, (this.finished.size + running) / total),
      currentNode: this.current,
      done: this.ended,
    };
  }
}
