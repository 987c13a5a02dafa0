// What a live event does to the cached server state: progress is written straight into the cached jobs (smooth bars
// without a refetch); anything else marks the job's queries stale, a burst of events at a time.
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Job, JobPage, JobSummary } from '@/api/types';
import { overallProgress } from '@/pages/jobs/job-format';
import { jobKeys, notificationKeys } from '@/pages/jobs/job-queries';

export interface ProgressReport {
  jobId: string;
  progress: number;
  text: string | null;
}

function withProgress<T extends Job>(job: T, p: ProgressReport): T {
  // a late report must not move a finished job's bar, nor move any bar backwards within a run
  if (job.id !== p.jobId || (job.state !== 'running' && job.state !== 'dispatched')) return job;
  return { ...job, progress: Math.max(job.progress, p.progress), progressText: p.text ?? job.progressText };
}

/** The summary with one job's progress changed, and the overall figure with it. */
export function patchSummary(summary: JobSummary, p: ProgressReport): JobSummary {
  if (!summary.active.some((j) => j.id === p.jobId)) return summary;
  const patched = { ...summary, active: summary.active.map((j) => withProgress(j, p)) };
  return { ...patched, progress: overallProgress(patched) };
}

export function applyProgress(client: QueryClient, p: ProgressReport): void {
  client.setQueryData<JobSummary>(jobKeys.summary, (s) => (s ? patchSummary(s, p) : s));
  client.setQueryData<Job>(jobKeys.detail(p.jobId), (j) => (j ? withProgress(j, p) : j));
  client.setQueriesData<InfiniteData<JobPage>>({ queryKey: jobKeys.lists }, (data) =>
    data?.pages.some((page) => page.items.some((j) => j.id === p.jobId))
      ? {
          ...data,
          pages: data.pages.map((page) => ({ ...page, items: page.items.map((j) => withProgress(j, p)) })),
        }
      : data,
  );
}

/**
 * Refetches what shows these jobs: the tray, the queue lists, the timeline, and their detail pages and histories if
 * open; budgets and schedules too, since a finished job uses GPU time and a schedule's job may be among them.
 */
export function invalidateJobs(client: QueryClient, jobIds: Iterable<string>): void {
  void client.invalidateQueries({ queryKey: jobKeys.summary });
  void client.invalidateQueries({ queryKey: jobKeys.lists });
  void client.invalidateQueries({ queryKey: jobKeys.timeline });
  void client.invalidateQueries({ queryKey: jobKeys.budgets });
  void client.invalidateQueries({ queryKey: jobKeys.schedules });
  for (const id of jobIds) {
    void client.invalidateQueries({ queryKey: jobKeys.detail(id) });
    void client.invalidateQueries({ queryKey: jobKeys.events(id) });
  }
}

/** After the socket was down: anything may have changed. */
export function invalidateEverythingLive(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: jobKeys.all });
  void client.invalidateQueries({ queryKey: notificationKeys.all });
}
