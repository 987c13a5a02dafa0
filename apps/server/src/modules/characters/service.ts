// Characters of a project: CRUD, source image, image variants with approve / reject / hero; all audited.
import type { Character, CharacterSummary, ImageVariant } from '@i2v/contracts';
import { sourceImageProblems } from '@i2v/domain';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Clock } from '../../platform/clock.js';
import { decodeNameCursor, pageOf } from '../../platform/cursor.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import { validateAgainst } from '../../platform/json-schema.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/service.js';
import { processImage } from '../media/images.js';
import { findMediaFile } from '../media/repo.js';
import type { MediaService, StagedImage } from '../media/service.js';
import type { ProjectsService } from '../projects/service.js';
import { parseTagList, type TagsService } from '../tags/service.js';
import { fileOf, toCharacterSummary, toImageVariant } from './dto.js';
import * as repo from './repo.js';

export interface Upload {
  filename: string;
  data: Buffer;
}

type EditableCharacter = repo.CharacterRow & { metadataSchema: Record<string, unknown> | null };

/** Sort key of the character lists: name without case, then id. */
const byName = (last: repo.CharacterRow) => [last.name.toLowerCase(), last.id];

const notFound = (id: string) => new AppError('character.not_found', `No character with id ${id}.`);
const nameTaken = (name: string) =>
  new AppError('character.name_taken', `This project already has a character named "${name}".`, [
    { field: 'body.name', message: 'is already used in this project' },
  ]);

/** Refuses metadata that breaks the project's metadata schema, naming each offending field. */
function assertMetadataFits(
  schema: Record<string, unknown> | null,
  metadata: Record<string, unknown> | undefined,
): void {
  if (!schema || metadata === undefined) return;
  const problems = validateAgainst(schema, metadata, 'body.metadata');
  if (problems.length > 0) {
    throw new AppError(
      'character.metadata_invalid',
      `The metadata does not fit the project's metadata schema: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}.`,
      problems,
    );
  }
}

/** Source-image QA from the stored face analysis of the file, or null before it ran. */
function sourceQaOf(s: {
  qaScore: number | null;
  qaFaceFound: boolean | null;
  qaQuality: unknown;
  qaAt: Date | null;
  width: number | null;
  height: number | null;
}) {
  if (s.qaAt === null || s.qaScore === null) return null;
  const q = (s.qaQuality ?? {}) as { sharpness?: number | null };
  const facts = {
    width: s.width,
    height: s.height,
    faceFound: Boolean(s.qaFaceFound),
    faceScore: s.qaScore,
    sharpness: typeof q.sharpness === 'number' ? q.sharpness : null,
  };
  return {
    faceFound: facts.faceFound,
    faceScore: facts.faceScore,
    sharpness: facts.sharpness,
    problems: sourceImageProblems(facts),
    analysedAt: s.qaAt.toISOString(),
  };
}

export class CharactersService {
  /** Queues source-image QA of a newly set source image (set by the app once the job engine exists). */
  analyseImage: ((ctx: RequestContext, filePublicId: string) => Promise<void>) | null = null;

  constructor(
    private readonly d: {
      db: Db;
      clock: Clock;
      audit: AuditService;
      projects: ProjectsService;
      media: MediaService;
      tags: TagsService;
      maxImagePixels: number;
    },
  ) {}

  async list(
    projectPublicId: string,
    q: {
      limit: number;
      cursor?: string | undefined;
      q?: string | undefined;
      tags?: string | undefined;
      tagMode?: 'all' | 'any' | undefined;
      deleted?: 'exclude' | 'only' | undefined;
    },
  ): Promise<{ items: CharacterSummary[]; nextCursor: string | null }> {
    const project = await this.d.projects.resolveForContent(this.d.db, { publicId: projectPublicId }, false);
    const after = decodeNameCursor(q.cursor);
    const where = this.d.tags.filter(
      'character',
      sql`characters.id`,
      parseTagList(q.tags),
      q.tagMode ?? 'all',
    );
    const found = await repo.listCharacters(this.d.db, {
      projectId: project.id,
      q: q.q,
      after,
      limit: q.limit + 1,
      where,
      trashed: q.deleted === 'only',
    });
    const { page, nextCursor } = pageOf(found, q.limit, byName);
    return { items: page.map((r) => toCharacterSummary(this.d.media, r, project)), nextCursor };
  }

