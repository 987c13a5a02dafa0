// Delivery (PRD-039 §1.6–1.9, §2.1; PRD-102; PRD-001 §1.7): validate a project, then package it as a ZIP laid out
// `Character/metadata.json`, the character's hero images, its scene videos, plus `manifest.json` at the root.
// The ZIP is written by a `delivery.package` job to a temporary file and offered for download only once complete.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  type Delivery,
  type DeliveryManifest,
  type DeliveryProblem,
  type DeliveryStart,
  type DeliveryValidation,
  publicIdSchema,
} from '@i2v/contracts';
import {
  complianceIssues,
  NamingError,
  nameSceneVideos,
  type OutputProfileSpec,
  probeCodecName,
  profileExtension,
} from '@i2v/domain';
import { decodeErrors, probe } from '@i2v/ffmpeg';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { deliveries, outputProfiles, users } from '../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import { validateAgainst } from '../../platform/json-schema.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { Storage } from '../../platform/storage.js';
import type { AuditService } from '../audit/service.js';
import type { EventBus } from '../events/bus.js';
import type { NotificationsService } from '../events/notifications.js';
import { JobFailure, type JobHandler } from '../jobs/registry.js';
import type { JobsService } from '../jobs/service.js';
import { insertMediaFile } from '../media/repo.js';
import type { MediaService } from '../media/service.js';
import type { ProjectsService } from '../projects/service.js';
import { ZipWriter } from './zip.js';

/** Transcodes a scene video version to a profile (or reuses a ready rendition); gives its stored file. */
export type ProfileTranscoder = (
  videoVersionId: number,
  profileId: number,
  o: { signal?: AbortSignal; onProgress?: (fraction: number) => void },
) => Promise<{ storageKey: string }>;

export interface DeliveryDeps {
  db: Db;
  clock: Clock;
  bus: EventBus;
  audit: AuditService;
  storage: Storage;
  jobs: JobsService;
  media: MediaService;
  projects: ProjectsService;
  notifications: NotificationsService;
  transcode: () => ProfileTranscoder | null;
}

const rows = async <T>(db: Executor, q: ReturnType<typeof sql>): Promise<T[]> =>
  ((await db.execute(q)) as unknown as { rows: T[] }).rows;

interface VideoItem {
  sceneId: string;
  sceneDbId: number;
  sceneTypeName: string;
  status: string;
  variantPrefix: string;
  transitionSuffix: string | null;
  order: number;
  version: {
    id: number;
    publicId: string;
    tier: string;
    storageKey: string;
    sha256: string;
    sizeBytes: number;
    durationSeconds: number;
    fps: number | null;
    codec: string;
    width: number | null;
    height: number | null;
  } | null;
}

interface ImageItem {
  slug: string;
  variantTypeName: string;
  storageKey: string;
  mimeType: string;
  sha256: string;
}

interface CharacterContent {
  id: number;
  publicId: string;
  name: string;
  folder: string;
  metadata: Record<string, unknown>;
  images: ImageItem[];
  neededSlugs: { slug: string; name: string }[];
  videos: VideoItem[];
  /** Video file names by scene public id (when naming succeeded). */
  names: Map<string, string>;
  fingerprint: string;
}

interface Collected {
  project: { id: number; publicId: string; name: string; metadataSchema: unknown };
  profile: { id: number; publicId: string; name: string; spec: OutputProfileSpec } | null;
  characters: CharacterContent[];
  problems: DeliveryProblem[];
}

/** A folder name every OS accepts: no separators or reserved characters, no trailing dots or spaces. */
export function characterFolderName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[<>:"/\\|?*]/g, '_')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f]/g, '_')
    .replace(/[. ]+$/g, '')
    .trim();
  return /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i.test(cleaned) ? `${cleaned}_` : cleaned || '_';
}

const deliveryPayloadSchema = z.object({ deliveryId: publicIdSchema });

export class DeliveryService {
  constructor(private readonly d: DeliveryDeps) {}

  // ------------------------------------------------------------------ collecting and validating

  private async profileOf(db: Executor, publicId: string | null | undefined, field: string) {
    if (!publicId) return null;
    const [p] = await db.select().from(outputProfiles).where(eq(outputProfiles.publicId, publicId));
    if (!p) {
      throw new AppError('delivery.invalid', `There is no output profile ${publicId}.`, [
        { field, message: 'is not an output profile' },
      ]);
    }
    return {
      id: p.id,
      publicId: p.publicId,
      name: p.name,
      spec: {
        container: p.container,
        videoCodec: p.videoCodec,
        width: p.width,
        height: p.height,
        fps: p.fps,
        crf: p.crf,
        bitrateKbps: p.bitrateKbps,
        pixelFormat: p.pixelFormat,
        audio: p.audio,
      } as OutputProfileSpec,
    };
  }

