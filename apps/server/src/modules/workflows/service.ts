// Workflows (PRD-075): import (API or UI format) as numbered versions, duplicates by content hash, parameter slots,
// validation per worker, a dry run, and production readiness. Talking to workers happens outside transactions;
// results are merged into the version row under a lock, with their audit row.
import { type ApiWorkflow, type ObjectInfo, validateWorkflow, type WorkflowProblem } from '@i2v/comfy';
import type {
  addWorkflowVersionBodySchema,
  importWorkflowBodySchema,
  updateWorkflowSlotsBodySchema,
  Workflow,
  WorkflowSlot,
  WorkflowVersion,
  workflowDetailSchema,
  workflowDiffSchema,
  workflowDryRunSchema,
  workflowValidationSchema,
  workflowWorkerSchema,
} from '@i2v/contracts';
import { diffWorkflows, isProductionReady } from '@i2v/domain';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../platform/clock.js';
import { decodeNameCursor, pageOf } from '../../platform/cursor.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/service.js';
import { bundledCatalogue, type PreparedContent, prepareContent, slotLabel } from './content.js';
import * as repo from './repo.js';
import { relaxImageInputs, type WorkflowRunner } from './runner.js';

/** The content may also be the bytes of an uploaded file. */
type WithBytes<T extends { content: unknown }> = Omit<T, 'content'> & { content: T['content'] | Uint8Array };
type ImportBody = WithBytes<z.infer<typeof importWorkflowBodySchema>>;
type VersionBody = WithBytes<z.infer<typeof addWorkflowVersionBodySchema>>;
type Validation = z.infer<typeof workflowValidationSchema>;
type DryRun = z.infer<typeof workflowDryRunSchema>;

/** Where the content came from: the multipart `file` part or the JSON `body.content`. */
export type ContentField = 'file' | 'body.content';

const catalogueKey = 'catalogue';
const notFound = (id: string) => new AppError('workflow.not_found', `No workflow with id ${id}.`);
const versionNotFound = (id: string) =>
  new AppError('workflow.version_not_found', `No workflow version with id ${id}.`);
const nameTaken = (name: string) =>
  new AppError('workflow.name_taken', `A workflow named "${name}" already exists.`, [
    { field: 'body.name', message: 'is already used by another workflow' },
  ]);
const workerUnavailable = (field: string, id: string) =>
  new AppError('workflow.worker_unavailable', `No usable worker with id ${id}.`, [
    { field, message: 'is not a registered worker that takes work' },
  ]);

function summaryOf(v: repo.VersionSummaryRow | Omit<repo.VersionRow, 'uiJson'>) {
  return {
    id: v.publicId,
    number: v.versionNumber,
    sourceFormat: v.sourceFormat as 'api' | 'ui',
    sha256: v.sha256,
    nodeCount: v.nodeCount,
    slotCount: 'slotCount' in v ? v.slotCount : (v.parameters as unknown[]).length,
    productionReady: v.productionReady,
    notes: v.notes,
    createdAt: v.createdAt.toISOString(),
  };
}

function validationList(stored: unknown): Validation[] {
  return Object.values((stored ?? {}) as Record<string, Validation>).sort(
    (a, b) =>
      Number(a.workerId === null) - Number(b.workerId === null) || a.workerName.localeCompare(b.workerName),
  );
}

/** Production readiness counts real workers only, never the bundled catalogue. */
function readiness(validation: Record<string, Validation>, dryRun: DryRun | null) {
  const workersOnly = Object.fromEntries(Object.entries(validation).filter(([k]) => k !== catalogueKey));
  return isProductionReady(workersOnly, dryRun);
}

export class WorkflowsService {
  constructor(
    private readonly d: {
      db: Db;
      clock: Clock;
      audit: AuditService;
      runner: WorkflowRunner;
    },
  ) {}

  // ——— reading ———

  async list(q: { limit: number; cursor?: string | undefined; q?: string | undefined }) {
    const found = await repo.listWorkflows(this.d.db, {
      limit: q.limit,
      q: q.q,
      after: decodeNameCursor(q.cursor),
    });
    const { page, nextCursor } = pageOf(found, q.limit, (w) => [w.name.toLowerCase(), w.id]);
    const versions = await repo.versionSummaries(
      this.d.db,
      page.map((w) => w.id),
    );
    return { items: page.map((w) => this.toWorkflow(w, versions)), nextCursor };
  }

