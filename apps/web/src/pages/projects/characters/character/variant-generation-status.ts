// Where a variant generation stands, from its render job and its registration job: one phase with a word, a colour,
// a progress, a sentence and the job to open.
import type { Job } from '@/api/types';
import { jobStateDescriptions } from '@/pages/jobs/job-format';

export type GenerationPhase = 'starting' | 'queued' | 'rendering' | 'registering' | 'done' | 'failed';

export interface GenerationStatus {
  phase: GenerationPhase;
  label: string;
  color: string;
  /** 0…1 while rendering; null otherwise. */
  progress: number | null;
  detail: string | null;
  /** The job to open for details: the failed one, else the render. */
  jobId: string | null;
}

const failedStates: ReadonlySet<Job['state']> = new Set(['failed', 'cancelled']);

function failure(job: Job, what: string): GenerationStatus {
  const reason = job.error?.message ?? `The ${what} was ${job.state}.`;
  return { phase: 'failed', label: 'Failed', color: 'red', progress: null, detail: reason, jobId: job.id };
}

/** How many variants the registration added (its job result), or null when it does not say. */
function addedBy(collect: Job): number | null {
  const added = collect.result?.added;
  return typeof added === 'number' ? added : null;
}

export function generationStatusOf(render: Job | undefined, collect: Job | undefined): GenerationStatus {
  if (!render) {
    return { phase: 'starting', label: 'Starting', color: 'gray', progress: null, detail: null, jobId: null };
  }
  if (failedStates.has(render.state)) return failure(render, 'render');
  if (render.state === 'dispatched' || render.state === 'running') {
    return {
      phase: 'rendering',
      label: 'Rendering',
      color: 'teal',
      progress: render.progress,
      detail: render.progressText ?? `On ${render.worker?.name ?? 'a worker'}`,
      jobId: render.id,
    };
  }
  if (render.state !== 'completed') {
    return {
      phase: 'queued',
      label: render.state === 'paused' ? 'Paused' : render.state === 'retrying' ? 'Retrying' : 'Queued',
      color: render.state === 'paused' ? 'yellow' : 'blue',
      progress: null,
      detail: jobStateDescriptions[render.state],
      jobId: render.id,
    };
  }
  if (collect && failedStates.has(collect.state)) return failure(collect, 'registration of the pictures');
  if (collect?.state !== 'completed') {
    return {
      phase: 'registering',
      label: 'Registering',
      color: 'indigo',
      progress: null,
      detail: 'Adding the rendered pictures as generated variants',
      jobId: collect?.id ?? render.id,
    };
  }
  const added = addedBy(collect);
  let detail = 'The new variant is below: approve it, reject it or make it the hero.';
  if (added === 0) detail = 'The render made no new picture; nothing was added.';
  else if (added !== null && added > 1)
    detail = `${added} new variants are below, each waiting for a decision.`;
  return { phase: 'done', label: 'Done', color: 'green', progress: null, detail, jobId: render.id };
}
