// The job engine (PRD-007/008/028/097, ARCHITECTURE §4): durable jobs, their control actions, history and kinds.
import { z } from 'zod';
import { isoDateTime, pageQueryShape, pageSchema, publicIdSchema } from './common.js';
import { workerTagSchema } from './workers.js';

/** Every state a job can be in; the legal moves between them are `packages/domain/src/job-state.ts`. */
export const jobStates = [
  'pending',
  'scheduled',
  'queued',
  'dispatched',
  'running',
  'paused',
  'retrying',
  'completed',
  'failed',
  'cancelled',
] as const;
export type JobState = (typeof jobStates)[number];

/** Urgent first, then normal, then background; first in, first out within a level (PRD-008 §1.1). */
export const jobPriorities = ['urgent', 'normal', 'background'] as const;
export type JobPriority = (typeof jobPriorities)[number];

/** Where a kind runs: `gpu` jobs go through the bridge to a ComfyUI worker, `cpu` jobs run in media processes. */
export const jobResources = ['gpu', 'cpu'] as const;
export type JobResource = (typeof jobResources)[number];

/** What happens to a job when a job it depends on fails or is cancelled (PRD-097). */
export const dependencyFailurePolicies = ['cancel', 'run'] as const;

export const jobKinds = [
  'comfy.render',
  'retention.sweep',
  'notifications.digest',
  'import.analyse',
  'import.commit',
  'segment.qa',
  'image.analyse',
  'variant.collect',
  'media.transcode',
  'scene.assemble',
  'delivery.package',
] as const;
export type JobKind = (typeof jobKinds)[number];

const slotValueSchema = z.union([z.string().max(10_000), z.number(), z.boolean()]);

/** Fault injection understood by comfy-sim only (a real ComfyUI ignores it); for drills and tests. */
export const simFaultsSchema = z
  .strictObject({
    failAt: z.string().max(100).optional(),
    failMessage: z.string().max(500).optional(),
    stallMs: z.number().int().min(-1).max(600_000).optional(),
    slowdown: z.number().min(0.01).max(100).optional(),
    dropSocket: z.boolean().optional(),
    restart: z.boolean().optional(),
    frames: z.enum(['black', 'frozen', 'drift', 'noface', 'jump', 'swap']).optional(),
    swapImage: z
      .string()
      .max(255)
      .optional()
      .describe("An input image already uploaded to the worker: where `frames: 'swap'` drifts to"),
    historyDelayMs: z.number().int().min(0).max(60_000).optional(),
    corrupt: z.boolean().optional(),
  })
  .describe('comfy-sim fault injection (ignored by a real ComfyUI)');

export const comfyRenderPayloadSchema = z
  .strictObject({
    workflowVersionId: publicIdSchema.describe('The workflow version to run'),
    inputImageId: publicIdSchema
      .optional()
      .describe('Media file loaded by every LoadImage node (a test frame when absent)'),
    endImageId: publicIdSchema
      .optional()
      .describe('Media file for the `end_image` slot of first-last-frame (transition) workflows'),
    parameters: z
      .record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), slotValueSchema)
      .optional()
      .describe('Slot key → value, e.g. `{ "positive_prompt": "…", "length": 33 }`'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 53 - 1)
      .optional()
      .describe('Fixed seed; a fresh one per attempt when absent'),
    estimatedSeconds: z.number().min(0).max(86_400).optional().describe('Expected GPU time'),
    sim: simFaultsSchema.optional(),
  })
  .meta({ id: 'ComfyRenderPayload' });
export type ComfyRenderPayload = z.infer<typeof comfyRenderPayloadSchema>;

export const retentionSweepPayloadSchema = z.strictObject({}).meta({ id: 'RetentionSweepPayload' });
export const importJobPayloadSchema = z
  .strictObject({ importId: publicIdSchema.describe('The character import') })
  .meta({ id: 'ImportJobPayload' });
export const imageAnalysePayloadSchema = z
  .strictObject({ fileId: publicIdSchema.describe('The image (media file) to analyse') })
  .meta({ id: 'ImageAnalysePayload' });
export const variantCollectPayloadSchema = z
  .strictObject({
    characterId: publicIdSchema,
    variantTypeId: publicIdSchema,
    renderJobId: publicIdSchema.describe('The image-to-image render whose pictures become variants'),
  })
  .meta({ id: 'VariantCollectPayload' });
