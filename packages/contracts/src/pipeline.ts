// The generation pipeline (PRD-024 and friends): scene runs, segments with their QA, generation settings of scene
// types (QA rule sets, auto-retry, boundary frames, continuity aids), batch generation and estimates.
import { z } from 'zod';
import { isoDateTime, publicIdSchema } from './common.js';
import { simFaultsSchema } from './jobs.js';

export const qaProfileSchema = z.enum(['strict', 'standard', 'lenient']);
export const qaGateKeySchema = z.enum([
  'continuity',
  'facePresence',
  'faceConfidence',
  'likeness',
  'likenessDrift',
  'motion',
  'blackFrames',
  'frozenFrames',
  'nearDuplicates',
  'sharpness',
]);

const threshold = z.number().min(0).max(10_000).nullable();
export const gateThresholdSchema = z.strictObject({ hard: threshold, soft: threshold });
export const qaOverridesSchema = z
  .partialRecord(qaGateKeySchema, gateThresholdSchema.partial())
  .describe('Per gate: `hard` fails a segment, `soft` flags it; null turns that side of the gate off');

export const retryPolicySchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    maxAttempts: z
      .number()
      .int()
      .min(1)
      .max(10)
      .default(3)
      .describe('Attempts per segment, the first included'),
    jitter: z
      .record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), z.number().min(0).max(0.5))
      .default({})
      .describe('Numeric slot → largest relative change per attempt, e.g. `{ "cfg": 0.1 }`'),
  })
  .describe('Smart auto-retry (PRD-071)');

export const boundaryModeSchema = z
  .enum(['last', 'auto', 'manual'])
  .describe(
    '`last`: the literal last frame; `auto`: the calmest of the final N frames; `manual`: a person picks it',
  );

export const generationSettingsSchema = z
  .object({
    qaProfile: qaProfileSchema,
    qaOverrides: qaOverridesSchema,
    qaThresholds: z
      .object(
        Object.fromEntries(qaGateKeySchema.options.map((k) => [k, gateThresholdSchema])) as Record<
          z.infer<typeof qaGateKeySchema>,
          typeof gateThresholdSchema
        >,
      )
      .describe('The rule set in force: the profile with the overrides applied'),
    retryPolicy: retryPolicySchema,
    boundaryMode: boundaryModeSchema,
    boundaryWindowFrames: z.number().int(),
    anchorBelow: z
      .number()
      .nullable()
      .describe('Re-seed from the hero when likeness of a boundary frame falls below this (PRD-026)'),
    colourMatch: z.boolean().describe('Match each boundary frame’s colours to the hero before seeding'),
  })
  .meta({ id: 'GenerationSettings' });
export type GenerationSettings = z.infer<typeof generationSettingsSchema>;

export const generationSettingsInputSchema = z
  .strictObject({
    qaProfile: qaProfileSchema,
    qaOverrides: qaOverridesSchema,
    retryPolicy: retryPolicySchema,
    boundaryMode: boundaryModeSchema,
    boundaryWindowFrames: z.number().int().min(1).max(240),
    anchorBelow: z.number().min(0).max(1).nullable(),
    colourMatch: z.boolean(),
  })
  .partial();

export const tierSchema = z
  .enum(['draft', 'production'])
  .describe('`draft`: half resolution, fewer steps, for test shots (never delivered); `production`: full');

export const segmentStatuses = [
  'pending',
  'generating',
  'qa_pass',
  'qa_fail',
  'approved',
  'rejected',
  'failed',
  'cancelled',
] as const;

export const qaReasonSchema = z.object({
  gate: z.string(),
  severity: z.enum(['hard', 'soft']),
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  message: z.string(),
});

const fileRef = z
  .object({ id: publicIdSchema, url: z.string(), thumbnailUrl: z.string().nullable() })
  .nullable();

