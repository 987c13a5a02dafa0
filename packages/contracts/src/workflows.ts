// ComfyUI workflows (PRD-075): imported graphs with numbered versions, parameter slots, per-worker validation and
// a dry run; a version is production ready once it validated on a worker and its last dry run passed.
import { z } from 'zod';
import { isoDateTime, pageQueryShape, pageSchema, publicIdSchema } from './common.js';

export const workflowMaxBytes = 20 * 1024 * 1024;

export const parameterCategorySchema = z.enum(['generation', 'quality', 'content', 'video', 'model']);

const slotKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, { error: 'must be snake_case: a-z, 0-9 and _, starting with a letter' });

export const workflowSlotSchema = z
  .object({
    key: z.string().describe('Stable slot name a scene type binds values to: `seed`, `positive_prompt`…'),
    label: z.string().describe('Human name shown in editors'),
    nodeId: z.string(),
    input: z.string(),
    classType: z.string(),
    category: parameterCategorySchema,
    value: z.unknown().describe('The value in the workflow (the default when a scene type binds nothing)'),
    source: z.enum(['discovered', 'manual']),
  })
  .meta({ id: 'WorkflowSlot' });
export type WorkflowSlot = z.infer<typeof workflowSlotSchema>;

export const workflowProblemSchema = z
  .object({
    severity: z.enum(['error', 'warning']),
    code: z.string(),
    nodeId: z.string().optional(),
    classType: z.string().optional(),
    input: z.string().optional(),
    message: z.string(),
  })
  .meta({ id: 'WorkflowProblem' });

export const workflowValidationSchema = z
  .object({
    workerId: publicIdSchema
      .nullable()
      .describe('null for the bundled comfy-sim catalogue (no worker registered)'),
    workerName: z.string(),
    ok: z.boolean(),
    problems: z.array(workflowProblemSchema),
    error: z.string().nullable().describe('Why the worker could not be asked (unreachable…)'),
    checkedAt: isoDateTime,
  })
  .meta({ id: 'WorkflowValidation' });

export const workflowDryRunSchema = z
  .object({
    workerId: publicIdSchema,
    workerName: z.string(),
    ok: z.boolean(),
    outcome: z.enum(['success', 'rejected', 'failed', 'interrupted', 'timeout', 'unreachable']),
    durationMs: z.number().int(),
    error: z.string().nullable(),
    nodeErrors: z.array(
      z.object({ nodeId: z.string(), classType: z.string(), messages: z.array(z.string()) }),
    ),
    startedAt: isoDateTime,
    finishedAt: isoDateTime,
  })
  .meta({ id: 'WorkflowDryRun' });

