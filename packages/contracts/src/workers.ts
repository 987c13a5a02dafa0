// The worker fleet (PRD-046 §1.1–1.2, 1.6; PRD-006): registration, admin states, health, GPU vitals, events.
import { z } from 'zod';
import { isoDateTime, pageQueryShape, pageSchema, publicIdSchema } from './common.js';

export const workerHealthValues = ['unknown', 'healthy', 'degraded', 'down'] as const;
export const workerAdminStates = ['enabled', 'draining', 'disabled', 'decommissioned'] as const;
export const workerEventKinds = [
  'registered',
  'state_changed',
  'health_changed',
  'threshold_exceeded',
  'threshold_cleared',
  'updated',
] as const;

const tagPattern = /^[a-z0-9][a-z0-9._-]{0,31}(:[a-z0-9][a-z0-9._-]{0,31})?$/;
export const workerTagSchema = z
  .string()
  .regex(tagPattern, {
    error: 'must be lower-case letters, digits, . _ - and at most one colon, like gpu:24gb or high-vram',
  })
  .describe('A capability tag, e.g. `gpu:24gb`, `model:wan`, `high-vram`');
const tagsSchema = z
  .array(workerTagSchema)
  .max(32, { error: 'at most 32 tags' })
  .refine((t) => new Set(t).size === t.length, { error: 'must not repeat a tag' });
const nameSchema = z.string().trim().min(1, { error: 'must not be empty' }).max(100);
const urlSchema = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    error: 'must be an http:// or https:// URL like http://10.0.0.5:8188',
  })
  .transform((u) => u.replace(/\/+$/, ''));
const concurrencySchema = z.number().int().min(1).max(64);

export const workerVitalsSampleSchema = z
  .object({
    sampledAt: isoDateTime,
    gpuUtilization: z.number().nullable().describe('%'),
    temperatureC: z.number().nullable(),
    vramUsedBytes: z.number().nullable(),
    vramTotalBytes: z.number().nullable(),
    ramUsedBytes: z.number().nullable(),
    queueRunning: z.number().int().nullable(),
    queuePending: z.number().int().nullable(),
  })
  .meta({ id: 'WorkerVitalsSample' });

export const workerSchema = z
  .object({
    id: publicIdSchema,
    name: z.string(),
    url: z.string(),
    tags: z.array(z.string()),
    maxConcurrency: z.number().int(),
    adminState: z.enum(workerAdminStates),
    health: z.enum(workerHealthValues),
    healthDetail: z.string().nullable().describe('Why the worker is not healthy'),
    comfyVersion: z.string().nullable(),
    gpuName: z.string().nullable(),
    vramTotalBytes: z.number().nullable(),
    isSimulated: z.boolean().describe('A comfy-sim started by this studio'),
    lastSeenAt: isoDateTime.nullable().describe('Last answered health check'),
    lastCheckedAt: isoDateTime.nullable(),
    decommissionedAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    vitals: workerVitalsSampleSchema.nullable().describe('The latest sample'),
  })
  .meta({ id: 'Worker' });
export type Worker = z.infer<typeof workerSchema>;

export const workerPageSchema = pageSchema(workerSchema).meta({ id: 'WorkerPage' });

export const workerListQuerySchema = z.strictObject({
  ...pageQueryShape,
  health: z.enum(workerHealthValues).optional(),
  adminState: z
    .enum(workerAdminStates)
    .optional()
    .describe('Without it, decommissioned workers are left out'),
});

export const registerWorkerBodySchema = z.strictObject({
  url: urlSchema.describe('Base URL of the ComfyUI server; it must answer before anything is saved'),
  name: nameSchema,
  tags: tagsSchema.default([]),
  maxConcurrency: concurrencySchema.default(1).describe('Jobs it runs at once (1–64)'),
});
export type RegisterWorkerBody = z.infer<typeof registerWorkerBodySchema>;

export const updateWorkerBodySchema = z.strictObject({
  name: nameSchema.optional(),
  tags: tagsSchema.optional(),
  maxConcurrency: concurrencySchema.optional(),
});
export type UpdateWorkerBody = z.infer<typeof updateWorkerBodySchema>;