  /**
   * For the scene matrix: a page of a project's characters with what generation needs from each — whether it has
   * a source image and which variant types have an approved hero. `id` is internal, for the caller's queries.
   */
  async readinessPage(
    projectPublicId: string,
    q: { limit: number; cursor?: string | undefined },
  ): Promise<{
    project: { id: number; publicId: string };
    characters: { id: number; summary: CharacterSummary; heroVariantTypeIds: Set<string> }[];
    nextCursor: string | null;
  }> {
    const project = await this.d.projects.resolveForContent(this.d.db, { publicId: projectPublicId }, false);
    const found = await repo.listCharacters(this.d.db, {
      projectId: project.id,
      after: decodeNameCursor(q.cursor),
      limit: q.limit + 1,
      withTags: false,
      withoutCounts: true,
    });
    const { page, nextCursor } = pageOf(found, q.limit, byName);
    const heroes = new Map<number, Set<string>>(page.map((c) => [c.id, new Set()]));
    for (const h of await repo.heroPairs(
      this.d.db,
      page.map((c) => c.id),
    ))
      heroes.get(h.characterId)?.add(h.variantTypePublicId);
    return {
      project,
      characters: page.map((c) => ({
        id: c.id,
        summary: toCharacterSummary(this.d.media, c, project),
        heroVariantTypeIds: heroes.get(c.id)!,
      })),
      nextCursor,
    };
  }

  async get(publicId: string): Promise<Character> {
    const row = await repo.findCharacter(this.d.db, publicId);
    if (!row) throw notFound(publicId);
    const project = await this.d.projects.resolveForContent(this.d.db, { id: row.projectId }, false);
    const sources = await repo.listSourceImages(this.d.db, row.id);
    const toSource = (s: (typeof sources)[number]) => ({
      id: s.publicId,
      isCurrent: s.isCurrent,
      createdAt: s.createdAt.toISOString(),
      file: fileOf(this.d.media, s),
      qa: sourceQaOf(s),
    });
    return {
      ...toCharacterSummary(this.d.media, row, project),
      metadata: (row.metadata ?? {}) as Record<string, unknown>,
      settings: (row.settings ?? {}) as Record<string, unknown>,
      sourceImage: sources.find((s) => s.isCurrent) ? toSource(sources.find((s) => s.isCurrent)!) : null,
      sourceHistory: sources.filter((s) => !s.isCurrent).map(toSource),
      variants: (await repo.variantsOfCharacter(this.d.db, row.id)).map((v) =>
        toImageVariant(this.d.media, v),
      ),
      metadataProblems: project.metadataSchema
        ? validateAgainst(project.metadataSchema, row.metadata ?? {}, 'metadata')
        : [],
    };
  }