export const workflowVersionSummarySchema = z
  .object({
    id: publicIdSchema,
    number: z.number().int(),
    sourceFormat: z.enum(['api', 'ui']),
    sha256: z.string(),
    nodeCount: z.number().int(),
    slotCount: z.number().int(),
    productionReady: z.boolean(),
    notes: z.string(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'WorkflowVersionSummary' });

export const workflowVersionSchema = workflowVersionSummarySchema
  .extend({
    workflowId: publicIdSchema,
    workflowName: z.string(),
    latestNumber: z.number().int().describe('The newest version of the workflow, to offer an upgrade'),
    apiJson: z
      .record(z.string(), z.unknown())
      .describe('The graph in API format, as `POST /prompt` takes it'),
    hasUiJson: z.boolean(),
    parameters: z.array(workflowSlotSchema),
    validation: z.array(workflowValidationSchema),
    dryRun: workflowDryRunSchema.nullable(),
  })
  .meta({ id: 'WorkflowVersion' });
export type WorkflowVersion = z.infer<typeof workflowVersionSchema>;

export const workflowSchema = z
  .object({
    id: publicIdSchema,
    name: z.string(),
    description: z.string(),
    latestVersion: workflowVersionSummarySchema.nullable(),
    versionCount: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Workflow' });
export type Workflow = z.infer<typeof workflowSchema>;

export const workflowDetailSchema = workflowSchema
  .extend({ versions: z.array(workflowVersionSummarySchema).describe('Newest first') })
  .meta({ id: 'WorkflowDetail' });

export const workflowListQuerySchema = z.strictObject({
  ...pageQueryShape,
  q: z.string().trim().max(200).optional().describe('Searches name and description'),
});
export const workflowPageSchema = pageSchema(workflowSchema).meta({ id: 'WorkflowPage' });

const importOptions = {
  workerId: publicIdSchema
    .optional()
    .describe(
      'Worker whose `/object_info` converts a UI-format file; the bundled comfy-sim catalogue otherwise',
    ),
  allowDuplicate: z.boolean().default(false).describe('Import even when identical content already exists'),
  notes: z.string().trim().max(2000).default(''),
  content: z
    .union([z.record(z.string(), z.unknown()), z.string().max(workflowMaxBytes)])
    .describe('The workflow file: API or UI format, as JSON or as its text'),
};

export const importWorkflowBodySchema = z
  .strictObject({
    name: z.string().trim().min(1, { error: 'must not be empty' }).max(120),
    description: z.string().trim().max(2000).default(''),
    ...importOptions,
  })
  .describe(
    'JSON import for API clients; the web app sends multipart/form-data with a `file` part and the same fields',
  );
export const addWorkflowVersionBodySchema = z.strictObject(importOptions);

export const workflowImportResultSchema = z
  .object({
    workflow: workflowSchema,
    version: workflowVersionSchema,
    warnings: z.array(workflowProblemSchema).describe('Conversion notes (muted nodes dropped…)'),
  })
  .meta({ id: 'WorkflowImportResult' });

export const updateWorkflowSlotsBodySchema = z.strictObject({
  parameters: z
    .array(
      z.strictObject({
        key: slotKeySchema,
        label: z.string().trim().max(120).optional(),
        nodeId: z.string().min(1).max(40),
        input: z.string().min(1).max(200),
        category: parameterCategorySchema,
      }),
    )
    .max(500)
    .describe('The full list of slots: add one to mark an input by hand, leave one out to remove it'),
});

export const validateWorkflowBodySchema = z.strictObject({
  workerIds: z
    .array(publicIdSchema)
    .max(100)
    .optional()
    .describe('Default: every enabled or draining worker; the bundled catalogue when there is none'),
});

export const dryRunWorkflowBodySchema = z.strictObject({
  workerId: publicIdSchema,
  timeoutSeconds: z.number().int().min(1).max(900).default(300),
});

export const workflowDiffQuerySchema = z.strictObject({
  from: publicIdSchema.describe('Version id'),
  to: publicIdSchema.describe('Version id'),
});
const inputChangeSchema = z.object({
  input: z.string(),
  from: z.unknown().optional().describe('Absent when the input was added'),
  to: z.unknown().optional().describe('Absent when the input was removed'),
});
export const workflowDiffSchema = z
  .object({
    from: workflowVersionSummarySchema,
    to: workflowVersionSummarySchema,
    added: z.array(z.object({ nodeId: z.string(), classType: z.string() })),
    removed: z.array(z.object({ nodeId: z.string(), classType: z.string() })),
    changed: z.array(
      z.object({
        nodeId: z.string(),
        classType: z.string(),
        classChanged: z.object({ from: z.string(), to: z.string() }).nullable(),
        inputs: z.array(inputChangeSchema),
      }),
    ),
    slotsAdded: z.array(z.string()),
    slotsRemoved: z.array(z.string()),
    identical: z.boolean(),
  })
  .meta({ id: 'WorkflowDiff' });

export const workflowWorkerSchema = z
  .object({
    id: publicIdSchema,
    name: z.string(),
    url: z.string(),
    adminState: z.string(),
    health: z.string(),
  })
  .meta({ id: 'WorkflowWorker' });
export const workflowWorkerListSchema = z.object({ items: z.array(workflowWorkerSchema) });

/** A prompt a worker ran recently, whose graph can be pulled in as a workflow. */
export const workerPromptSchema = z
  .object({
    promptId: z.string(),
    status: z.string().describe('`success`, `error`, or what the worker reports'),
    nodeCount: z.number().int(),
    nodeClasses: z.array(z.string()).describe('A few of its node classes, for recognising it'),
    hasUiWorkflow: z
      .boolean()
      .describe('The UI-format workflow was sent with the prompt (extra_pnginfo), so it is pulled as is'),
  })
  .meta({ id: 'WorkerPrompt' });
export const workerPromptListSchema = z.object({ items: z.array(workerPromptSchema) });

export const pullWorkflowBodySchema = z.strictObject({
  workerId: publicIdSchema,
  promptId: z.string().min(1).max(100),
  name: z.string().trim().min(1, { error: 'must not be empty' }).max(120),
  description: z.string().trim().max(2000).default(''),
  allowDuplicate: z.boolean().default(false),
});