  /** Everything a delivery of the project would contain, with every problem found on the way. */
  private async collect(
    db: Executor,
    projectPublicId: string,
    profilePublicId?: string | null,
  ): Promise<Collected> {
    const project = await this.d.projects.resolveForContent(db, { publicId: projectPublicId }, false);
    const profile = await this.profileOf(db, profilePublicId, 'profileId');
    const chars = await rows<{
      id: number;
      public_id: string;
      name: string;
      metadata: Record<string, unknown>;
    }>(
      db,
      sql`SELECT id, public_id, name, metadata FROM characters
          WHERE project_id = ${project.id} AND deleted_at IS NULL ORDER BY lower(name), id`,
    );
    const heroes = await rows<{
      character_id: number;
      slug: string;
      vt_name: string;
      storage_key: string;
      mime_type: string;
      sha256: string;
    }>(
      db,
      sql`SELECT v.character_id, vt.slug, vt.name AS vt_name, f.storage_key, f.mime_type, f.sha256
          FROM image_variants v
          JOIN characters c ON c.id = v.character_id
          JOIN image_variant_types vt ON vt.id = v.variant_type_id
          JOIN media_files f ON f.id = v.file_id
          WHERE c.project_id = ${project.id} AND c.deleted_at IS NULL AND v.is_hero
          ORDER BY vt.sort_order, vt.slug`,
    );
    const scenes = await rows<{
      id: number;
      public_id: string;
      character_id: number;
      status: string;
      scene_type_name: string;
      scene_type_order: number;
      scene_type_id: number;
      file_prefix: string;
      vt_slug: string;
      vt_name: string;
      to_slug: string | null;
      to_name: string | null;
      is_transition: boolean;
      transition_suffix: string | null;
      v_id: number | null;
      v_public_id: string | null;
      v_tier: string | null;
      v_duration: number | null;
      v_fps: number | null;
      v_codec: string | null;
      f_key: string | null;
      f_sha: string | null;
      f_size: number | null;
      f_width: number | null;
      f_height: number | null;
    }>(
      db,
      sql`SELECT s.id, s.public_id, s.character_id, ss.code AS status, st.name AS scene_type_name,
                 st.sort_order AS scene_type_order, st.id AS scene_type_id, vt.file_prefix, vt.slug AS vt_slug,
                 vt.name AS vt_name, tv.slug AS to_slug, tv.name AS to_name, s.is_transition, st.transition_suffix,
                 v.id AS v_id, v.public_id AS v_public_id, v.tier AS v_tier, v.duration_seconds AS v_duration,
                 v.fps AS v_fps, v.codec AS v_codec, f.storage_key AS f_key, f.sha256 AS f_sha,
                 f.size_bytes AS f_size, f.width AS f_width, f.height AS f_height
          FROM scenes s
          JOIN characters c ON c.id = s.character_id
          JOIN scene_statuses ss ON ss.id = s.status_id
          JOIN scene_types st ON st.id = s.scene_type_id
          JOIN image_variant_types vt ON vt.id = s.variant_type_id
          LEFT JOIN image_variant_types tv ON tv.id = st.transition_to_variant_type_id AND s.is_transition
          LEFT JOIN scene_video_versions v ON v.scene_id = s.id AND v.is_final AND v.deleted_at IS NULL
          LEFT JOIN media_files f ON f.id = v.file_id
          WHERE c.project_id = ${project.id} AND c.deleted_at IS NULL AND st.deleted_at IS NULL
          ORDER BY st.sort_order, lower(st.name), s.id`,
    );
    const problems: DeliveryProblem[] = [];
    const projectPath = `/projects/${project.publicId}`;
    const problem = (
      p: Omit<DeliveryProblem, 'characterId' | 'characterName' | 'sceneId'> & {
        character?: { publicId: string; name: string };
        sceneId?: string;
      },
    ) =>
      problems.push({
        code: p.code,
        severity: p.severity,
        message: p.message,
        fix: p.fix,
        characterId: p.character?.publicId ?? null,
        characterName: p.character?.name ?? null,
        sceneId: p.sceneId ?? null,
      });
    const metadataSchema = project.metadataSchema as object | null;
    const characters: CharacterContent[] = [];
    const folders = new Map<string, string>();
    for (const c of chars) {
      const who = { publicId: c.public_id, name: c.name };
      const folder = characterFolderName(c.name);
      const clash = folders.get(folder.toLowerCase());
      if (clash) {
        problem({
          code: 'folder.duplicate',
          severity: 'error',
          message: `"${c.name}" and "${clash}" would share the folder ${folder}/; rename one of them`,
          fix: `${projectPath}/characters/${c.public_id}`,
          character: who,
        });
      }
      folders.set(folder.toLowerCase(), c.name);
      if (metadataSchema) {
        const errors = validateAgainst(metadataSchema, c.metadata ?? {}, 'metadata');
        if (errors.length > 0) {
          problem({
            code: 'metadata.invalid',
            severity: 'error',
            message: `metadata.json of ${c.name} does not match the project's schema: ${errors
              .slice(0, 3)
              .map((e) => `${e.field} ${e.message}`)
              .join('; ')}`,
            fix: `${projectPath}/characters/${c.public_id}`,
            character: who,
          });
        }
      }
      const own = scenes.filter((s) => Number(s.character_id) === Number(c.id));
      const images: ImageItem[] = heroes
        .filter((h) => Number(h.character_id) === Number(c.id))
        .map((h) => ({
          slug: h.slug,
          variantTypeName: h.vt_name,
          storageKey: h.storage_key,
          mimeType: h.mime_type,
          sha256: h.sha256,
        }));
      const needed = new Map<string, string>();
      for (const s of own) {
        needed.set(s.vt_slug, s.vt_name);
        if (s.to_slug) needed.set(s.to_slug, s.to_name ?? s.to_slug);
      }
      for (const [slug, name] of needed) {
        if (!images.some((i) => i.slug === slug)) {
          problem({
            code: 'image.no_hero',
            severity: 'error',
            message: `${c.name} has no approved hero image for ${name} (${slug}.png)`,
            fix: `${projectPath}/characters/${c.public_id}`,
            character: who,
          });
        }
      }
      if (own.length === 0) {
        problem({
          code: 'character.no_scenes',
          severity: 'warning',
          message: `${c.name} has no scenes; the folder will hold only metadata and images`,
          fix: `${projectPath}/matrix`,
          character: who,
        });
      }
      const videos: VideoItem[] = own.map((s, i) => ({
        sceneId: s.public_id,
        sceneDbId: Number(s.id),
        sceneTypeName: s.scene_type_name,
        status: s.status,
        variantPrefix: s.file_prefix,
        transitionSuffix: s.is_transition ? s.transition_suffix : null,
        order: i,
        version:
          s.v_id !== null && s.f_key
            ? {
                id: Number(s.v_id),
                publicId: s.v_public_id!,
                tier: s.v_tier!,
                storageKey: s.f_key,
                sha256: s.f_sha!,
                sizeBytes: Number(s.f_size),
                durationSeconds: Number(s.v_duration),
                fps: s.v_fps === null ? null : Number(s.v_fps),
                codec: s.v_codec!,
                width: s.f_width,
                height: s.f_height,
              }
            : null,
      }));
      let names = new Map<string, string>();
      try {
        names = nameSceneVideos(
          videos.map((v) => ({
            key: v.sceneId,
            order: v.order,
            sceneTypeName: v.sceneTypeName,
            variantPrefix: v.variantPrefix || null,
            transitionSuffix: v.transitionSuffix,
          })),
        );
      } catch (err) {
        if (!(err instanceof NamingError)) throw err;
        problem({
          code: 'name.invalid',
          severity: 'error',
          message: `Videos of ${c.name} cannot be named: ${err.message}`,
          fix: `${projectPath}/scene-types`,
          character: who,
        });
      }
      // names come as `*.mp4`; a profile writing another container swaps the extension
      const ext = profile ? profileExtension(profile.spec) : '.mp4';
      const named = new Map([...names].map(([k, file]) => [k, file.replace(/\.mp4$/, ext)]));
      for (const v of videos) {
        const at = `${projectPath}/scenes/${v.sceneId}`;
        // the file name tells apart scenes of one type in several variants (walk.mp4, formal_walk.mp4)
        const label = `${c.name} · ${v.sceneTypeName}${named.has(v.sceneId) ? ` (${named.get(v.sceneId)})` : ''}`;
        if (v.status !== 'approved') {
          problem({
            code: 'scene.not_approved',
            severity: 'error',
            message: `${label} is ${v.status}, not approved`,
            fix: at,
            character: who,
            sceneId: v.sceneId,
          });
        } else if (!v.version) {
          problem({
            code: 'scene.not_assembled',
            severity: 'error',
            message: `${label} is approved but has no final video; assemble it`,
            fix: at,
            character: who,
            sceneId: v.sceneId,
          });
        }
        if (v.version?.tier === 'draft') {
          problem({
            code: 'scene.draft',
            severity: 'error',
            message: `The final video of ${label} is draft tier; upscale it to production first`,
            fix: at,
            character: who,
            sceneId: v.sceneId,
          });
        }
      }
      const fingerprint = createHash('sha256')
        .update(
          JSON.stringify({
            folder,
            metadata: c.metadata ?? {},
            images: images.map((i) => [i.slug, i.sha256]),
            videos: videos.map((v) => [named.get(v.sceneId), v.version?.sha256 ?? null]),
          }),
        )
        .digest('hex');
      characters.push({
        id: Number(c.id),
        publicId: c.public_id,
        name: c.name,
        folder,
        metadata: c.metadata ?? {},
        images,
        neededSlugs: [...needed].map(([slug, name]) => ({ slug, name })),
        videos,
        names: named,
        fingerprint,
      });
    }
    if (chars.length === 0) {
      problem({
        code: 'project.no_characters',
        severity: 'error',
        message: 'The project has no characters to deliver',
        fix: `${projectPath}/characters`,
      });
    }
    return {
      project: {
        id: project.id,
        publicId: project.publicId,
        name: project.name,
        metadataSchema: project.metadataSchema,
      },
      profile,
      characters,
      problems,
    };
  }

