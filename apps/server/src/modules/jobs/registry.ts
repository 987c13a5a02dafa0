// Job kinds and their handlers: one registry, checked at boot (every kind in the contracts has exactly one handler).
import { type JobKind, type JobResource, jobKinds } from '@i2v/contracts';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';

/** Why a running job is being stopped. */
export type StopReason = 'cancelled' | 'lease_lost' | 'shutdown';

export interface RunningJob<P> {
  id: number;
  publicId: string;
  kind: string;
  payload: P;
  attempts: number;
  /** Set when an earlier attempt (or a crashed process) already submitted this attempt's prompt. */
  promptId: string | null;
  checkpoints: { step: string; at: string; data: Record<string, unknown> }[];
  ownerUserId: number | null;
  projectId: number | null;
}

export interface JobRunContext<P> {
  job: RunningJob<P>;
  /** The ComfyUI worker the scheduler chose (GPU jobs). */
  worker: { id: number; publicId: string; name: string; url: string } | null;
  /** Aborted when the job is cancelled, its lease is lost or the process shuts down; `signal.reason` says which. */
  signal: AbortSignal;
  /** Reports progress 0…1 (throttled before it reaches the database; pushed live at once). */
  progress(fraction: number, text?: string | null): void;
  /** Records the ComfyUI prompt id and marks the job running, before waiting for the result. */
  submitted(promptId: string): Promise<void>;
  /** Records a completed step (PRD-028); a resumed run finds it in `job.checkpoints`. */
  checkpoint(step: string, data: Record<string, unknown>): Promise<void>;
  log(level: 'info' | 'warning' | 'error', message: string, details?: Record<string, unknown>): Promise<void>;
}

/** What a finished run hands back: stored on the job as its result. */
export interface JobOutcome {
  result: Record<string, unknown>;
  /** Media files written by the run (registered already), listed with the job. */
  outputMediaIds?: string[];
  gpuSeconds?: number;
}

/**
 * A run that did not succeed. `content`: the work itself failed (a node error) — never retried silently (PRD-007).
 * `infrastructure`: the worker or the connection failed — retried on another worker within the job's attempts.
 */
export class JobFailure extends Error {
  constructor(
    readonly category: 'content' | 'infrastructure',
    message: string,
    readonly details: {
      nodeId?: string | null;
      nodeType?: string | null;
      traceback?: string[];
      outputMediaIds?: string[];
    } = {},
  ) {
    super(message);
    this.name = 'JobFailure';
  }
}

export interface SubmissionCheck {
  /** Shown in the tray and the queue when the submitter gave none. */
  label?: string;
  estimatedSeconds?: number;
}

export interface JobHandler<P = unknown> {
  kind: JobKind;
  resource: JobResource;
  label: string;
  description: string;
  payload: z.ZodType<P>;
  /** Checks what the payload refers to at submission; throws AppError naming fields under `at` (`body.payload`). */
  check?(db: Executor, payload: P, at: string): Promise<SubmissionCheck>;
  run(ctx: JobRunContext<P>): Promise<JobOutcome>;
}

export class JobRegistry {
  private readonly handlers = new Map<string, JobHandler<never>>();

  register<P>(handler: JobHandler<P>): this {
    if (this.handlers.has(handler.kind)) throw new Error(`job kind ${handler.kind} registered twice`);
    this.handlers.set(handler.kind, handler as unknown as JobHandler<never>);
    return this;
  }

  get(kind: string): JobHandler<unknown> | undefined {
    return this.handlers.get(kind) as JobHandler<unknown> | undefined;
  }

  list(): JobHandler<unknown>[] {
    return [...this.handlers.values()] as JobHandler<unknown>[];
  }

  /** Boot check: every kind the contracts name has a handler, and no handler is for an unknown kind. */
  assertComplete(): void {
    const missing = jobKinds.filter((k) => !this.handlers.has(k));
    const unknown = [...this.handlers.keys()].filter((k) => !(jobKinds as readonly string[]).includes(k));
    if (missing.length || unknown.length) {
      throw new Error(
        `job handlers do not match the job kinds: missing ${missing.join(', ') || 'none'}; unknown ${unknown.join(', ') || 'none'}`,
      );
    }
  }
}