export const workerEventSchema = z
  .object({
    id: z.string(),
    kind: z.enum(workerEventKinds),
    severity: z.enum(['info', 'warning', 'critical']),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
    createdAt: isoDateTime,
  })
  .meta({ id: 'WorkerEvent' });
export type WorkerEvent = z.infer<typeof workerEventSchema>;
export const workerEventPageSchema = pageSchema(workerEventSchema).meta({ id: 'WorkerEventPage' });
export const workerEventListQuerySchema = z.strictObject({ ...pageQueryShape });

export const vitalsWindows = ['1h', '6h', '24h'] as const;
export const workerVitalsQuerySchema = z.strictObject({ window: z.enum(vitalsWindows).default('1h') });

export const workerVitalsBucketSchema = z
  .object({
    at: isoDateTime.describe('Start of the bucket'),
    samples: z.number().int(),
    gpuUtilizationAvg: z.number().nullable(),
    gpuUtilizationMax: z.number().nullable(),
    temperatureAvg: z.number().nullable(),
    temperatureMax: z.number().nullable(),
    vramUsedAvg: z.number().nullable(),
    vramUsedMax: z.number().nullable(),
    vramTotal: z.number().nullable(),
    queueAvg: z.number().nullable().describe('Running + pending prompts'),
    queueMax: z.number().nullable(),
  })
  .meta({ id: 'WorkerVitalsBucket' });
export type WorkerVitalsBucket = z.infer<typeof workerVitalsBucketSchema>;

export const workerVitalsSchema = z
  .object({
    window: z.enum(vitalsWindows),
    from: isoDateTime,
    to: isoDateTime,
    bucketSeconds: z.number().int(),
    buckets: z.array(workerVitalsBucketSchema).describe('Only buckets with samples, oldest first (≤ 120)'),
  })
  .meta({ id: 'WorkerVitals' });
export type WorkerVitals = z.infer<typeof workerVitalsSchema>;

const countsOf = <T extends readonly string[]>(values: T) =>
  z.object(Object.fromEntries(values.map((v) => [v, z.number().int()])) as Record<T[number], z.ZodNumber>);

export const systemHealthSchema = z
  .object({
    checkedAt: isoDateTime,
    database: z.object({
      ok: z.boolean(),
      kind: z.enum(['pglite', 'postgres']),
      pingMs: z.number().nullable(),
      detail: z.string().nullable(),
    }),
    storage: z.object({
      ok: z.boolean(),
      dataDir: z.string(),
      writable: z.boolean(),
      freeBytes: z.number().nullable(),
      totalBytes: z.number().nullable(),
      detail: z.string().nullable(),
    }),
    workers: z.object({
      ok: z.boolean().describe('At least one enabled worker is healthy'),
      total: z.number().int().describe('Not decommissioned'),
      byHealth: countsOf(workerHealthValues),
      byAdminState: countsOf(workerAdminStates),
      healthLoop: z.object({
        running: z.boolean(),
        intervalMs: z.number().int(),
        lastRunAt: isoDateTime.nullable(),
        lastRunMs: z.number().nullable(),
      }),
    }),
    eventBus: z.object({ available: z.boolean(), detail: z.string() }),
    jobs: z.object({
      ok: z
        .boolean()
        .describe('This process schedules and no job has waited for a free, suitable worker too long'),
      engineRunning: z.boolean(),
      gpu: z.boolean().describe('This process claims GPU jobs (scheduler and bridge roles)'),
      cpuSlots: z.number().int().describe('CPU jobs this process runs at once (media role)'),
      lastTickAt: isoDateTime.nullable(),
      lastTickMs: z.number().nullable(),
      runningHere: z.number().int(),
      byState: z.record(z.string(), z.number().int()).describe('Jobs per state, all processes'),
      oldestQueuedAt: isoDateTime.nullable(),
    }),
  })
  .meta({ id: 'SystemHealth' });
export type SystemHealth = z.infer<typeof systemHealthSchema>;
