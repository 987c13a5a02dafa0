// `retention.sweep` (CPU): purges what has been in the trash longer than its project's grace period. Idempotent: a
// second run finds nothing left to purge.
import { retentionSweepPayloadSchema } from '@i2v/contracts';
import type { RetentionService } from '../../retention/service.js';
import type { JobHandler } from '../registry.js';

export function retentionSweepHandler(retention: RetentionService): JobHandler<Record<string, never>> {
  return {
    kind: 'retention.sweep',
    resource: 'cpu',
    label: 'Trash sweep',
    description: 'Purges characters, projects and video versions whose trash grace period has passed',
    payload: retentionSweepPayloadSchema,
    async run(ctx) {
      ctx.progress(0.1, 'sweeping the trash');
      const result = await retention.sweep();
      return { result: { ...result } };
    },
  };
}