  async get(publicId: string): Promise<z.infer<typeof workflowDetailSchema>> {
    const row = await repo.findWorkflow(this.d.db, publicId);
    if (!row) throw notFound(publicId);
    const versions = await repo.versionSummaries(this.d.db, [row.id]);
    return { ...this.toWorkflow(row, versions), versions: versions.map(summaryOf) };
  }

  async getVersion(publicId: string, db: Executor = this.d.db): Promise<WorkflowVersion> {
    const v = await repo.findVersionView(db, publicId);
    const w = v && (await repo.findWorkflowById(db, v.workflowId));
    if (!v || !w || w.deletedAt) throw versionNotFound(publicId);
    return {
      ...summaryOf(v),
      workflowId: w.publicId,
      workflowName: w.name,
      latestNumber: await repo.maxVersionNumber(db, w.id),
      apiJson: v.apiJson as Record<string, unknown>,
      hasUiJson: v.hasUiJson,
      parameters: v.parameters as WorkflowSlot[],
      validation: validationList(v.validation),
      dryRun: (v.dryRun as DryRun | null) ?? null,
    };
  }

  /** Workers a validation or dry run can target (read from the workers table). */
  async workers(): Promise<z.infer<typeof workflowWorkerSchema>[]> {
    return (await repo.activeWorkers(this.d.db)).map((w) => ({
      id: w.publicId,
      name: w.name,
      url: w.url,
      adminState: w.adminState,
      health: w.health,
    }));
  }

  /** Prompts a worker ran recently (its `/history`), to pull one in as a workflow. */
  async workerPrompts(workerPublicId: string) {
    const worker = await repo.findWorker(this.d.db, workerPublicId);
    if (!worker) throw workerUnavailable('params.id', workerPublicId);
    try {
      return await this.d.runner.recentPrompts(worker);
    } catch (err) {
      throw new AppError(
        'workflow.worker_unavailable',
        `${worker.name} did not answer with its history (${(err as Error).message}).`,
        [{ field: 'params.id', message: 'did not answer' }],
      );
    }
  }

  /** Imports the workflow of a prompt from a worker's history, converted with that worker's own node catalogue. */
  async pullFromWorker(
    ctx: RequestContext,
    body: { workerId: string; promptId: string; name: string; description: string; allowDuplicate: boolean },
  ) {
    const worker = await repo.findWorker(this.d.db, body.workerId);
    if (!worker || worker.adminState === 'disabled') throw workerUnavailable('body.workerId', body.workerId);
    let content: Record<string, unknown> | null;
    try {
      content = await this.d.runner.promptWorkflow(worker, body.promptId);
    } catch (err) {
      throw new AppError(
        'workflow.worker_unavailable',
        `${worker.name} did not answer with its history (${(err as Error).message}).`,
        [{ field: 'body.workerId', message: 'did not answer' }],
      );
    }
    if (!content) {
      throw new AppError(
        'workflow.not_found',
        `${worker.name} has no prompt ${body.promptId} in its history.`,
        [{ field: 'body.promptId', message: 'is not in the worker’s history' }],
      );
    }
    return this.import(
      ctx,
      {
        name: body.name,
        description: body.description,
        workerId: body.workerId,
        allowDuplicate: body.allowDuplicate,
        notes: `Pulled from ${worker.name} (prompt ${body.promptId})`,
        content,
      },
      'body.content',
    );
  }

  /** A live version for a scene type to pin, with its slots; null when missing or its workflow is deleted. */
  async resolvePin(db: Executor, publicId: string) {
    const v = await repo.findVersion(db, publicId);
    const w = v && (await repo.findWorkflowById(db, v.workflowId));
    if (!v || !w || w.deletedAt) return null;
    return {
      id: v.id,
      slots: (v.parameters as WorkflowSlot[]).map((s) => s.key),
      name: w.name,
      number: v.versionNumber,
    };
  }