  async create(
    ctx: RequestContext,
    projectPublicId: string,
    body: {
      name: string;
      metadata?: Record<string, unknown> | undefined;
      settings?: Record<string, unknown> | undefined;
    },
  ): Promise<Character> {
    const publicId = newPublicId();
    try {
      await this.d.db.transaction(async (tx) => {
        const project = await this.d.projects.resolveForContent(tx, { publicId: projectPublicId }, true);
        if (await repo.liveCharacterNamed(tx, project.id, body.name)) throw nameTaken(body.name);
        assertMetadataFits(project.metadataSchema, body.metadata);
        await repo.insertCharacter(tx, {
          publicId,
          projectId: project.id,
          name: body.name,
          metadata: body.metadata ?? {},
          settings: body.settings ?? {},
          createdByUserId: ctx.actor?.userId ?? null,
        });
        await this.d.audit.record(tx, ctx, {
          action: 'character.created',
          entityType: 'character',
          entityId: publicId,
          summary: `Created character "${body.name}" in project "${project.name}"`,
          details: { projectId: project.publicId },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(body.name);
      throw err;
    }
    return this.get(publicId);
  }

  async update(
    ctx: RequestContext,
    publicId: string,
    body: {
      name?: string | undefined;
      metadata?: Record<string, unknown> | undefined;
      settings?: Record<string, unknown> | undefined;
    },
  ): Promise<Character> {
    try {
      await this.d.db.transaction(async (tx) => {
        const row = await this.editable(tx, publicId);
        assertMetadataFits(row.metadataSchema, body.metadata);
        const patch: Parameters<typeof repo.updateCharacter>[2] = {};
        const changed: string[] = [];
        if (body.name !== undefined && body.name !== row.name) {
          if (await repo.liveCharacterNamed(tx, row.projectId, body.name, row.id)) throw nameTaken(body.name);
          patch.name = body.name;
          changed.push('name');
        }
        for (const key of ['metadata', 'settings'] as const) {
          if (body[key] !== undefined && JSON.stringify(body[key]) !== JSON.stringify(row[key])) {
            patch[key] = body[key];
            changed.push(key);
          }
        }
        if (changed.length === 0) return;
        await repo.updateCharacter(tx, row.id, patch, this.d.clock.now());
        await this.d.audit.record(tx, ctx, {
          action: 'character.updated',
          entityType: 'character',
          entityId: publicId,
          summary: `Changed ${changed.join(', ')} of character "${patch.name ?? row.name}"`,
          details: {
            ...(patch.name ? { name: { from: row.name, to: patch.name } } : {}),
            ...(patch.metadata ? { metadata: { from: row.metadata, to: patch.metadata } } : {}),
            ...(patch.settings ? { settings: { from: row.settings, to: patch.settings } } : {}),
          },
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken(body.name ?? '');
      throw err;
    }
    return this.get(publicId);
  }

  async trash(ctx: RequestContext, publicId: string): Promise<void> {
    await this.d.db.transaction(async (tx) => {
      const row = await this.editable(tx, publicId);
      await repo.updateCharacter(tx, row.id, { deletedAt: this.d.clock.now() }, this.d.clock.now());
      await this.d.audit.record(tx, ctx, {
        action: 'character.deleted',
        entityType: 'character',
        entityId: publicId,
        summary: `Moved character "${row.name}" to the trash`,
      });
    });
  }

  /** Replaces the character's tags (created on first use). */
  async setTags(ctx: RequestContext, publicId: string, names: string[]): Promise<Character> {
    await this.d.db.transaction(async (tx) => {
      const row = await this.editable(tx, publicId);
      await this.d.tags.replace(
        tx,
        ctx,
        { kind: 'character', id: row.id, publicId, label: `character "${row.name}"` },
        names,
      );
      await this.touch(tx, row.id);
    });
    return this.get(publicId);
  }

  /** Adds and removes tags on many characters of a project at once, in one transaction (each change audited). */
  async bulkTags(
    ctx: RequestContext,
    projectPublicId: string,
    body: { characterIds: string[]; add: string[]; remove: string[] },
  ): Promise<{ changed: number; unchanged: number }> {
    return this.d.db.transaction(async (tx) => {
      const project = await this.d.projects.resolveForContent(tx, { publicId: projectPublicId }, true);
      let changed = 0;
      for (const [i, id] of body.characterIds.entries()) {
        const row = await repo.findCharacter(tx, id, true);
        if (!row || row.deletedAt || row.projectId !== project.id) {
          throw new AppError('character.not_found', `No character with id ${id} in this project.`, [
            { field: `body.characterIds.${i}`, message: 'is not a live character of this project' },
          ]);
        }
        const current = row.tags ?? [];
        const next = [...new Set([...current, ...body.add])].filter((t) => !body.remove.includes(t));
        if (JSON.stringify([...next].sort()) === JSON.stringify([...current].sort())) continue;
        await this.d.tags.replace(
          tx,
          ctx,
          { kind: 'character', id: row.id, publicId: id, label: `character "${row.name}"` },
          next,
        );
        await this.touch(tx, row.id);
        changed += 1;
      }
      return { changed, unchanged: body.characterIds.length - changed };
    });
  }

  /** Brings a character back from the trash, unless another live character of the project now has its name. */
  async restore(ctx: RequestContext, publicId: string): Promise<Character> {
    try {
      await this.d.db.transaction(async (tx) => {
        const row = await repo.findCharacter(tx, publicId, true);
        if (!row) throw notFound(publicId);
        if (!row.deletedAt) return;
        await this.d.projects.resolveForContent(tx, { id: row.projectId }, true);
        if (await repo.liveCharacterNamed(tx, row.projectId, row.name, row.id)) {
          throw new AppError(
            'character.name_taken',
            `Another character of this project is now named "${row.name}"; rename it before restoring this one.`,
          );
        }
        await repo.updateCharacter(tx, row.id, { deletedAt: null }, this.d.clock.now());
        await this.d.audit.record(tx, ctx, {
          action: 'character.restored',
          entityType: 'character',
          entityId: publicId,
          summary: `Restored character "${row.name}" from the trash`,
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw nameTaken('');
      throw err;
    }
    return this.get(publicId);
  }

  /** Throws unless the character is live and its project accepts changes. */
  async assertEditable(publicId: string): Promise<void> {
    await this.d.db.transaction(async (tx) => {
      await this.editable(tx, publicId);
    });
  }

  /** Sets the character's source image; the previous one is kept as history. */
  async setSourceImage(ctx: RequestContext, publicId: string, upload: Upload): Promise<Character> {
    let analyse: string | null = null;
    await this.withStagedImage(publicId, upload, 'sources', async (tx, row, staged) => {
      const fileId = await staged.register(tx);
      analyse = staged.publicId;
      await repo.replaceCurrentSource(tx, row.id, fileId, newPublicId(), this.d.clock.now());
      await this.touch(tx, row.id);
      await this.d.audit.record(tx, ctx, {
        action: 'character.source_image_set',
        entityType: 'character',
        entityId: publicId,
        summary: `Set the source image of "${row.name}" (${staged.originalFilename})`,
        details: this.fileDetails(staged),
      });
    });
    // source-image QA and the likeness baseline run in the background (PRD-022)
    if (analyse && this.analyseImage) await this.analyseImage(ctx, analyse);
    return this.get(publicId);
  }

  /**
   * Adds an image variant of the given type, pending a decision: uploaded, or generated from the source image by an
   * image-to-image workflow (PRD-021; `generatedBy` names the render job).
   */
  async addVariant(
    ctx: RequestContext,
    publicId: string,
    variantTypeSlug: string,
    upload: Upload,
    generatedBy?: string,
  ): Promise<ImageVariant> {
    const variantPublicId = newPublicId();
    const type = await repo.variantTypeBySlug(this.d.db, variantTypeSlug);
    if (!type) {
      throw new AppError('variant_type.not_found', `No image variant type "${variantTypeSlug}".`, [
        { field: 'query.variantType', message: 'is not a known image variant type slug' },
      ]);
    }
    await this.withStagedImage(publicId, upload, 'variants', async (tx, row, staged) => {
      await repo.insertVariant(tx, {
        publicId: variantPublicId,
        characterId: row.id,
        variantTypeId: type.id,
        fileId: await staged.register(tx),
        statusId: await repo.variantStatusId(tx, generatedBy ? 'generated' : 'pending'),
        provenance: generatedBy ? 'generated' : 'upload',
      });
      await this.touch(tx, row.id);
      await this.d.audit.record(tx, ctx, {
        action: generatedBy ? 'character.variant_generated' : 'character.variant_uploaded',
        entityType: 'character',
        entityId: publicId,
        summary: generatedBy
          ? `Generated a ${type.name} variant for "${row.name}" from its source image`
          : `Uploaded a ${type.name} variant for "${row.name}" (${staged.originalFilename})`,
        details: {
          variantId: variantPublicId,
          variantType: type.slug,
          ...(generatedBy ? { renderJobId: generatedBy } : {}),
          ...this.fileDetails(staged),
        },
      });
    });
    return toImageVariant(this.d.media, (await repo.findVariant(this.d.db, variantPublicId))!);
  }

  async decideVariant(
    ctx: RequestContext,
    variantPublicId: string,
    decision: 'approve' | 'reject' | 'hero',
  ): Promise<ImageVariant> {
    await this.d.db.transaction(async (tx) => {
      const variant = await repo.findVariant(tx, variantPublicId);
      if (!variant) throw new AppError('image.not_found', `No image variant with id ${variantPublicId}.`);
      const owner = await this.editableById(tx, variant.characterId);
      const status = decision === 'reject' ? 'rejected' : 'approved';
      await repo.setVariantDecision(
        tx,
        variant,
        {
          statusId: await repo.variantStatusId(tx, status),
          // approving the hero again keeps it the hero; only a rejection or another hero takes that away
          isHero: decision === 'hero' || (decision === 'approve' && variant.isHero),
          userId: ctx.actor?.userId ?? null,
        },
        this.d.clock.now(),
      );
      await this.touch(tx, variant.characterId);
      await this.d.audit.record(tx, ctx, {
        action: 'character.variant_decided',
        entityType: 'character',
        entityId: owner.publicId,
        summary: `${decision === 'hero' ? 'Made hero' : decision === 'approve' ? 'Approved' : 'Rejected'}: ${variant.variantTypeName} variant of "${owner.name}"`,
        details: {
          variantId: variantPublicId,
          variantType: variant.variantTypeSlug,
          from: variant.status,
          to: status,
          hero: decision === 'hero',
        },
      });
    });
    return toImageVariant(this.d.media, (await repo.findVariant(this.d.db, variantPublicId))!);
  }

  /** Deletes an image variant and its file (uploaded by mistake, say); the hero of its type cannot go. */
  async deleteVariant(ctx: RequestContext, variantPublicId: string): Promise<void> {
    const keys: string[] = [];
    await this.d.db.transaction(async (tx) => {
      const variant = await repo.findVariant(tx, variantPublicId);
      if (!variant) throw new AppError('image.not_found', `No image variant with id ${variantPublicId}.`);
      const owner = await this.editableById(tx, variant.characterId);
      if (variant.isHero) {
        throw new AppError(
          'image.hero_in_use',
          `This is the ${variant.variantTypeName} hero of "${owner.name}"; make another variant the hero first.`,
        );
      }
      const file = await findMediaFile(tx, variant.filePublicId);
      await repo.deleteVariantRow(tx, variant.id);
      keys.push(...(await this.d.media.dropRows(tx, file ? [file.id] : [])));
      await this.touch(tx, variant.characterId);
      await this.d.audit.record(tx, ctx, {
        action: 'character.variant_deleted',
        entityType: 'character',
        entityId: owner.publicId,
        summary: `Deleted a ${variant.variantTypeName} variant of "${owner.name}" (${variant.originalFilename ?? 'image'})`,
        details: { variantId: variantPublicId, variantType: variant.variantTypeSlug, status: variant.status },
      });
    });
    await this.d.media.deleteStored(keys);
  }

  /** Deletes a source image and its file; deleting the current one brings back the one it replaced, if any. */
  async deleteSourceImage(ctx: RequestContext, sourcePublicId: string): Promise<Character> {
    const keys: string[] = [];
    let characterPublicId = '';
    await this.d.db.transaction(async (tx) => {
      const source = await repo.findSourceImage(tx, sourcePublicId);
      if (!source) throw new AppError('image.not_found', `No source image with id ${sourcePublicId}.`);
      const owner = await this.editableById(tx, source.characterId);
      characterPublicId = owner.publicId;
      await repo.deleteSourceImage(tx, source);
      keys.push(...(await this.d.media.dropRows(tx, [source.fileId])));
      await this.touch(tx, source.characterId);
      await this.d.audit.record(tx, ctx, {
        action: 'character.source_image_deleted',
        entityType: 'character',
        entityId: owner.publicId,
        summary: `Deleted ${source.isCurrent ? 'the current' : 'an earlier'} source image of "${owner.name}" (${source.originalFilename ?? 'image'})`,
        details: { sourceImageId: sourcePublicId, wasCurrent: source.isCurrent },
      });
    });
    await this.d.media.deleteStored(keys);
    return this.get(characterPublicId);
  }

  private fileDetails(staged: StagedImage) {
    return {
      fileId: staged.publicId,
      sha256: staged.sha256,
      width: staged.width,
      height: staged.height,
      format: staged.format,
    };
  }

  /** Validates and stores the image first, then runs `register` in a transaction; files are removed if it fails. */
  private async withStagedImage(
    publicId: string,
    upload: Upload,
    folder: string,
    register: (tx: Tx, row: repo.CharacterRow, staged: StagedImage) => Promise<void>,
  ): Promise<void> {
    const image = await processImage(upload.data, upload.filename, this.d.maxImagePixels);
    const staged = await this.d.media.stage(image, upload.filename, `${folder}/${publicId}`);
    try {
      await this.d.db.transaction(async (tx) => {
        const row = await this.editable(tx, publicId);
        if (await repo.characterHasFile(tx, row.id, image.sha256)) {
          throw new AppError(
            'image.duplicate',
            `"${row.name}" already has this exact image (${upload.filename}).`,
            [{ field: 'body.file', message: 'is identical to an image this character already has' }],
          );
        }
        await register(tx, row, staged);
      });
    } catch (err) {
      await staged.discard();
      throw err;
    }
  }

  /** The live character, locked for the transaction, with its project checked editable (and its metadata schema). */
  private async editable(tx: Tx, publicId: string): Promise<EditableCharacter> {
    const row = await repo.findCharacter(tx, publicId, true);
    if (!row || row.deletedAt) throw notFound(publicId);
    const project = await this.d.projects.resolveForContent(tx, { id: row.projectId }, true);
    return { ...row, metadataSchema: project.metadataSchema };
  }

  private async editableById(tx: Tx, characterId: number): Promise<repo.CharacterRow> {
    const row = await repo.findCharacterById(tx, characterId, true);
    if (!row || row.deletedAt) {
      throw new AppError('character.not_found', 'The character of this image variant is in the trash.');
    }
    await this.d.projects.resolveForContent(tx, { id: row.projectId }, true);
    return row;
  }

  private async touch(tx: Tx, characterId: number): Promise<void> {
    await repo.updateCharacter(tx, characterId, {}, this.d.clock.now());
  }
}