export const segmentQaPayloadSchema = z
  .strictObject({ segmentId: publicIdSchema.describe('The segment to check') })
  .meta({ id: 'SegmentQaPayload' });
export const notificationDigestPayloadSchema = z.strictObject({}).meta({ id: 'NotificationDigestPayload' });

export const jobKindInfoSchema = z
  .object({
    kind: z.string(),
    label: z.string(),
    resource: z.enum(jobResources),
    description: z.string(),
  })
  .meta({ id: 'JobKindInfo' });

const tagListSchema = z
  .array(workerTagSchema)
  .max(16, { error: 'at most 16 tags' })
  .refine((t) => new Set(t).size === t.length, { error: 'must not repeat a tag' });

export const createJobSchema = z
  .strictObject({
    kind: z
      .string()
      .min(1)
      .max(64)
      .describe(`One of ${jobKinds.join(', ')}`),
    payload: z.record(z.string(), z.unknown()).default({}).describe('IDs and settings; checked per kind'),
    priority: z.enum(jobPriorities).default('normal'),
    projectId: publicIdSchema.optional(),
    requiredTags: tagListSchema.default([]).describe('A worker must carry every one'),
    preferredTags: tagListSchema.default([]).describe('Break ties between suitable workers'),
    runAt: isoDateTime.optional().describe('Do not start before this time (scheduled submission)'),
    offPeakOnly: z.boolean().default(false).describe('Only start inside the off-peak window'),
    dependsOn: z.array(publicIdSchema).max(100).default([]).describe('Jobs that must complete first'),
    onDependencyFailure: z.enum(dependencyFailurePolicies).default('cancel'),
    maxAttempts: z
      .number()
      .int()
      .min(1)
      .max(10)
      .default(3)
      .describe('Attempts after infrastructure failures'),
    label: z.string().trim().max(200).optional().describe('Shown in the tray and the queue'),
    budgetExempt: z
      .boolean()
      .default(false)
      .describe('Not counted against budgets and quotas (needs the "jobs.manage" permission)'),
  })
  .meta({ id: 'CreateJob' });
export type CreateJob = z.input<typeof createJobSchema>;

export const jobErrorSchema = z
  .object({
    code: z
      .string()
      .describe('`content` (the workflow failed), `infrastructure`, `cancelled`, `dependency`…'),
    message: z.string(),
    nodeId: z.string().nullable().optional(),
    nodeType: z.string().nullable().optional(),
    traceback: z.array(z.string()).optional(),
    retryable: z.boolean(),
  })
  .meta({ id: 'JobError' });

export const jobOutputSchema = z
  .object({
    mediaId: publicIdSchema,
    filename: z.string(),
    mimeType: z.string(),
    sizeBytes: z.number(),
    url: z.string().describe('Signed link'),
  })
  .meta({ id: 'JobOutput' });

export const jobCheckpointSchema = z
  .object({ step: z.string(), at: isoDateTime, data: z.record(z.string(), z.unknown()) })
  .meta({ id: 'JobCheckpoint' });

