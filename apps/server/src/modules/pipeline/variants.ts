// Image variant generation (PRD-021): a variant type with an image-to-image workflow derives that variant from a
// character's source image — a `comfy.render` GPU job, then a `variant.collect` CPU job that registers each picture
// as a `generated` variant, to be approved (or made hero) like an upload. Regenerating adds more; all are kept.
import { variantCollectPayloadSchema } from '@i2v/contracts';
import { renderTemplate } from '@i2v/domain';
import { inArray, sql } from 'drizzle-orm';
import { type Db, type Executor, rows } from '../../db/client.js';
import { mediaFiles } from '../../db/schema/index.js';
import { AppError } from '../../platform/errors.js';
import type { Storage } from '../../platform/storage.js';
import type { CharactersService } from '../characters/service.js';
import type { EventBus } from '../events/bus.js';
import type { JobHandler } from '../jobs/registry.js';
import type { Acting, JobsService } from '../jobs/service.js';
import { contextOfUser } from '../users/repo.js';

interface Target {
  characterId: number;
  characterPublicId: string;
  characterName: string;
  metadata: Record<string, unknown>;
  projectPublicId: string;
  sourceFileId: string | null;
  variantTypeId: string;
  variantTypeName: string;
  workflowVersionId: string | null;
  prompt: string;
  slots: string[];
}

async function target(db: Executor, characterPublicId: string, slug: string): Promise<Target> {
  const [t] = await rows<{
    character_id: number;
    character_name: string;
    metadata: Record<string, unknown> | string;
    project_public_id: string;
    source_file_id: string | null;
    variant_type_id: string | null;
    variant_type_name: string | null;
    workflow_version_id: string | null;
    prompt: string | null;
    slots: { key: string }[] | string | null;
  }>(
    db,
    sql`SELECT c.id AS character_id, c.name AS character_name, c.metadata, p.public_id AS project_public_id,
          (SELECT f.public_id FROM source_images s JOIN media_files f ON f.id = s.file_id
           WHERE s.character_id = c.id AND s.is_current) AS source_file_id,
          vt.public_id AS variant_type_id, vt.name AS variant_type_name, v.public_id AS workflow_version_id,
          vt.generation_prompt AS prompt, v.parameters AS slots
        FROM characters c JOIN projects p ON p.id = c.project_id
        LEFT JOIN image_variant_types vt ON vt.slug = ${slug}
        LEFT JOIN workflow_versions v ON v.id = vt.generation_workflow_version_id
        WHERE c.public_id = ${characterPublicId} AND c.deleted_at IS NULL`,
  );
  if (!t) throw new AppError('character.not_found', `No character with id ${characterPublicId}.`);
  if (!t.variant_type_id) {
    throw new AppError('variant_type.not_found', `No image variant type "${slug}".`, [
      { field: 'body.variantType', message: 'is not a known image variant type slug' },
    ]);
  }
  const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return {
    characterId: Number(t.character_id),
    characterPublicId,
    characterName: t.character_name,
    metadata: parse(t.metadata) ?? {},
    projectPublicId: t.project_public_id,
    sourceFileId: t.source_file_id,
    variantTypeId: t.variant_type_id,
    variantTypeName: t.variant_type_name ?? slug,
    workflowVersionId: t.workflow_version_id,
    prompt: t.prompt ?? '',
    slots: (parse(t.slots) ?? []).map((s) => s.key),
  };
}

export class VariantGeneration {
  constructor(
    private readonly d: { db: Db; bus: EventBus; jobs: JobsService; characters: CharactersService },
  ) {}