export const segmentSchema = z
  .object({
    id: publicIdSchema,
    sceneId: publicIdSchema,
    runId: publicIdSchema.nullable(),
    index: z.number().int().describe('Position in the scene, from 1'),
    version: z.number().int().describe('Every attempt and regeneration at an index is a new version'),
    isCurrent: z.boolean().describe('The version in use at its index'),
    attempt: z.number().int(),
    status: z.enum(segmentStatuses),
    seedSource: z.enum(['hero', 'boundary', 'anchor', 'transition']).nullable(),
    variantTypeSlug: z.string().nullable(),
    clipPosition: z.enum(['full_clip', 'start_clip', 'continuation_clip']).nullable(),
    prompt: z
      .object({
        source: z.string(),
        positive: z.string(),
        negative: z.string(),
        unresolved: z.array(z.string()),
      })
      .nullable()
      .describe('The prompt sent, and which template it came from'),
    parameters: z.record(z.string(), z.unknown()),
    tier: tierSchema,
    frameCount: z.number().int().nullable(),
    fps: z.number().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    durationSeconds: z
      .number()
      .nullable()
      .describe('Seconds this segment adds to the scene (after trimming)'),
    trimStartFrames: z.number().int(),
    boundaryFrameIndex: z.number().int().nullable(),
    boundaryMode: boundaryModeSchema.nullable(),
    qa: z.object({
      verdict: z.enum(['pass', 'flag', 'fail']).nullable(),
      reasons: z.array(qaReasonSchema),
      scores: z.record(z.string(), z.unknown()),
      rank: z.number().nullable(),
    }),
    error: z.object({ code: z.string().nullable(), message: z.string() }).nullable(),
    seed: fileRef.describe('The image this segment was generated from'),
    output: fileRef.describe('The rendered clip'),
    boundary: fileRef.describe('The chosen boundary frame (lossless PNG)'),
    renderJobId: publicIdSchema.nullable(),
    qaJobId: publicIdSchema.nullable(),
    approvedAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'Segment' });
export type Segment = z.infer<typeof segmentSchema>;

export const sceneRunStatusSchema = z.enum([
  'running',
  'awaiting_boundary',
  'needs_attention',
  'completed',
  'failed',
  'cancelled',
]);

export const sceneRunSchema = z
  .object({
    id: publicIdSchema,
    sceneId: publicIdSchema,
    purpose: z.enum(['generate', 'regenerate', 'test_shot']),
    status: sceneRunStatusSchema,
    tier: tierSchema,
    targetSeconds: z.number(),
    toleranceSeconds: z.number(),
    segmentSeconds: z.number(),
    segmentsEstimated: z.number().int(),
    segmentsDone: z.number().int(),
    secondsDone: z.number(),
    fromIndex: z.number().int(),
    cascade: z.boolean(),
    transitionAtSegment: z.number().int().nullable(),
    error: z.object({ code: z.string().nullable(), message: z.string() }).nullable(),
    startedBy: z.object({ id: publicIdSchema, displayName: z.string() }).nullable(),
    startedAt: isoDateTime,
    finishedAt: isoDateTime.nullable(),
    elapsedSeconds: z.number(),
    remainingSeconds: z
      .number()
      .nullable()
      .describe('Estimated from the segments so far; null before the first'),
  })
  .meta({ id: 'SceneRun' });
export type SceneRun = z.infer<typeof sceneRunSchema>;

export const sceneGenerationSchema = z
  .object({
    sceneId: publicIdSchema,
    run: sceneRunSchema.nullable().describe('The live run, else the latest'),
    segments: z.array(segmentSchema).describe('Current version at each index, in order'),
    attempts: z.array(segmentSchema).describe('Earlier versions and attempts, newest first'),
    testShots: z
      .array(segmentSchema)
      .describe('Test shots of this scene (kept beside the chain), newest first'),
    runs: z.array(sceneRunSchema).describe('Every run of the scene, newest first (at most 20)'),
  })
  .meta({ id: 'SceneGeneration' });
export type SceneGeneration = z.infer<typeof sceneGenerationSchema>;

export const simRuleSchema = z.strictObject({
  segment: z.number().int().min(1).optional().describe('Only this segment index'),
  attempt: z.number().int().min(1).optional().describe('Only this attempt'),
  faults: simFaultsSchema,
});

export const startGenerationBodySchema = z
  .strictObject({
    tier: tierSchema.default('production'),
    targetSeconds: z
      .number()
      .positive()
      .max(3600)
      .optional()
      .describe('Override of the scene type’s target duration for this run'),
    sim: z
      .array(simRuleSchema)
      .max(50)
      .optional()
      .describe(
        'comfy-sim fault injection per segment/attempt (ignored by a real ComfyUI); for drills and QA evaluation',
      ),
  })
  .meta({ id: 'StartGeneration' });

