import { z } from 'zod';
import { isoDateTime, pageQueryShape, pageSchema } from './common.js';

/** Actions written today; later modules add their own. */
export const auditActions = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.refresh_reused',
  'auth.locked',
  'user.created',
  'user.updated',
  'user.role_changed',
  'user.deactivated',
  'user.reactivated',
  'user.password_reset',
  'user.password_changed',
  'system.admin_bootstrapped',
  'project.created',
  'project.updated',
  'project.status_changed',
  'project.deleted',
  'project.restored',
  'project.metadata_schema_changed',
  'variant_type.created',
  'variant_type.updated',
  'variant_type.deleted',
  'scene_type.created',
  'scene_type.updated',
  'scene_type.deleted',
  'scene.matrix_created',
  'character.created',
  'character.updated',
  'character.deleted',
  'character.restored',
  'character.tags_changed',
  'scene_type.tags_changed',
  'character.source_image_set',
  'character.variant_uploaded',
  'character.variant_decided',
  'character.imported',
  'character.purged',
  'project.purged',
  'character.variant_deleted',
  'character.source_image_deleted',
  'import.started',
  'import.completed',
  'import.cancelled',
  'project.metadata_imported',
  'scene.video_imported',
  'scene.video_assembled',
  'scene.assembly_requested',
  'delivery.requested',
  'scene.video_final_set',
  'scene.video_deleted',
  'scene.video_restored',
  'scene.video_purged',
  'scene.tags_changed',
  'workflow.imported',
  'workflow.version_added',
  'workflow.validated',
  'workflow.dry_run',
  'workflow.deleted',
  'workflow.parameters_changed',
  'worker.registered',
  'worker.updated',
  'worker.state_changed',
  'output_profile.created',
  'output_profile.updated',
  'output_profile.deleted',
  'rendition.requested',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditEventSchema = z
  .object({
    id: z.string().describe('Sequence number of the event in the chain'),
    occurredAt: isoDateTime,
    action: z.string(),
    actor: z
      .object({ id: z.string().nullable(), email: z.string().nullable(), label: z.string() })
      .describe('Who did it; label is "system" for the studio itself'),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    summary: z.string(),
    details: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditQuerySchema = z.strictObject({
  ...pageQueryShape,
  action: z.string().max(100).optional().describe('Exact action, or a prefix ending in `.` such as `user.`'),
  actorId: z.uuid({ error: 'must be a UUID' }).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  q: z.string().trim().max(200).optional().describe('Searches summary and actor'),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});
export const auditPageSchema = pageSchema(auditEventSchema).meta({ id: 'AuditEventPage' });

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.string().nullable(),
});