export const jobSchema = z
  .object({
    id: publicIdSchema,
    kind: z.string(),
    label: z.string(),
    resource: z.enum(jobResources),
    state: z.enum(jobStates),
    priority: z.enum(jobPriorities),
    payload: z.record(z.string(), z.unknown()),
    owner: z.object({ id: publicIdSchema, displayName: z.string() }).nullable(),
    projectId: publicIdSchema.nullable(),
    projectName: z.string().nullable(),
    requiredTags: z.array(z.string()),
    preferredTags: z.array(z.string()),
    worker: z.object({ id: publicIdSchema, name: z.string() }).nullable(),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    progress: z.number().describe('0…1'),
    progressText: z.string().nullable(),
    runAt: isoDateTime.nullable(),
    offPeakOnly: z.boolean(),
    budgetExempt: z.boolean(),
    gpuSeconds: z.number().describe('GPU time of its finished attempts'),
    pauseRequested: z.boolean().describe('A running job pauses at its next checkpoint'),
    promptId: z.string().nullable().describe('ComfyUI prompt id of the current attempt'),
    result: z.record(z.string(), z.unknown()).nullable(),
    error: jobErrorSchema.nullable(),
    outputs: z.array(jobOutputSchema),
    checkpoints: z.array(jobCheckpointSchema),
    dependsOn: z.array(publicIdSchema),
    onDependencyFailure: z.enum(dependencyFailurePolicies),
    parentId: publicIdSchema.nullable(),
    queuedAt: isoDateTime.nullable(),
    startedAt: isoDateTime.nullable(),
    finishedAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof jobSchema>;

export const jobPageSchema = pageSchema(jobSchema).meta({ id: 'JobPage' });

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(300)
    .transform((s, ctx) => {
      const parts = s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      for (const p of parts) {
        if (!(values as readonly string[]).includes(p)) {
          ctx.addIssue({ code: 'custom', message: `unknown value "${p}"; one of ${values.join(', ')}` });
          return z.NEVER;
        }
      }
      return parts as T[number][];
    });

export const jobListQuerySchema = z.strictObject({
  ...pageQueryShape,
  state: csv(jobStates).optional().describe('Comma-separated states; `active` lists are the default order'),
  kind: z.string().max(64).optional(),
  owner: z.union([z.literal('me'), publicIdSchema]).optional(),
  projectId: publicIdSchema.optional(),
  workerId: publicIdSchema.optional(),
  order: z
    .enum(['queue', 'newest'])
    .default('newest')
    .describe('`queue`: the order the scheduler takes them; `newest`: latest first'),
});
export type JobListQuery = z.input<typeof jobListQuerySchema>;

export const jobSummarySchema = z
  .object({
    running: z.number().int(),
    queued: z.number().int().describe('Queued, scheduled, retrying, pending and paused'),
    failedRecently: z.number().int().describe('Failed in the last 24 hours'),
    progress: z.number().nullable().describe('Mean progress of running jobs'),
    active: z.array(jobSchema).describe('Running and waiting jobs, running first, at most 20'),
  })
  .meta({ id: 'JobSummary' });

export const jobEventKinds = ['transition', 'log', 'moved', 'checkpoint'] as const;

export const jobEventSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(jobEventKinds),
    fromState: z.enum(jobStates).nullable(),
    toState: z.enum(jobStates).nullable(),
    attempt: z.number().int(),
    message: z.string(),
    level: z.enum(['info', 'warning', 'error']),
    worker: z.object({ id: publicIdSchema, name: z.string() }).nullable(),
    actor: z.object({ id: publicIdSchema, displayName: z.string() }).nullable(),
    details: z.record(z.string(), z.unknown()),
    at: isoDateTime,
  })
  .meta({ id: 'JobEvent' });

export const jobEventListSchema = z.object({ items: z.array(jobEventSchema) }).meta({ id: 'JobEventList' });

export const changePrioritySchema = z.strictObject({ priority: z.enum(jobPriorities) });

export const moveJobSchema = z
  .strictObject({
    to: z.enum(['front', 'back']).optional().describe('Front or back of its priority level'),
    before: publicIdSchema.optional().describe('Place just before this queued job (drag and drop)'),
    after: publicIdSchema.optional().describe('Place just after this queued job'),
  })
  .refine((m) => [m.to, m.before, m.after].filter((v) => v !== undefined).length === 1, {
    error: 'give exactly one of to, before, after',
  });

export const retryJobSchema = z
  .strictObject({
    payload: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Fields to change for the new attempt (merged into the payload, then checked)'),
    priority: z.enum(jobPriorities).optional(),
  })
  .default({});

export const rescheduleJobSchema = z.strictObject({
  runAt: isoDateTime.nullable().describe('null: queue now'),
});

export const bulkJobActionSchema = z
  .strictObject({
    action: z.enum(['cancel', 'pause', 'resume', 'retry', 'priority', 'front']),
    ids: z.array(publicIdSchema).min(1).max(500),
    priority: z.enum(jobPriorities).optional(),
  })
  .refine((b) => b.action !== 'priority' || b.priority !== undefined, {
    error: 'priority is required for the priority action',
    path: ['priority'],
  });

