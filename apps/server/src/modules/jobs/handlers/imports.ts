// `import.analyse` and `import.commit` (CPU): the two background steps of a character import (PRD-016/067) as jobs,
// so they survive a restart and show in the queue. Both are idempotent: the analysis rewrites the plan, and the commit
// runs in one transaction and matches images by content, so a re-run adds nothing twice.
import { importJobPayloadSchema } from '@i2v/contracts';
import type { Db } from '../../../db/client.js';
import type { ImportsService } from '../../imports/service.js';
import { contextOfUser } from '../../users/repo.js';
import { JobFailure, type JobHandler } from '../registry.js';

type Payload = { importId: string };

async function run(step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (err) {
    // the import row says what went wrong; the job fails with it (a content failure: not retried by itself)
    throw new JobFailure(
      'content',
      err instanceof Error ? ((err as { detail?: string }).detail ?? err.message) : String(err),
    );
  }
}

export function importAnalyseHandler(imports: ImportsService): JobHandler<Payload> {
  return {
    kind: 'import.analyse',
    resource: 'cpu',
    label: 'Analyse an import',
    description: 'Decodes every uploaded image once, reads metadata files and plans the import',
    payload: importJobPayloadSchema,
    async run(ctx) {
      ctx.progress(0.05, 'analysing');
      await run(() => imports.runAnalysis(ctx.job.payload.importId));
      return { result: { importId: ctx.job.payload.importId } };
    },
  };
}

export function importCommitHandler(imports: ImportsService, db: Db): JobHandler<Payload> {
  return {
    kind: 'import.commit',
    resource: 'cpu',
    label: 'Import characters',
    description: 'Writes the planned characters, images and metadata in one transaction',
    payload: importJobPayloadSchema,
    async run(ctx) {
      ctx.progress(0.05, 'importing');
      // audit rows name the person who committed the import: the job's owner
      const actorCtx = await contextOfUser(db, ctx.job.ownerUserId);
      await run(() => imports.runCommit(ctx.job.payload.importId, actorCtx));
      return { result: { importId: ctx.job.payload.importId } };
    },
  };
}