  /** Starts deriving a variant from the character's source image; 422 naming what is missing. */
  async generate(acting: Acting, characterPublicId: string, slug: string) {
    const t = await target(this.d.db, characterPublicId, slug);
    // the character must be editable (project live and unlocked)
    await this.d.characters.assertEditable(characterPublicId);
    if (!t.workflowVersionId) {
      throw new AppError(
        'scene.not_generatable',
        `The variant type "${t.variantTypeName}" has no image-to-image workflow; choose one in Settings → Variant types.`,
        [{ field: 'variantType.generationWorkflowVersionId', message: 'no workflow is set' }],
      );
    }
    if (!t.sourceFileId) {
      throw new AppError(
        'scene.not_generatable',
        `"${t.characterName}" has no source image to derive the variant from; upload one first.`,
        [{ field: 'character.sourceImage', message: 'no source image' }],
      );
    }
    const positive = renderTemplate(t.prompt, { characterName: t.characterName, metadata: t.metadata }).text;
    const label = `${t.variantTypeName} variant of ${t.characterName}`;
    const ids = await this.d.bus.transaction(async (tx, emit) => {
      const render = await this.d.jobs.submitWithin(tx, emit, acting, {
        kind: 'comfy.render',
        label: `Generate ${label}`,
        projectId: t.projectPublicId,
        payload: {
          workflowVersionId: t.workflowVersionId!,
          inputImageId: t.sourceFileId!,
          ...(positive && t.slots.includes('positive_prompt')
            ? { parameters: { positive_prompt: positive } }
            : {}),
        },
      });
      const collect = await this.d.jobs.submitWithin(tx, emit, acting, {
        kind: 'variant.collect',
        label: `Register ${label}`,
        projectId: t.projectPublicId,
        payload: {
          characterId: characterPublicId,
          variantTypeId: t.variantTypeId,
          renderJobId: render.publicId,
        },
        dependsOn: [render.publicId],
      });
      return { renderJobId: render.publicId, collectJobId: collect.publicId };
    });
    await this.d.jobs.wake();
    return ids;
  }
}

/** `variant.collect` (CPU): the render's pictures become `generated` variants of the character. */
export function variantCollectHandler(d: {
  db: Db;
  storage: Storage;
  characters: () => CharactersService;
}): JobHandler<{ characterId: string; variantTypeId: string; renderJobId: string }> {
  return {
    kind: 'variant.collect',
    resource: 'cpu',
    label: 'Register generated variants',
    description: 'Registers the pictures of an image-to-image render as generated variants of a character',
    payload: variantCollectPayloadSchema,
    async run(ctx) {
      const p = ctx.job.payload;
      const [job] = await rows<{ result: { outputs?: string[] } | string | null; owner: number | null }>(
        d.db,
        sql`SELECT result, owner_user_id AS owner FROM jobs WHERE public_id = ${p.renderJobId}`,
      );
      const result = typeof job?.result === 'string' ? JSON.parse(job.result) : job?.result;
      const outputs: string[] = result?.outputs ?? [];
      const files = outputs.length
        ? await d.db
            .select({
              storageKey: mediaFiles.storageKey,
              mimeType: mediaFiles.mimeType,
              originalFilename: mediaFiles.originalFilename,
            })
            .from(mediaFiles)
            .where(inArray(mediaFiles.publicId, outputs))
            .orderBy(mediaFiles.id)
        : [];
      const [vt] = await rows<{ slug: string }>(
        d.db,
        sql`SELECT slug FROM image_variant_types WHERE public_id = ${p.variantTypeId}`,
      );
      if (!vt) return { result: { added: 0, skipped: 'variant type deleted' } };
      const actorCtx = await contextOfUser(d.db, job?.owner ?? null);
      let added = 0;
      for (const f of files.filter((x) => x.mimeType.startsWith('image/'))) {
        try {
          await d.characters().addVariant(
            actorCtx,
            p.characterId,
            vt.slug,
            {
              filename: f.originalFilename ?? `${vt.slug}.png`,
              data: await d.storage.read(f.storageKey),
            },
            p.renderJobId,
          );
          added++;
        } catch (err) {
          // a re-run finds its pictures registered already
          if (err instanceof AppError && err.code === 'image.duplicate') continue;
          throw err;
        }
      }
      return { result: { added } };
    },
  };
}