export const regenerateSegmentBodySchema = z
  .strictObject({
    cascade: z
      .boolean()
      .default(false)
      .describe('Also regenerate every later segment from the new boundary frames'),
    sim: startGenerationBodySchema.shape.sim,
  })
  .meta({ id: 'RegenerateSegment' });

export const boundaryFrameBodySchema = z.strictObject({
  frameIndex: z
    .number()
    .int()
    .min(0)
    .describe('0-based frame of the segment to end on and seed the next from'),
});

export const generationSelectionSchema = z
  .strictObject({
    characterIds: z.array(publicIdSchema).max(5000).optional().describe('Rows; default every character'),
    sceneTypeIds: z
      .array(publicIdSchema)
      .max(500)
      .optional()
      .describe('Columns; default every enabled scene type'),
    sceneIds: z
      .array(publicIdSchema)
      .max(10_000)
      .optional()
      .describe('Exact scenes (overrides rows and columns)'),
    only: z
      .enum(['all', 'not_started', 'failed'])
      .default('not_started')
      .describe('`not_started`: scenes never generated; `failed`: scenes whose last run failed'),
  })
  .meta({ id: 'GenerationSelection' });

export const batchGenerationBodySchema = generationSelectionSchema
  .extend({ tier: tierSchema.default('production') })
  .meta({ id: 'BatchGeneration' });

export const estimateSchema = z
  .object({
    scenes: z.number().int(),
    segments: z.number().int(),
    gpuSeconds: z.number(),
    wallSeconds: z.number(),
    workers: z.number().int().describe('Enabled, healthy workers the estimate spreads the work over'),
    confidence: z.enum(['high', 'medium', 'low', 'none']),
    lines: z.array(
      z.object({
        workflow: z.string(),
        workerClass: z.string(),
        scenes: z.number().int(),
        segments: z.number().int(),
        secondsPerSegment: z.number(),
        low: z.number(),
        high: z.number(),
        samples: z.number().int(),
        confidence: z.enum(['high', 'medium', 'low', 'none']),
        gpuSeconds: z.number(),
      }),
    ),
    skipped: z.array(z.object({ sceneId: publicIdSchema.nullable(), cell: z.string(), reason: z.string() })),
  })
  .meta({ id: 'GenerationEstimate' });
export type GenerationEstimate = z.infer<typeof estimateSchema>;

export const batchGenerationResultSchema = z
  .object({
    started: z.array(z.object({ sceneId: publicIdSchema, runId: publicIdSchema })),
    skipped: z.array(z.object({ sceneId: publicIdSchema.nullable(), cell: z.string(), reason: z.string() })),
  })
  .meta({ id: 'BatchGenerationResult' });

export const generationDashboardSchema = z
  .object({
    projectId: publicIdSchema,
    scenes: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()).describe('Scenes per scene status'),
    runs: z.record(z.string(), z.number().int()).describe('Latest run per scene, counted by run status'),
    segmentsDone: z.number().int(),
    segmentsEstimated: z.number().int(),
    live: z.array(
      sceneRunSchema.extend({
        characterName: z.string(),
        sceneTypeName: z.string(),
      }),
    ),
  })
  .meta({ id: 'GenerationDashboard' });

export const testShotsBodySchema = z
  .strictObject({
    sceneTypeId: publicIdSchema.describe('The scene type to try'),
    characterIds: z
      .array(publicIdSchema)
      .max(500)
      .optional()
      .describe('Default: every character of the project'),
    tier: tierSchema.default('draft'),
  })
  .meta({ id: 'StartTestShots' });

export const testShotQuerySchema = z.strictObject({
  sceneTypeId: publicIdSchema.optional(),
  characterId: publicIdSchema.optional(),
  sort: z.enum(['newest', 'quality']).default('newest'),
  limit: z.coerce.number().int().min(1).max(200).default(60),
});

export const testShotListSchema = z
  .object({
    items: z.array(segmentSchema.extend({ characterName: z.string(), sceneTypeName: z.string() })),
  })
  .meta({ id: 'TestShotList' });

export const promoteBodySchema = z.strictObject({
  tier: tierSchema.default('production').describe('Tier of the segments generated after the promoted one'),
});