  /** Fingerprints of the last ready delivery with the same profile, by character public id. */
  private async lastDelivered(db: Executor, projectId: number, profileId: number | null) {
    const candidates = await db
      .select({
        publicId: deliveries.publicId,
        number: deliveries.number,
        createdAt: deliveries.createdAt,
        characters: deliveries.characters,
        profileId: deliveries.profileId,
        mode: deliveries.mode,
      })
      .from(deliveries)
      .where(and(eq(deliveries.projectId, projectId), eq(deliveries.status, 'ready')))
      .orderBy(desc(deliveries.number));
    // every character's most recent fingerprint across ready deliveries of this profile (incrementals included)
    const prints = new Map<string, string>();
    for (const dlv of candidates) {
      if ((dlv.profileId ?? null) !== profileId) continue;
      for (const c of dlv.characters as { id: string; fingerprint?: string }[]) {
        if (!prints.has(c.id) && c.fingerprint) prints.set(c.id, c.fingerprint);
      }
    }
    const last = candidates[0];
    return {
      last: last ? { id: last.publicId, number: last.number, createdAt: last.createdAt.toISOString() } : null,
      prints,
    };
  }

  /** Checks a project before delivery; `deep` also decodes every final video in full (PRD-102). */
  async validate(
    projectPublicId: string,
    q: { profileId?: string; deep: boolean },
  ): Promise<DeliveryValidation> {
    const c = await this.collect(this.d.db, projectPublicId, q.profileId);
    const { last, prints } = await this.lastDelivered(this.d.db, c.project.id, c.profile?.id ?? null);
    const checks: (() => Promise<void>)[] = [];
    for (const ch of c.characters) {
      for (const v of ch.videos) {
        const version = v.version;
        if (!version) continue;
        const who = { characterId: ch.publicId, characterName: ch.name, sceneId: v.sceneId };
        const fix = `/projects/${c.project.publicId}/scenes/${v.sceneId}`;
        checks.push(async () => {
          if (!(await this.d.storage.stat(version.storageKey))) {
            c.problems.push({
              code: 'file.missing',
              severity: 'error',
              message: `The final video of ${ch.name} · ${v.sceneTypeName} is missing from storage`,
              fix,
              ...who,
            });
            return;
          }
          if (!q.deep) return;
          checkedFiles++;
          const issues = await this.verifyStored(version.storageKey, {
            codec: version.codec,
            width: version.width,
            height: version.height,
            fps: version.fps,
            durationSeconds: version.durationSeconds,
            durationToleranceSeconds: Math.max(0.1, 2 / (version.fps || 16)),
          });
          for (const issue of issues) {
            c.problems.push({
              code: `compliance.${issue.check}`,
              severity: 'error',
              message: `${ch.name} · ${v.sceneTypeName}: ${issue.message}`,
              fix,
              ...who,
            });
          }
        });
      }
    }
    let checkedFiles = 0;
    // full decodes are CPU-bound: as many at once as there are cores, at most four
    const lanes = Math.max(1, Math.min(4, availableParallelism()));
    let next = 0;
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        while (next < checks.length) await checks[next++]!();
      }),
    );
    return {
      projectId: c.project.publicId,
      ok: !c.problems.some((p) => p.severity === 'error'),
      problems: c.problems,
      characters: c.characters.map((ch) => ({
        id: ch.publicId,
        name: ch.name,
        folder: ch.folder,
        changed: prints.get(ch.publicId) !== ch.fingerprint,
        files: this.layout(ch).map((f) => ({ path: f.path, kind: f.kind, sceneId: f.sceneId })),
      })),
      checkedFiles,
      lastDelivery: last,
    };
  }

  /** Copies a stored video to a temporary file and checks it (probe + full decode) against an expectation. */
  private async verifyStored(storageKey: string, expected: Parameters<typeof complianceIssues>[1]) {
    const dir = await mkdtemp(path.join(tmpdir(), 'i2v-verify-'));
    try {
      const file = path.join(dir, path.basename(storageKey));
      await pipeline(this.d.storage.stream(storageKey), createWriteStream(file));
      return await verifyFile(file, expected);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** The files of one character's folder, in ZIP order. */
  private layout(ch: CharacterContent) {
    const files: {
      path: string;
      kind: 'metadata' | 'image' | 'video';
      sceneId: string | null;
      source: { key: string; mimeType?: string } | { buffer: Buffer } | { video: VideoItem };
    }[] = [
      {
        path: `${ch.folder}/metadata.json`,
        kind: 'metadata',
        sceneId: null,
        source: { buffer: Buffer.from(`${JSON.stringify(ch.metadata, null, 2)}\n`) },
      },
    ];
    for (const img of ch.images) {
      files.push({
        path: `${ch.folder}/${img.slug}.png`,
        kind: 'image',
        sceneId: null,
        source: { key: img.storageKey, mimeType: img.mimeType },
      });
    }
    for (const v of ch.videos) {
      const name = ch.names.get(v.sceneId);
      if (!name) continue;
      files.push({ path: `${ch.folder}/${name}`, kind: 'video', sceneId: v.sceneId, source: { video: v } });
    }
    return files;
  }

  // ------------------------------------------------------------------ starting, listing, downloading

  async start(ctx: RequestContext, projectPublicId: string, body: DeliveryStart): Promise<Delivery> {
    const validation = await this.validate(projectPublicId, {
      profileId: body.profileId ?? undefined,
      deep: false,
    });
    const blocking = validation.problems.filter((p) => p.severity === 'error');
    if (blocking.length > 0) {
      throw new AppError(
        'delivery.invalid',
        `The project cannot be delivered yet: ${blocking.length} problem(s), first: ${blocking[0]!.message}. See the validation report.`,
        blocking
          .slice(0, 50)
          .map((p) => ({ field: p.sceneId ? `scenes.${p.sceneId}` : 'project', message: p.message })),
      );
    }
    let chosen = validation.characters;
    if (body.characterIds) {
      const known = new Set(chosen.map((c) => c.id));
      const unknown = body.characterIds.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw new AppError(
          'delivery.invalid',
          'Some characters are not in this project.',
          unknown.map((id) => ({
            field: `body.characterIds.${body.characterIds!.indexOf(id)}`,
            message: 'is not a live character of this project',
          })),
        );
      }
      const wanted = new Set(body.characterIds);
      chosen = chosen.filter((c) => wanted.has(c.id));
    }
    if (body.mode === 'incremental') chosen = chosen.filter((c) => c.changed);
    if (chosen.length === 0) {
      throw new AppError(
        body.mode === 'incremental' ? 'delivery.nothing_changed' : 'delivery.invalid',
        body.mode === 'incremental'
          ? 'Nothing changed since the last delivery with this profile; deliver in full to get everything again.'
          : 'No characters to deliver.',
      );
    }
    const deliveryId = await this.d.bus.transaction(async (tx, emit) => {
      const project = await this.d.projects.resolveForContent(tx, { publicId: projectPublicId }, true);
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('deliveries'), ${project.id}::int)`);
      const running = await tx
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(and(eq(deliveries.projectId, project.id), sql`${deliveries.status} IN ('queued', 'running')`));
      if (running.length > 0) {
        throw new AppError(
          'delivery.running',
          'A delivery of this project is already being packaged; wait for it to finish.',
        );
      }
      const [{ n }] = (await rows<{ n: number }>(
        tx,
        sql`SELECT coalesce(max(number), 0)::int + 1 AS n FROM deliveries WHERE project_id = ${project.id}`,
      )) as [{ n: number }];
      const profile = await this.profileOf(tx, body.profileId, 'body.profileId');
      const publicId = newPublicId();
      const [row] = await tx
        .insert(deliveries)
        .values({
          publicId,
          projectId: project.id,
          number: Number(n),
          mode: body.mode,
          profileId: profile?.id ?? null,
          profileName: profile?.name ?? null,
          status: 'queued',
          characters: chosen.map((c) => ({ id: c.id, name: c.name, folder: c.folder })),
          requestedByUserId: ctx.actor?.userId ?? null,
        })
        .returning({ id: deliveries.id });
      const job = await this.d.jobs.submitWithin(
        tx,
        emit,
        { ctx, manageAll: true },
        {
          kind: 'delivery.package',
          label: `Deliver ${project.name} #${n}`,
          projectId: project.publicId,
          payload: { deliveryId: publicId },
        },
      );
      await tx.update(deliveries).set({ jobId: job.id }).where(eq(deliveries.id, row!.id));
      await this.d.audit.record(tx, ctx, {
        action: 'delivery.requested',
        entityType: 'project',
        entityId: project.publicId,
        summary: `Requested delivery #${n} of ${project.name} (${body.mode}, ${chosen.length} character(s)${profile ? `, ${profile.name}` : ''})`,
        details: {
          deliveryId: publicId,
          mode: body.mode,
          characters: chosen.length,
          profile: profile?.name ?? null,
        },
      });
      return publicId;
    });
    await this.d.jobs.wake();
    return this.get(deliveryId);
  }

  async list(projectPublicId: string, q: { cursor?: string; limit: number }) {
    const project = await this.d.projects.resolveForContent(this.d.db, { publicId: projectPublicId }, false);
    const after = q.cursor ? Number(decodeCursor(q.cursor, ['number'])[0]) : null;
    const found = await this.select(this.d.db)
      .where(
        and(eq(deliveries.projectId, project.id), after !== null ? lt(deliveries.number, after) : undefined),
      )
      .orderBy(desc(deliveries.number))
      .limit(q.limit + 1);
    const page = found.slice(0, q.limit);
    return {
      items: page.map((r) => this.toDto(r, project.publicId)),
      nextCursor: found.length > q.limit ? encodeCursor([page.at(-1)!.d.number]) : null,
    };
  }

  async get(publicId: string): Promise<Delivery> {
    const [r] = await this.select(this.d.db).where(eq(deliveries.publicId, publicId));
    if (!r) throw new AppError('delivery.not_found', `No delivery with id ${publicId}.`);
    const project = await this.d.projects.resolveForContent(this.d.db, { id: r.d.projectId }, false);
    return this.toDto(r, project.publicId);
  }

  private select(db: Executor) {
    return db
      .select({
        d: deliveries,
        filePublicId: sql<string | null>`(SELECT public_id FROM media_files WHERE id = ${deliveries.fileId})`,
        jobPublicId: sql<string | null>`(SELECT public_id FROM jobs WHERE id = ${deliveries.jobId})`,
        profilePublicId: sql<
          string | null
        >`(SELECT public_id FROM output_profiles WHERE id = ${deliveries.profileId})`,
        userPublicId: users.publicId,
        userName: users.displayName,
      })
      .from(deliveries)
      .leftJoin(users, eq(users.id, deliveries.requestedByUserId));
  }

  private toDto(
    r: Awaited<ReturnType<DeliveryService['select']>>[number],
    projectPublicId: string,
  ): Delivery {
    const d = r.d;
    const manifest = d.manifest as DeliveryManifest | null;
    return {
      id: d.publicId,
      projectId: projectPublicId,
      number: d.number,
      mode: d.mode as Delivery['mode'],
      profile: d.profileName ? { id: r.profilePublicId, name: d.profileName } : null,
      status: d.status as Delivery['status'],
      progress: d.progress,
      characters: (d.characters as { id: string; name: string; folder: string }[]).map((c) => ({
        id: c.id,
        name: c.name,
        folder: c.folder,
      })),
      files: manifest ? manifest.files.length + 1 : 0,
      sizeBytes: d.sizeBytes,
      sha256: d.sha256,
      downloadUrl:
        d.status === 'ready' && r.filePublicId ? this.d.media.links.url(r.filePublicId, 'file') : null,
      jobId: r.jobPublicId,
      errorCode: d.errorCode,
      error: d.error,
      requestedBy: r.userPublicId ? { id: r.userPublicId, displayName: r.userName ?? '' } : null,
      createdAt: d.createdAt.toISOString(),
      finishedAt: d.finishedAt?.toISOString() ?? null,
    };
  }

  // ------------------------------------------------------------------ packaging (the job)

  /** Adds a stored object to the ZIP, streamed, with the size storage reports. */
  private async addStored(zip: ZipWriter, entryPath: string, key: string) {
    const found = await this.d.storage.stat(key);
    if (!found) throw new AppError('delivery.invalid', `${entryPath} is missing from storage.`);
    return zip.add(entryPath, this.d.storage.stream(key), found.size);
  }

  async package(
    deliveryPublicId: string,
    o: { signal: AbortSignal; progress: (f: number, text?: string) => void },
  ) {
    const [row] = await this.d.db.select().from(deliveries).where(eq(deliveries.publicId, deliveryPublicId));
    if (!row) return { skipped: 'delivery deleted' };
    if (row.status === 'ready') return { skipped: 'already packaged' };
    await this.d.db
      .update(deliveries)
      .set({ status: 'running', updatedAt: this.d.clock.now() })
      .where(eq(deliveries.id, row.id));
    const dir = await mkdtemp(path.join(tmpdir(), 'i2v-delivery-'));
    try {
      const project = await this.d.projects.resolveForContent(this.d.db, { id: row.projectId }, false);
      const profilePublicId = row.profileId
        ? (
            await this.d.db
              .select({ p: outputProfiles.publicId })
              .from(outputProfiles)
              .where(eq(outputProfiles.id, row.profileId))
          )[0]?.p
        : null;
      if (row.profileId && !profilePublicId) {
        throw new AppError('delivery.invalid', 'The output profile of this delivery was deleted.');
      }
      const collected = await this.collect(this.d.db, project.publicId, profilePublicId);
      const blocking = collected.problems.filter((p) => p.severity === 'error');
      if (blocking.length > 0) {
        throw new AppError('delivery.invalid', `The project no longer validates: ${blocking[0]!.message}.`);
      }
      const wanted = row.characters as { id: string; name: string; folder: string }[];
      const chars = wanted.map((w) => {
        const found = collected.characters.find((c) => c.publicId === w.id);
        if (!found)
          throw new AppError(
            'delivery.invalid',
            `${w.name} was deleted while the delivery was being prepared.`,
          );
        return found;
      });
      const files = chars.flatMap((c) => this.layout(c));
      const totalBytes = files.reduce(
        (n, f) => n + ('video' in f.source ? (f.source.video.version?.sizeBytes ?? 0) : 1),
        0,
      );
      const zipPath = path.join(dir, 'delivery.zip');
      const zip = new ZipWriter(zipPath, new Date(row.createdAt));
      const manifestFiles: DeliveryManifest['files'] = [];
      let doneBytes = 0;
      for (const f of files) {
        if (o.signal.aborted) throw new AppError('delivery.invalid', 'The delivery was cancelled.');
        let entry: Awaited<ReturnType<ZipWriter['add']>>;
        let meta: Pick<
          DeliveryManifest['files'][number],
          'durationSeconds' | 'width' | 'height' | 'codec' | 'fps'
        > = {
          durationSeconds: null,
          width: null,
          height: null,
          codec: null,
          fps: null,
        };
        if ('buffer' in f.source) {
          entry = await zip.addBuffer(f.path, f.source.buffer);
        } else if ('key' in f.source) {
          if (f.source.mimeType === 'image/png') {
            entry = await this.addStored(zip, f.path, f.source.key);
          } else {
            const png = await sharp(await this.d.storage.read(f.source.key))
              .png()
              .toBuffer();
            entry = await zip.addBuffer(f.path, png);
          }
        } else if (!collected.profile) {
          // a master ships as stored; what it is was recorded when it was assembled or imported
          const v = f.source.video.version!;
          entry = await this.addStored(zip, f.path, v.storageKey);
          meta = {
            durationSeconds: v.durationSeconds,
            width: v.width,
            height: v.height,
            codec: v.codec,
            fps: v.fps,
          };
        } else {
          const v = f.source.video.version!;
          const transcode = this.d.transcode();
          if (!transcode)
            throw new AppError('delivery.invalid', 'Transcoding to output profiles is not available.');
          o.progress(0.05 + 0.85 * (doneBytes / Math.max(totalBytes, 1)), `transcoding ${f.path}`);
          const key = (await transcode(v.id, collected.profile.id, { signal: o.signal })).storageKey;
          // a transcode is checked before it ships: readable, intact, and what the profile promised (PRD-102)
          const local = path.join(dir, `check${path.extname(f.path)}`);
          await pipeline(this.d.storage.stream(key), createWriteStream(local));
          const spec = collected.profile.spec;
          const p = await probe(local, { timeoutMs: 60_000 }).catch(() => null);
          const issues = await verifyFile(local, {
            codec: probeCodecName(spec),
            width: spec.width ?? v.width,
            height: spec.height ?? v.height,
            fps: spec.fps ?? v.fps,
            durationSeconds: v.durationSeconds,
            durationToleranceSeconds: Math.max(0.1, 2 / (v.fps || 16)),
          });
          if (issues.length > 0) {
            throw new AppError(
              'delivery.invalid',
              `${f.path} does not comply: ${issues.map((i) => i.message).join('; ')}.`,
            );
          }
          meta = {
            durationSeconds: p?.durationSeconds ?? null,
            width: p?.video?.width ?? null,
            height: p?.video?.height ?? null,
            codec: p?.video?.codec ?? null,
            fps: p?.video?.fps ?? null,
          };
          entry = await zip.add(f.path, createReadStream(local), (await stat(local)).size);
          await rm(local, { force: true });
        }
        doneBytes += 'video' in f.source ? (f.source.video.version?.sizeBytes ?? 0) : 1;
        o.progress(0.05 + 0.85 * (doneBytes / Math.max(totalBytes, 1)), `packing ${f.path}`);
        manifestFiles.push({ ...entry, kind: f.kind, ...meta });
      }
      const createdAt = this.d.clock.now().toISOString();
      const manifest: DeliveryManifest = {
        project: { id: project.publicId, name: project.name },
        delivery: { id: row.publicId, number: row.number, mode: row.mode as 'full' | 'incremental' },
        profile: collected.profile?.name ?? null,
        createdAt,
        characters: chars.map((c) => ({ id: c.publicId, name: c.name, folder: c.folder })),
        files: manifestFiles,
      };
      await zip.addBuffer('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
      const written = await zip.finish();
      // a character deleted while the ZIP was written makes it stale: never offer it
      const still = await rows<{ n: number }>(
        this.d.db,
        sql`SELECT count(*)::int AS n FROM characters WHERE deleted_at IS NULL AND public_id = ANY(${`{${chars.map((c) => c.publicId).join(',')}}`}::uuid[])`,
      );
      if (Number(still[0]?.n ?? 0) !== chars.length) {
        throw new AppError(
          'delivery.invalid',
          'A character was deleted while the delivery was being packaged.',
        );
      }
      o.progress(0.95, 'storing');
      const size = (await stat(zipPath)).size;
      const sha256 = written.sha256;
      const storageKey = `deliveries/${project.publicId}/${row.publicId}.zip`;
      await this.d.storage.putFile(storageKey, zipPath);
      const fileName = `${project.name.replace(/[^\w-]+/g, '_').replace(/^_+|_+$/g, '') || 'project'}-delivery-${row.number}.zip`;
      await this.d.bus.transaction(async (tx, emit) => {
        const fileId = await insertMediaFile(tx, {
          publicId: newPublicId(),
          storageKey,
          sha256,
          sizeBytes: size,
          mimeType: 'application/zip',
          originalFilename: fileName,
        });
        const now = this.d.clock.now();
        await tx
          .update(deliveries)
          .set({
            status: 'ready',
            progress: 1,
            fileId,
            sizeBytes: size,
            sha256,
            manifest,
            characters: chars.map((c) => ({
              id: c.publicId,
              name: c.name,
              folder: c.folder,
              fingerprint: c.fingerprint,
            })),
            finishedAt: now,
            updatedAt: now,
          })
          .where(eq(deliveries.id, row.id));
        if (row.requestedByUserId) {
          await this.d.notifications.notify(tx, emit, row.requestedByUserId, null, {
            kind: 'delivery.ready',
            level: 'success',
            title: `Delivery #${row.number} of ${project.name} is ready`,
            body: `${chars.length} character(s), ${manifestFiles.length} file(s), ${(size / 1048576).toFixed(1)} MiB.`,
            link: `/projects/${project.publicId}/delivery`,
          });
        }
      });
      return { deliveryId: row.publicId, files: manifestFiles.length, sizeBytes: size, sha256 };
    } catch (err) {
      const code =
        err instanceof AppError
          ? err.code
          : (err as { code?: string }).code === 'ENOSPC'
            ? 'delivery.disk_full'
            : 'delivery.failed';
      const message =
        code === 'delivery.disk_full'
          ? 'The disk filled up while the ZIP was written; free space and deliver again.'
          : (err as Error).message;
      await this.d.bus.transaction(async (tx, emit) => {
        const now = this.d.clock.now();
        await tx
          .update(deliveries)
          .set({ status: 'failed', errorCode: code, error: message, finishedAt: now, updatedAt: now })
          .where(eq(deliveries.id, row.id));
        if (row.requestedByUserId) {
          const project = await this.d.projects.resolveForContent(tx, { id: row.projectId }, false);
          await this.d.notifications.notify(tx, emit, row.requestedByUserId, null, {
            kind: 'delivery.failed',
            level: 'error',
            title: `Delivery #${row.number} of ${project.name} failed`,
            body: message,
            link: `/projects/${project.publicId}/delivery`,
          });
        }
      });
      throw new JobFailure('content', message);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/** Probe + full decode of a local file against an expectation (PRD-102); `decode` false skips the decode. */
export async function verifyFile(
  file: string,
  expected: Parameters<typeof complianceIssues>[1],
  decode = true,
) {
  const p = await probe(file, { timeoutMs: 60_000 }).catch(() => null);
  const probed = p?.video
    ? {
        codec: p.video.codec,
        width: p.video.width,
        height: p.video.height,
        fps: p.video.fps,
        durationSeconds: p.durationSeconds,
      }
    : null;
  const errors = probed && decode ? await decodeErrors(file) : [];
  return complianceIssues(probed, expected, errors);
}

export function deliveryPackageHandler(delivery: () => DeliveryService): JobHandler<{ deliveryId: string }> {
  return {
    kind: 'delivery.package',
    resource: 'cpu',
    label: 'Package a delivery',
    description:
      'Validates a project again, transcodes to the output profile when one is chosen, checks every video and writes the delivery ZIP with its manifest',
    payload: deliveryPayloadSchema,
    async run(ctx) {
      const result = await delivery().package(ctx.job.payload.deliveryId, {
        signal: ctx.signal,
        progress: (f, text) => ctx.progress(f, text ?? null),
      });
      return { result };
    },
  };
}
