// HTTP for the audit trail (admin): list with filters and verify the hash chain.
import { auditPageSchema, auditQuerySchema, auditVerifySchema } from '@i2v/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../platform/http/responses.js';
import type { AuditService } from './service.js';

export const auditRoutes =
  (audit: AuditService): FastifyPluginAsyncZod =>
  async (app) => {
    const base = { tags: ['audit'], security: [{ bearer: [] }] };
    app.get(
      '/audit-events',
      {
        config: { guard: 'audit.read' },
        schema: {
          ...base,
          summary: 'List audit events, newest first',
          querystring: auditQuerySchema,
          response: { 200: auditPageSchema, ...problems },
        },
      },
      async (req) => {
        const { actorId, from, to, ...rest } = req.query;
        return audit.list({
          ...rest,
          actorPublicId: actorId,
          from: from ? new Date(from) : undefined,
          to: to ? new Date(to) : undefined,
        });
      },
    );
    app.get(
      '/audit-events/verify',
      {
        config: { guard: 'audit.read' },
        schema: {
          ...base,
          summary: 'Verify the hash chain of the whole audit trail',
          response: { 200: auditVerifySchema, ...problems },
        },
      },
      async () => audit.verify(),
    );
  };