  async diff(
    workflowPublicId: string,
    fromId: string,
    toId: string,
  ): Promise<z.infer<typeof workflowDiffSchema>> {
    const w = await repo.findWorkflow(this.d.db, workflowPublicId);
    if (!w) throw notFound(workflowPublicId);
    const [from, to] = await Promise.all([
      repo.findVersion(this.d.db, fromId),
      repo.findVersion(this.d.db, toId),
    ]);
    for (const [v, id, field] of [
      [from, fromId, 'query.from'],
      [to, toId, 'query.to'],
    ] as const) {
      if (!v || v.workflowId !== w.id) {
        throw new AppError('workflow.version_not_found', `Workflow "${w.name}" has no version ${id}.`, [
          { field, message: 'is not a version of this workflow' },
        ]);
      }
    }
    const diff = diffWorkflows(from!.apiJson as ApiWorkflow, to!.apiJson as ApiWorkflow);
    const keys = (v: repo.VersionRow) => new Set((v.parameters as WorkflowSlot[]).map((s) => s.key));
    const before = keys(from!);
    const after = keys(to!);
    return {
      from: summaryOf(from!),
      to: summaryOf(to!),
      ...diff,
      slotsAdded: [...after].filter((k) => !before.has(k)),
      slotsRemoved: [...before].filter((k) => !after.has(k)),
      identical: diff.identical && before.size === after.size && [...before].every((k) => after.has(k)),
    };
  }

  // ——— importing ———

