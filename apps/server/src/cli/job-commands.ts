// `i2v jobs list|cancel|retry`: the queue from the command line (the embedded database only while the studio is
// stopped, since one process may open it; any time with DATABASE_URL).
import { jobStates } from '@i2v/contracts';
import type { Command } from 'commander';
import { AppError } from '../platform/errors.js';
import { cliContext, withServices } from './user-commands.js';

const operator = { ctx: cliContext, manageAll: true };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function jobId(id: string): string {
  if (!uuid.test(id)) throw new AppError('request.invalid', `${id} is not a job id (a UUID)`);
  return id;
}

export function registerJobCommands(program: Command): void {
  const jobs = program.command('jobs').description('List, cancel and retry jobs');
  jobs
    .command('list')
    .description('Jobs in queue order (running first), or newest first')
    .option('--state <states>', `comma-separated: ${jobStates.join(', ')}`)
    .option('--newest', 'newest first instead of queue order')
    .option('--limit <n>', 'how many (1-200)', '50')
    .action(async (o: { state?: string; newest?: boolean; limit: string }) => {
      const states = o.state?.split(',').map((s) => s.trim());
      const bad = states?.find((s) => !(jobStates as readonly string[]).includes(s));
      if (bad)
        throw new AppError(
          'request.invalid',
          `--state ${bad} is not a job state; use ${jobStates.join(', ')}`,
        );
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200)
        throw new AppError('request.invalid', '--limit must be a whole number from 1 to 200');
      const page = await withServices((s) =>
        s.jobs.list(0, {
          state: states as (typeof jobStates)[number][] | undefined,
          order: o.newest ? 'newest' : 'queue',
          limit,
        }),
      );
      if (page.items.length === 0) {
        console.log('No jobs.');
        return;
      }
      for (const j of page.items) {
        const progress = j.state === 'running' ? ` ${Math.round(j.progress * 100)}%` : '';
        console.log(
          `${j.id}  ${j.state.padEnd(10)}${progress.padEnd(5)} ${j.priority.padEnd(10)} ${j.kind.padEnd(20)} ${j.label}${j.worker ? ` @ ${j.worker.name}` : ''}`,
        );
      }
    });
  jobs
    .command('cancel <id>')
    .description('Cancel a job (a running render is interrupted on its worker)')
    .action(async (id: string) => {
      const j = await withServices((s) => s.jobs.cancel(operator, jobId(id)));
      console.log(`${j.label}: ${j.state}`);
    });
  jobs
    .command('retry <id>')
    .description('Run a failed or cancelled job again')
    .action(async (id: string) => {
      const j = await withServices((s) => s.jobs.retry(operator, jobId(id), {}));
      console.log(`${j.label}: ${j.state}`);
    });
}
