// Image variant types: exactly one default (no file prefix); slugs are permanent; every change audited.
import type { ImageVariantType } from '@i2v/contracts';
import { sql } from 'drizzle-orm';
import { type Db, type Executor, rows } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/service.js';
import * as repo from './repo.js';

function toVariantType(r: repo.VariantTypeRow): ImageVariantType {
  return {
    id: r.publicId,
    name: r.name,
    slug: r.slug,
    filePrefix: r.filePrefix,
    isDefault: r.isDefault,
    sortOrder: r.sortOrder,
    generation: {
      workflowVersionId: r.generationWorkflowPublicId,
      workflowName: r.generationWorkflowName,
      prompt: r.generationPrompt,
    },
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const notFound = (id: string) =>
  new AppError('variant_type.not_found', `No image variant type with id ${id}.`);
const slugTaken = (slug: string) =>
  new AppError('variant_type.slug_taken', `An image variant type with slug "${slug}" already exists.`, [
    { field: 'body.slug', message: 'is already used' },
  ]);
const prefixRequired = () =>
  new AppError('variant_type.prefix_required', 'Only the default variant type may have no file prefix.', [
    { field: 'body.filePrefix', message: 'must not be empty unless this is the default type' },
  ]);
const defaultPrefix = () =>
  new AppError('variant_type.default_prefix', 'The default variant type has no file prefix.', [
    { field: 'body.filePrefix', message: 'must be empty for the default type' },
  ]);

/** A workflow version by public id, or a 422 naming the field. */
async function workflowVersionId(db: Executor, publicId: string): Promise<number> {
  const found = await rows<{ id: number }>(
    db,
    sql`SELECT id FROM workflow_versions WHERE public_id = ${publicId}`,
  );
  if (!found[0]) {
    throw new AppError('workflow.version_not_found', `There is no workflow version ${publicId}.`, [
      { field: 'body.generationWorkflowVersionId', message: 'is not a workflow version' },
    ]);
  }
  return Number(found[0].id);
}

export class VariantTypesService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ImageVariantType[]> {
    return (await repo.listVariantTypes(this.db)).map(toVariantType);
  }

  async create(
    ctx: RequestContext,
    body: {
      name: string;
      slug: string;
      filePrefix?: string | undefined;
      isDefault: boolean;
      sortOrder?: number | undefined;
    },
  ): Promise<ImageVariantType> {
    const filePrefix = body.filePrefix ?? (body.isDefault ? '' : body.slug);
    if (body.isDefault && filePrefix !== '') throw defaultPrefix();
    if (!body.isDefault && filePrefix === '') throw prefixRequired();
    const publicId = newPublicId();
    const now = this.clock.now();
    try {
      await this.db.transaction(async (tx) => {
        if (await repo.findVariantTypeBySlug(tx, body.slug)) throw slugTaken(body.slug);
        const existing = await repo.listVariantTypes(tx);
        const previousDefault = body.isDefault ? await this.handOverDefault(tx, now) : null;
        await repo.insertVariantType(tx, {
          publicId,
          name: body.name,
          slug: body.slug,
          filePrefix,
          isDefault: body.isDefault,
          sortOrder: body.sortOrder ?? Math.max(0, ...existing.map((e) => e.sortOrder)) + 10,
        });
        await this.audit.record(tx, ctx, {
          action: 'variant_type.created',
          entityType: 'image_variant_type',
          entityId: publicId,
          summary: `Created image variant type "${body.name}" (${body.slug})${body.isDefault ? ' as the default' : ''}`,
          details: {
            slug: body.slug,
            filePrefix,
            isDefault: body.isDefault,
            previousDefault: previousDefault?.slug,
          },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw slugTaken(body.slug);
      throw err;
    }
    return toVariantType((await repo.findVariantType(this.db, publicId))!);
  }

  async update(
    ctx: RequestContext,
    publicId: string,
    body: {
      name?: string | undefined;
      filePrefix?: string | undefined;
      isDefault?: true | undefined;
      sortOrder?: number | undefined;
      generationWorkflowVersionId?: string | null | undefined;
      generationPrompt?: string | undefined;
    },
  ): Promise<ImageVariantType> {
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      const row = await repo.findVariantType(tx, publicId, true);
      if (!row) throw notFound(publicId);
      const becomesDefault = body.isDefault === true && !row.isDefault;
      const willBeDefault = row.isDefault || becomesDefault;
      const filePrefix = becomesDefault ? '' : (body.filePrefix ?? row.filePrefix);
      if (willBeDefault && body.filePrefix !== undefined && body.filePrefix !== '') throw defaultPrefix();
      if (!willBeDefault && body.filePrefix === '') throw prefixRequired();
      const patch: Parameters<typeof repo.updateVariantType>[2] = {};
      if (body.name !== undefined && body.name !== row.name) patch.name = body.name;
      if (body.generationPrompt !== undefined) patch.generationPrompt = body.generationPrompt;
      if (body.generationWorkflowVersionId !== undefined) {
        patch.generationWorkflowVersionId = body.generationWorkflowVersionId
          ? await workflowVersionId(tx, body.generationWorkflowVersionId)
          : null;
      }
      if (filePrefix !== row.filePrefix) patch.filePrefix = filePrefix;
      if (body.sortOrder !== undefined && body.sortOrder !== row.sortOrder) patch.sortOrder = body.sortOrder;
      let previousDefault: repo.VariantTypeRow | null = null;
      if (becomesDefault) {
        previousDefault = await repo.clearDefaultVariantType(tx, now);
        // the type that loses default status gets its slug back as prefix so its files stay distinguishable
        if (previousDefault)
          await repo.updateVariantType(tx, previousDefault.id, { filePrefix: previousDefault.slug }, now);
        patch.isDefault = true;
      }
      if (Object.keys(patch).length === 0) return;
      await repo.updateVariantType(tx, row.id, patch, now);
      await this.audit.record(tx, ctx, {
        action: 'variant_type.updated',
        entityType: 'image_variant_type',
        entityId: publicId,
        summary: `Changed image variant type "${patch.name ?? row.name}"${becomesDefault ? ' (now the default)' : ''}`,
        details: { changes: patch, previousDefault: previousDefault?.slug },
      });
    });
    return toVariantType((await repo.findVariantType(this.db, publicId))!);
  }

  /** Takes the default from the current default type, which gets its slug as prefix so its files stay distinct. */
  private async handOverDefault(tx: Executor, now: Date): Promise<repo.VariantTypeRow | null> {
    const previous = await repo.clearDefaultVariantType(tx, now);
    if (previous) await repo.updateVariantType(tx, previous.id, { filePrefix: previous.slug }, now);
    return previous;
  }

  async remove(ctx: RequestContext, publicId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await repo.findVariantType(tx, publicId, true);
      if (!row) throw notFound(publicId);
      if (row.isDefault) {
        throw new AppError(
          'variant_type.default_required',
          `"${row.name}" is the default variant type; make another type the default before deleting it.`,
        );
      }
      if (await repo.variantTypeInUse(tx, row.id)) {
        throw new AppError(
          'variant_type.in_use',
          `"${row.name}" is used by image variants, scene types or scenes; it cannot be deleted.`,
        );
      }
      await repo.deleteVariantType(tx, row.id);
      await this.audit.record(tx, ctx, {
        action: 'variant_type.deleted',
        entityType: 'image_variant_type',
        entityId: publicId,
        summary: `Deleted image variant type "${row.name}" (${row.slug})`,
        details: { slug: row.slug, filePrefix: row.filePrefix },
      });
    });
  }
}