  async import(
    ctx: RequestContext,
    body: ImportBody,
    field: ContentField,
  ): Promise<{ workflow: Workflow; version: WorkflowVersion; warnings: WorkflowProblem[] }> {
    const prepared = await this.prepare(body, field);
    const workflowId = newPublicId();
    const versionId = newPublicId();
    let createdAt = new Date(0);
    try {
      await this.d.db.transaction(async (tx) => {
        await this.refuseDuplicate(tx, prepared, body.allowDuplicate, field);
        if (await repo.workflowNameTaken(tx, body.name)) throw nameTaken(body.name);
        const id = await repo.insertWorkflow(tx, {
          publicId: workflowId,
          name: body.name,
          description: body.description,
          createdByUserId: ctx.actor?.userId ?? null,
        });
        createdAt = await this.insertVersion(tx, ctx, id, 1, versionId, prepared, body.notes);
        await this.d.audit.record(tx, ctx, {
          action: 'workflow.imported',
          entityType: 'workflow',
          entityId: workflowId,
          summary: `Imported workflow "${body.name}" (${prepared.format.toUpperCase()} format, ${prepared.nodeCount} nodes)`,
          details: {
            versionId,
            format: prepared.format,
            sha256: prepared.sha256,
            nodeCount: prepared.nodeCount,
            slots: prepared.parameters.map((s) => s.key),
          },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(body.name);
      throw err;
    }
    const { versions: _v, ...workflow } = await this.get(workflowId);
    const version = this.freshVersion(workflow, versionId, 1, prepared, body.notes, createdAt);
    return { workflow, version, warnings: prepared.warnings };
  }

  async addVersion(
    ctx: RequestContext,
    workflowPublicId: string,
    body: VersionBody,
    field: ContentField,
  ): Promise<{ workflow: Workflow; version: WorkflowVersion; warnings: WorkflowProblem[] }> {
    if (!(await repo.findWorkflow(this.d.db, workflowPublicId))) throw notFound(workflowPublicId);
    const prepared = await this.prepare(body, field);
    const versionId = newPublicId();
    let createdAt = new Date(0);
    let number = 0;
    await this.d.db.transaction(async (tx) => {
      const w = await repo.findWorkflow(tx, workflowPublicId);
      if (!w) throw notFound(workflowPublicId);
      await this.refuseDuplicate(tx, prepared, body.allowDuplicate, field);
      number = (await repo.maxVersionNumber(tx, w.id)) + 1;
      createdAt = await this.insertVersion(tx, ctx, w.id, number, versionId, prepared, body.notes);
      await repo.touchWorkflow(tx, w.id, {}, this.d.clock.now());
      await this.d.audit.record(tx, ctx, {
        action: 'workflow.version_added',
        entityType: 'workflow',
        entityId: w.publicId,
        summary: `Added version ${number} to workflow "${w.name}"`,
        details: { versionId, number, format: prepared.format, sha256: prepared.sha256 },
      });
    });
    const { versions: _v, ...workflow } = await this.get(workflowPublicId);
    const version = this.freshVersion(workflow, versionId, number, prepared, body.notes, createdAt);
    return { workflow, version, warnings: prepared.warnings };
  }

  /** Imports the bundled examples when the studio has no workflow yet; returns how many were imported. */
  async seedExamples(
    ctx: RequestContext,
    examples: { name: string; description: string; content: string }[],
  ) {
    if ((await repo.countWorkflows(this.d.db)) > 0) return 0;
    for (const e of examples) {
      await this.import(
        ctx,
        {
          name: e.name,
          description: e.description,
          content: e.content,
          allowDuplicate: true,
          notes: 'Example',
        },
        'body.content',
      );
    }
    return examples.length;
  }

  private async prepare(body: VersionBody, field: ContentField): Promise<PreparedContent> {
    return prepareContent(body.content, field, async () => {
      if (!body.workerId) return { objectInfo: bundledCatalogue(), warnings: [] };
      const worker = await repo.findWorker(this.d.db, body.workerId);
      if (!worker || worker.adminState === 'disabled')
        throw workerUnavailable('body.workerId', body.workerId);
      try {
        return { objectInfo: (await this.d.runner.objectInfoOf(worker)) as ObjectInfo, warnings: [] };
      } catch (err) {
        return {
          objectInfo: bundledCatalogue(),
          warnings: [
            {
              severity: 'warning',
              code: 'worker_unreachable',
              message: `Worker "${worker.name}" could not be asked (${(err as Error).message}); converted with the bundled comfy-sim catalogue.`,
            },
          ],
        };
      }
    });
  }

  private async refuseDuplicate(tx: Executor, p: PreparedContent, allow: boolean, field: ContentField) {
    if (allow) return;
    const dup = await repo.findBySha(tx, p.sha256);
    if (!dup) return;
    throw new AppError(
      'workflow.duplicate',
      `This workflow is already imported as version ${dup.version.versionNumber} of "${dup.workflow.name}" (workflow ${dup.workflow.publicId}, version ${dup.version.publicId}). Set allowDuplicate to import it anyway.`,
      [
        {
          field,
          message: `duplicates workflow ${dup.workflow.publicId} version ${dup.version.publicId} ("${dup.workflow.name}" v${dup.version.versionNumber})`,
        },
      ],
    );
  }

  /** A version just inserted, as the API shows it, without reading its graph back. */
  private freshVersion(
    workflow: Workflow,
    id: string,
    number: number,
    p: PreparedContent,
    notes: string,
    createdAt: Date,
  ): WorkflowVersion {
    return {
      id,
      number,
      sourceFormat: p.format,
      sha256: p.sha256,
      nodeCount: p.nodeCount,
      slotCount: p.parameters.length,
      productionReady: false,
      notes,
      createdAt: createdAt.toISOString(),
      workflowId: workflow.id,
      workflowName: workflow.name,
      latestNumber: workflow.latestVersion?.number ?? number,
      apiJson: p.api,
      hasUiJson: p.ui !== null,
      parameters: p.parameters,
      validation: [],
      dryRun: null,
    };
  }

  private async insertVersion(
    tx: Executor,
    ctx: RequestContext,
    workflowId: number,
    number: number,
    publicId: string,
    p: PreparedContent,
    notes: string,
  ) {
    const inserted = await repo.insertVersion(tx, {
      publicId,
      workflowId,
      versionNumber: number,
      sourceFormat: p.format,
      apiJson: p.api,
      uiJson: p.ui,
      sha256: p.sha256,
      nodeCount: p.nodeCount,
      parameters: p.parameters,
      notes,
      validation: {},
      dryRun: null,
      productionReady: false,
      createdByUserId: ctx.actor?.userId ?? null,
    });
    return inserted.createdAt;
  }

  // ——— editing ———

  async updateSlots(
    ctx: RequestContext,
    versionPublicId: string,
    body: z.infer<typeof updateWorkflowSlotsBodySchema>,
  ): Promise<WorkflowVersion> {
    await this.d.db.transaction(async (tx) => {
      const found = await repo.findVersion(tx, versionPublicId);
      const w = found && (await repo.findWorkflowById(tx, found.workflowId));
      if (!found || !w || w.deletedAt) throw versionNotFound(versionPublicId);
      const v = (await repo.lockVersion(tx, found.id))!;
      const api = v.apiJson as ApiWorkflow;
      const before = v.parameters as WorkflowSlot[];
      const seen = new Set<string>();
      const next: WorkflowSlot[] = body.parameters.map((p, i) => {
        const at = `body.parameters.${i}`;
        const bad = (f: string, message: string) =>
          new AppError('workflow.slots_invalid', `${at}.${f}: ${message}`, [
            { field: `${at}.${f}`, message },
          ]);
        if (seen.has(p.key)) throw bad('key', `"${p.key}" is used by another slot`);
        seen.add(p.key);
        const node = api[p.nodeId];
        if (!node) throw bad('nodeId', `node ${p.nodeId} is not in this version`);
        if (!(p.input in node.inputs)) {
          throw bad('input', `node ${p.nodeId} (${node.class_type}) has no input "${p.input}"`);
        }
        const value = node.inputs[p.input];
        if (Array.isArray(value))
          throw bad('input', `"${p.input}" is a link, not a value a scene type can set`);
        const old = before.find((s) => s.nodeId === p.nodeId && s.input === p.input);
        return {
          key: p.key,
          label: p.label || slotLabel(p.key),
          nodeId: p.nodeId,
          input: p.input,
          classType: node.class_type,
          category: p.category,
          value,
          source: old?.source ?? 'manual',
        };
      });
      const removed = before.map((s) => s.key).filter((k) => !seen.has(k));
      for (const st of await repo.bindingsOnVersion(tx, v.id)) {
        const bound = Object.keys((st.slotBindings ?? {}) as Record<string, unknown>).filter((k) =>
          removed.includes(k),
        );
        if (bound.length) {
          throw new AppError(
            'workflow.in_use',
            `Scene type "${st.name}" binds ${bound.map((k) => `"${k}"`).join(', ')}; unbind before removing or renaming.`,
            [{ field: 'body.parameters', message: `must keep ${bound.join(', ')} (bound by "${st.name}")` }],
          );
        }
      }
      await repo.updateVersion(tx, v.id, { parameters: next }, this.d.clock.now());
      await this.d.audit.record(tx, ctx, {
        action: 'workflow.parameters_changed',
        entityType: 'workflow',
        entityId: w.publicId,
        summary: `Changed the parameter slots of "${w.name}" v${v.versionNumber}`,
        details: {
          versionId: v.publicId,
          added: next.map((s) => s.key).filter((k) => !before.some((b) => b.key === k)),
          removed,
        },
      });
    });
    return this.getVersion(versionPublicId);
  }

  async remove(ctx: RequestContext, publicId: string): Promise<void> {
    await this.d.db.transaction(async (tx) => {
      const w = await repo.findWorkflow(tx, publicId);
      if (!w) throw notFound(publicId);
      const pinning = await repo.scenesPinningWorkflow(tx, w.id);
      if (pinning.length) {
        throw new AppError(
          'workflow.in_use',
          `Scene types pin a version of "${w.name}": ${pinning.map((s) => `"${s.name}"`).join(', ')}. Pin another workflow there first.`,
        );
      }
      await repo.touchWorkflow(tx, w.id, { deletedAt: this.d.clock.now() }, this.d.clock.now());
      await this.d.audit.record(tx, ctx, {
        action: 'workflow.deleted',
        entityType: 'workflow',
        entityId: publicId,
        summary: `Deleted workflow "${w.name}"`,
      });
    });
  }

  // ——— checking on workers ———

  async validate(
    ctx: RequestContext,
    versionPublicId: string,
    workerIds?: string[],
  ): Promise<WorkflowVersion> {
    const version = await this.getVersion(versionPublicId);
    let targets: repo.WorkerRow[];
    if (workerIds?.length) {
      targets = [];
      for (const [i, id] of workerIds.entries()) {
        const w = await repo.findWorker(this.d.db, id);
        if (!w) throw workerUnavailable(`body.workerIds.${i}`, id);
        targets.push(w);
      }
    } else {
      targets = await repo.activeWorkers(this.d.db);
    }
    const api = version.apiJson as ApiWorkflow;
    const results: Record<string, Validation> = {};
    if (targets.length === 0) {
      const problems = relaxImageInputs(validateWorkflow(api, bundledCatalogue()));
      results[catalogueKey] = {
        workerId: null,
        workerName: 'Bundled catalogue (comfy-sim)',
        ok: !problems.some((p) => p.severity === 'error'),
        problems,
        error: null,
        checkedAt: this.d.clock.now().toISOString(),
      };
    }
    await Promise.all(
      targets.map(async (w) => {
        const outcome = await this.d.runner.validate(w, api);
        results[w.publicId] = {
          workerId: w.publicId,
          workerName: w.name,
          ...outcome,
          checkedAt: this.d.clock.now().toISOString(),
        };
      }),
    );
    const checked = await this.d.db.transaction(async (tx) => {
      const v = await repo.lockVersionChecks(tx, versionPublicId);
      if (!v) throw versionNotFound(versionPublicId);
      const merged = { ...((v.validation ?? {}) as Record<string, Validation>), ...results };
      const productionReady = readiness(merged, v.dryRun as DryRun | null);
      await repo.updateVersion(tx, v.id, { validation: merged, productionReady }, this.d.clock.now());
      const entries = Object.values(results);
      await this.d.audit.record(tx, ctx, {
        action: 'workflow.validated',
        entityType: 'workflow',
        entityId: version.workflowId,
        summary: `Validated "${version.workflowName}" v${v.versionNumber}: passed on ${entries.filter((e) => e.ok).length} of ${entries.length}`,
        details: {
          versionId: v.publicId,
          results: entries.map((e) => ({ workerId: e.workerId, ok: e.ok, problems: e.problems.length })),
          productionReady,
        },
      });
      return {
        validation: validationList(merged),
        productionReady,
        dryRun: (v.dryRun as DryRun | null) ?? null,
      };
    });
    return { ...version, ...checked };
  }

  async dryRun(
    ctx: RequestContext,
    versionPublicId: string,
    body: { workerId: string; timeoutSeconds: number },
  ): Promise<WorkflowVersion> {
    const version = await this.getVersion(versionPublicId);
    const worker = await repo.findWorker(this.d.db, body.workerId);
    if (!worker || worker.adminState === 'disabled') throw workerUnavailable('body.workerId', body.workerId);
    const startedAt = this.d.clock.now();
    const outcome = await this.d.runner.dryRun(
      worker,
      version.apiJson as ApiWorkflow,
      body.timeoutSeconds * 1000,
    );
    const result: DryRun = {
      workerId: worker.publicId,
      workerName: worker.name,
      ...outcome,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date(startedAt.getTime() + outcome.durationMs).toISOString(),
    };
    const checked = await this.d.db.transaction(async (tx) => {
      const v = await repo.lockVersionChecks(tx, versionPublicId);
      if (!v) throw versionNotFound(versionPublicId);
      const productionReady = readiness((v.validation ?? {}) as Record<string, Validation>, result);
      await repo.updateVersion(tx, v.id, { dryRun: result, productionReady }, this.d.clock.now());
      await this.d.audit.record(tx, ctx, {
        action: 'workflow.dry_run',
        entityType: 'workflow',
        entityId: version.workflowId,
        summary: `Dry run of "${version.workflowName}" v${v.versionNumber} on "${worker.name}": ${result.outcome}`,
        details: { versionId: v.publicId, workerId: worker.publicId, ...outcome, productionReady },
      });
      return { validation: validationList(v.validation), productionReady, dryRun: result };
    });
    return { ...version, ...checked };
  }

  private toWorkflow(w: repo.WorkflowRow, versions: repo.VersionSummaryRow[]): Workflow {
    const own = versions.filter((v) => v.workflowId === w.id);
    return {
      id: w.publicId,
      name: w.name,
      description: w.description,
      latestVersion: own[0] ? summaryOf(own[0]) : null,
      versionCount: own.length,
      createdAt: w.createdAt.toISOString(),
      updatedAt: w.updatedAt.toISOString(),
    };
  }
}
