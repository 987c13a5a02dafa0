// Liveness and readiness (ARCHITECTURE §9): ready only when migrations are applied and work is accepted.
import { healthSchema } from '@i2v/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export interface Readiness {
  /** Non-null explains why the process does not accept work. */
  notReadyReason(): string | null;
  pingDatabase(): Promise<void>;
}

export const healthRoutes =
  (readiness: Readiness): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health/live',
      {
        config: { guard: 'public' },
        schema: { tags: ['health'], summary: 'The process is alive', response: { 200: healthSchema } },
      },
      async () => ({ status: 'ok' as const, checks: {} }),
    );
    app.get(
      '/health/ready',
      {
        config: { guard: 'public' },
        schema: {
          tags: ['health'],
          summary: 'The studio accepts work: database reachable, migrations applied, not shutting down',
          response: { 200: healthSchema, 503: healthSchema },
        },
      },
      async (_req, reply) => {
        const reason = readiness.notReadyReason();
        let db: { ok: boolean; detail?: string } = { ok: true };
        try {
          await readiness.pingDatabase();
        } catch (err) {
          db = { ok: false, detail: (err as Error).message };
        }
        const checks = { database: db, accepting: reason ? { ok: false, detail: reason } : { ok: true } };
        const ok = db.ok && !reason;
        return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', checks });
      },
    );
  };
