// Projects (PRD-001 §1.1, PRD-072 lifecycle, PRD-015 retention): the delivery unit of the studio.
import { z } from 'zod';
import { isoDateTime, pageQueryShape, pageSchema, publicIdSchema } from './common.js';
import { watermarkSchema } from './output-profiles.js';

export const projectStatuses = ['setup', 'active', 'delivered', 'archived', 'closed'] as const;
export const projectStatusSchema = z.enum(projectStatuses);
export type ProjectStatus = z.infer<typeof projectStatusSchema>;

const days = (what: string) =>
  z.number().int({ error: 'must be a whole number of days' }).min(1).max(3650).describe(what);

export const projectRetentionSchema = z
  .strictObject({
    failedOutputsDays: days('Failed generation outputs become reclaimable after this many days'),
    cancelledArtifactsDays: days('Artifacts of cancelled jobs become reclaimable after this many days'),
    trashGraceDays: days('Deleted items stay restorable in the trash for this many days'),
  })
  .meta({ id: 'ProjectRetention' });
export type ProjectRetention = z.infer<typeof projectRetentionSchema>;

export const projectSettingsSchema = z
  .strictObject({
    requireIndependentApproval: z
      .boolean()
      .describe('When true, creators cannot give final approval to scenes they generated themselves'),
    readiness: z
      .strictObject({
        sourceImage: z.boolean(),
        heroes: z.boolean().describe('An approved hero for every variant type the enabled scene types need'),
        metadata: z.boolean().describe('Metadata complete and valid against the metadata schema'),
        requiredSettings: z
          .array(z.string().trim().min(1).max(100))
          .max(50)
          .describe("Keys of the character's pipeline settings that must have a value"),
      })
      .describe('What a character needs to count as ready (PRD-107)'),
    reviewWatermark: watermarkSchema
      .nullable()
      .describe('What review cuts of this project are watermarked with; null uses the studio\'s ("REVIEW")'),
  })
  .meta({ id: 'ProjectSettings' });
export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

export const projectNameSchema = z.string().trim().min(1, { error: 'must not be empty' }).max(120);
const descriptionSchema = z.string().trim().max(2000);

export const projectSchema = z
  .object({
    id: publicIdSchema,
    name: z.string(),
    description: z.string(),
    status: projectStatusSchema,
    locked: z.boolean().describe('Delivered, archived and closed projects refuse edits until re-opened'),
    allowedTransitions: z.array(projectStatusSchema).describe('Statuses this project may move to now'),
    retention: projectRetentionSchema,
    settings: projectSettingsSchema,
    metadataSchema: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe('JSON Schema of the characters’ delivery metadata (metadata.json); null for none'),
    createdBy: z.object({ id: publicIdSchema, displayName: z.string() }).nullable(),
    deletedAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Project' });
export type Project = z.infer<typeof projectSchema>;

export const projectListQuerySchema = z.strictObject({
  ...pageQueryShape,
  q: z.string().trim().max(200).optional().describe('Matches name or description'),
  status: projectStatusSchema.optional(),
  deleted: z.enum(['exclude', 'only']).default('exclude').describe('`only` lists the trash'),
});
export const projectPageSchema = pageSchema(projectSchema).meta({ id: 'ProjectPage' });

export const createProjectBodySchema = z.strictObject({
  name: projectNameSchema,
  description: descriptionSchema.default(''),
  retention: projectRetentionSchema.partial().optional(),
  settings: projectSettingsSchema.partial().optional(),
});

export const updateProjectBodySchema = z
  .strictObject({
    name: projectNameSchema.optional(),
    description: descriptionSchema.optional(),
    retention: projectRetentionSchema.partial().optional(),
    settings: projectSettingsSchema.partial().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'at least one field is required' });

export const setMetadataSchemaBodySchema = z.strictObject({
  schema: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('A JSON Schema with `type: object` at the root, or null to remove it'),
});

export const projectTransitionBodySchema = z.strictObject({
  to: projectStatusSchema,
  note: z.string().trim().max(500).optional().describe('Why; kept in the audit trail'),
});