export const bulkJobResultSchema = z
  .object({
    results: z.array(
      z.object({
        id: publicIdSchema,
        ok: z.boolean(),
        code: z.string().nullable(),
        detail: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'BulkJobResult' });

/** The job a recurring schedule submits each time: a submission without a start time or dependencies. */
export const jobTemplateSchema = createJobSchema.omit({
  runAt: true,
  dependsOn: true,
  onDependencyFailure: true,
});

export const createJobScheduleSchema = z
  .strictObject({
    name: z.string().trim().min(1, { error: 'must not be empty' }).max(200),
    cron: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('Five or six fields (`0 3 * * *`: every day at 03:00), or a nickname like `@daily`'),
    timezone: z.string().max(100).default('UTC').describe('IANA time zone the cron fields are read in'),
    enabled: z.boolean().default(true),
    job: jobTemplateSchema,
  })
  .meta({ id: 'CreateJobSchedule' });

export const updateJobScheduleSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    cron: z.string().trim().min(1).max(200).optional(),
    timezone: z.string().max(100).optional(),
    enabled: z.boolean().optional(),
  })
  .meta({ id: 'UpdateJobSchedule' });

export const jobScheduleSchema = z
  .object({
    id: publicIdSchema,
    name: z.string(),
    cron: z.string(),
    timezone: z.string(),
    enabled: z.boolean(),
    job: z.record(z.string(), z.unknown()),
    owner: z.object({ id: publicIdSchema, displayName: z.string() }).nullable(),
    nextRunAt: isoDateTime.nullable(),
    lastRunAt: isoDateTime.nullable(),
    lastJobId: publicIdSchema.nullable(),
    lastError: z.string().nullable().describe('Why the last occurrence could not be submitted'),
    upcoming: z.array(isoDateTime).describe('The next five occurrences'),
    createdAt: isoDateTime,
  })
  .meta({ id: 'JobSchedule' });
export type JobSchedule = z.infer<typeof jobScheduleSchema>;

export const budgetPeriods = ['total', 'day', 'week', 'month'] as const;

const warnAtSchema = z
  .array(z.number().gt(0).lt(1))
  .max(5)
  .default([0.75, 0.9])
  .describe('Fractions of the limit at which the owner is warned, e.g. [0.75, 0.9]');

export const createBudgetSchema = z
  .strictObject({
    scope: z.enum(['project', 'user']),
    projectId: publicIdSchema.optional().describe('For a project budget'),
    userId: publicIdSchema.optional().describe("For a user's quota"),
    limitHours: z.number().gt(0).max(1_000_000).describe('GPU hours'),
    period: z
      .enum(budgetPeriods)
      .default('total')
      .describe('`total` for a whole budget; day/week/month reset (UTC)'),
    warnAt: warnAtSchema,
    hardLimit: z
      .boolean()
      .default(true)
      .describe('Hold new work once the limit is reached (false: warn only)'),
  })
  .superRefine((b, ctx) => {
    if (b.scope === 'project' && !b.projectId)
      ctx.addIssue({ code: 'custom', path: ['projectId'], message: 'is required for a project budget' });
    if (b.scope === 'user' && !b.userId)
      ctx.addIssue({ code: 'custom', path: ['userId'], message: "is required for a user's quota" });
    if (b.scope === 'project' && b.userId)
      ctx.addIssue({ code: 'custom', path: ['userId'], message: 'is not used by a project budget' });
    if (b.scope === 'user' && b.projectId)
      ctx.addIssue({ code: 'custom', path: ['projectId'], message: "is not used by a user's quota" });
  })
  .meta({ id: 'CreateBudget' });

export const updateBudgetSchema = z
  .strictObject({
    limitHours: z.number().gt(0).max(1_000_000).optional(),
    period: z.enum(budgetPeriods).optional(),
    warnAt: z.array(z.number().gt(0).lt(1)).max(5).optional(),
    hardLimit: z.boolean().optional(),
  })
  .meta({ id: 'UpdateBudget' });

export const budgetSchema = z
  .object({
    id: publicIdSchema,
    scope: z.enum(['project', 'user']),
    project: z.object({ id: publicIdSchema, name: z.string() }).nullable(),
    user: z.object({ id: publicIdSchema, displayName: z.string() }).nullable(),
    limitHours: z.number(),
    period: z.enum(budgetPeriods),
    periodStart: isoDateTime.nullable(),
    usedHours: z.number().describe('GPU hours of finished work in the period (exempt jobs not counted)'),
    exemptHours: z.number().describe('GPU hours of exempt jobs in the period, shown but not counted'),
    fraction: z.number(),
    state: z.enum(['ok', 'warning', 'exceeded']),
    remainingHours: z.number(),
    daysLeft: z.number().nullable().describe('At the last 7 days’ rate; null when nothing is being used'),
    warnAt: z.array(z.number()),
    hardLimit: z.boolean(),
  })
  .meta({ id: 'Budget' });
export type Budget = z.infer<typeof budgetSchema>;
