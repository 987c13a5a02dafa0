// Bulk onboarding of characters from a folder or ZIP (PRD-016/067). An import moves through
//   analysing → ready → importing → completed   (or failed / cancelled)
// Analysing decodes every image once (validation, EXIF orientation, thumbnail, hash) and parses metadata files; the
// plan (preview) says per character folder what importing would do. Importing stages the files into storage and then
// writes every character in ONE transaction, so an import either completes or leaves nothing half-made. Re-running
// the same folder is idempotent: images are recognised by hash and unchanged characters are left alone.
//
// The work runs in this process in the background with its progress in the row, and resumes after a restart. It
// moves onto the job engine once that exists (docs/decisions/0009-imports-before-the-job-engine.md).

import { createWriteStream } from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CharacterImport } from '@i2v/contracts';
import {
  type EntryOverride,
  type ExistingCharacter,
  type FileFacts,
  type ImportMapping,
  importTotals,
  isImportImage,
  type MappedFile,
  mapImportTree,
  type PlannedEntry,
  planImport,
} from '@i2v/domain';
import { sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { decodeTimeCursor, pageOf } from '../../platform/cursor.js';
import { AppError } from '../../platform/errors.js';
import { newPublicId } from '../../platform/ids.js';
import { validateAgainst } from '../../platform/json-schema.js';
import { type RequestContext, systemContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/service.js';
import * as characterRepo from '../characters/repo.js';
import { type ProcessedImage, processImage } from '../media/images.js';
import type { MediaService, StagedImage } from '../media/service.js';
import type { ProjectsService } from '../projects/service.js';
import * as repo from './repo.js';
import { StagingFolder, type StagingLimits } from './staging.js';

/** A staged file with what analysing it found. */
interface FileRecord {
  path: string;
  size: number;
  key: string;
  sha256?: string;
  format?: ProcessedImage['format'];
  mimeType?: string;
  width?: number;
  height?: number;
  /** Whether the image was re-encoded (EXIF orientation): its bytes are then in `cache/<key>`, else in `files/`. */
  reencoded?: boolean;
  storedBytes?: number;
  metadata?: Record<string, unknown>;
  problem?: string;
}

type PlanEntry = PlannedEntry & { files: MappedFile[] };
interface StoredPlan {
  root: string | null;
  entries: PlanEntry[];
  loose: MappedFile[];
}
interface Report {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  images: number;
  characters: {
    folder: string;
    name: string;
    characterId: string | null;
    action: PlannedEntry['action'];
  }[];
}

export interface UploadPart {
  kind: 'file' | 'archive';
  filename: string;
  stream: Readable;
}

const analysisConcurrency = 4;
const progressEveryMs = 200;

const notFound = (id: string) => new AppError('import.not_found', `No import with id ${id}.`);
const wrongState = (status: string, wanted: string) =>
  new AppError('import.wrong_state', `The import is ${status}; this needs it to be ${wanted}.`);

export class ImportsService {
  private readonly tasks = new Map<string, Promise<void>>();
  private stopping = false;
  /**
   * Submits an import's analysis or commit as a CPU job (set once the job engine exists); without it the work runs in
   * this process (the command line, which has no engine).
   */
  queue:
    | ((kind: 'import.analyse' | 'import.commit', importId: string, ctx: RequestContext) => Promise<void>)
    | null = null;

  constructor(
    private readonly d: {
      db: Db;
      clock: Clock;
      audit: AuditService;
      projects: ProjectsService;
      media: MediaService;
      stagingRoot: string;
      limits: StagingLimits;
      maxImagePixels: number;
      onError?: (err: unknown, importId: string) => void;
    },
  ) {}

  // ——— reading ———

  async get(publicId: string): Promise<CharacterImport> {
    const row = await repo.findImport(this.d.db, publicId);
    if (!row) throw notFound(publicId);
    return this.toDto(row);
  }

  async list(projectPublicId: string, q: { limit: number; cursor?: string | undefined }) {
    const project = await this.d.projects.resolveForContent(this.d.db, { publicId: projectPublicId }, false);
    const found = await repo.listImports(this.d.db, project.id, decodeTimeCursor(q.cursor), q.limit + 1);
    const { page, nextCursor } = pageOf(found, q.limit, (last) => [last.createdAt.toISOString(), last.id]);
    return {
      items: page.map((r) => {
        const { entries: _e, ignoredFiles: _i, ...rest } = this.toDto(r);
        return rest;
      }),
      nextCursor,
    };
  }

  // ——— upload ———

  /** Receives the upload into staging, then analyses it in the background. Nothing is kept when the upload fails. */
  async create(
    ctx: RequestContext,
    projectPublicId: string,
    parts: AsyncIterable<UploadPart>,
  ): Promise<CharacterImport> {
    const project = await this.d.projects.resolveForContent(this.d.db, { publicId: projectPublicId }, true);
    const publicId = newPublicId();
    const staging = await StagingFolder.create(this.d.stagingRoot, publicId, this.d.limits);
    let kind: 'folder' | 'zip' | null = null;
    let sourceName = '';
    try {
      for await (const part of parts) {
        if (part.kind === 'archive') {
          if (kind) {
            part.stream.resume();
            throw new AppError(
              'request.invalid',
              'Send either one `archive` (a ZIP) or `file` parts of a folder, not both.',
              [{ field: 'body.archive', message: 'only one archive, without file parts' }],
            );
          }
          kind = 'zip';
          sourceName = part.filename;
          const zipPath = path.join(staging.dir, 'upload.zip');
          await pipeline(part.stream, createWriteStream(zipPath));
          await staging.extractZip(zipPath);
          await fsp.rm(zipPath, { force: true });
        } else {
          if (kind === 'zip') {
            part.stream.resume();
            throw new AppError('request.invalid', 'Send either one `archive` or `file` parts, not both.', [
              { field: 'body.file', message: 'not allowed together with an archive' },
            ]);
          }
          kind = 'folder';
          if (!sourceName) sourceName = part.filename.replace(/\\/g, '/').split('/')[0] ?? '';
          await staging.addFile(part.filename, part.stream);
        }
      }
      if (!kind || staging.files.length === 0) {
        throw new AppError(
          'import.empty',
          'The upload holds no files. Drop a folder with one sub-folder per character, or a ZIP of it.',
          [{ field: 'body', message: 'has no files' }],
        );
      }
      await this.d.db.transaction(async (tx) => {
        await repo.insertImport(tx, {
          publicId,
          projectId: project.id,
          createdByUserId: ctx.actor?.userId ?? null,
          status: 'analysing',
          sourceKind: kind!,
          sourceName: sourceName.slice(0, 255) || 'upload',
          stagingKey: publicId,
          files: staging.files,
          progressTotal: staging.files.length,
        });
        await this.d.audit.record(tx, ctx, {
          action: 'import.started',
          entityType: 'import',
          entityId: publicId,
          summary: `Uploaded ${staging.files.length} files (${sourceName}) to import into project "${project.name}"`,
          details: { projectId: project.publicId, files: staging.files.length, kind },
        });
      });
    } catch (err) {
      await staging.discard();
      throw err;
    }
    await this.background('import.analyse', publicId, ctx);
    return this.get(publicId);
  }

  // ——— preview adjustments, commit, cancel ———

  async update(
    _ctx: RequestContext,
    publicId: string,
    body: { entries: { folder: string; name?: string | undefined; skip?: boolean | undefined }[] },
  ): Promise<CharacterImport> {
    await this.d.db.transaction(async (tx) => {
      const row = await this.locked(tx, publicId, ['ready', 'failed']);
      const overrides = { ...(row.overrides as Record<string, EntryOverride>) };
      const plan = row.plan as StoredPlan;
      const folders = new Set(plan.entries.map((e) => e.folder));
      body.entries.forEach((e, i) => {
        if (!folders.has(e.folder)) {
          throw new AppError('request.invalid', `The import has no character folder "${e.folder}".`, [
            { field: `body.entries.${i}.folder`, message: 'is not a character folder of this import' },
          ]);
        }
        const o: EntryOverride = {};
        if (e.name !== undefined) o.name = e.name;
        if (e.skip) o.skip = true;
        if (Object.keys(o).length === 0) delete overrides[e.folder];
        else overrides[e.folder] = o;
      });
      const fresh = await this.replan(tx, row, overrides);
      await repo.updateImport(tx, row.id, { overrides, plan: fresh }, this.d.clock.now());
    });
    return this.get(publicId);
  }

  /** Imports the planned characters in the background; refuses while entries have errors unless told to skip them. */
  async commit(
    ctx: RequestContext,
    publicId: string,
    body: { skipInvalid: boolean },
  ): Promise<CharacterImport> {
    await this.d.db.transaction(async (tx) => {
      const row = await this.locked(tx, publicId, ['ready', 'failed']);
      await this.d.projects.resolveForContent(tx, { id: row.projectId }, true);
      const plan = await this.replan(tx, row, row.overrides as Record<string, EntryOverride>);
      const invalid = plan.entries.filter((e) => e.action !== 'skip' && e.errors.length > 0);
      if (invalid.length > 0 && !body.skipInvalid) {
        throw new AppError(
          'import.has_errors',
          `${invalid.length} of ${plan.entries.length} character folders have errors (${invalid
            .slice(0, 3)
            .map((e) => `${e.folder}: ${e.errors[0]}`)
            .join(
              '; ',
            )}${invalid.length > 3 ? '; …' : ''}). Fix the files and upload again, skip those folders, or import the valid ones only.`,
          invalid.slice(0, 50).map((e) => ({ field: `entries.${e.folder}`, message: e.errors.join('; ') })),
        );
      }
      const images = this.imagesToImport(plan, row.files as FileRecord[]).length;
      await repo.updateImport(
        tx,
        row.id,
        {
          status: 'importing',
          plan,
          progressDone: 0,
          progressTotal: images + 1,
          error: null,
          startedAt: this.d.clock.now(),
        },
        this.d.clock.now(),
      );
    });
    await this.background('import.commit', publicId, ctx);
    return this.get(publicId);
  }

  async cancel(ctx: RequestContext, publicId: string): Promise<CharacterImport> {
    let stagingKey = '';
    await this.d.db.transaction(async (tx) => {
      const row = await this.locked(tx, publicId, ['ready', 'failed'], false);
      stagingKey = row.stagingKey;
      await repo.updateImport(
        tx,
        row.id,
        { status: 'cancelled', finishedAt: this.d.clock.now() },
        this.d.clock.now(),
      );
      await this.d.audit.record(tx, ctx, {
        action: 'import.cancelled',
        entityType: 'import',
        entityId: publicId,
        summary: `Cancelled the import of ${row.sourceName}`,
      });
    });
    await fsp.rm(path.join(this.d.stagingRoot, stagingKey), { recursive: true, force: true });
    return this.get(publicId);
  }

  // ——— background work ———

  /** Picks up imports a previous process left analysing or importing without a job (a crash between the two). */
  async resumeInterrupted(): Promise<void> {
    for (const id of await repo.importIdsInStatus(this.d.db, ['analysing'])) {
      if (!(await this.hasOpenJob(id))) await this.background('import.analyse', id, systemContext);
    }
    for (const id of await repo.importIdsInStatus(this.d.db, ['importing'])) {
      if (!(await this.hasOpenJob(id))) await this.background('import.commit', id, systemContext);
    }
  }

  /** Resolves when no import work is running or queued (tests, shutdown). */
  async idle(): Promise<void> {
    for (;;) {
      while (this.tasks.size > 0) await Promise.allSettled([...this.tasks.values()]);
      if (!this.queue || !(await this.hasOpenJob())) return;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks.values()]);
  }

  /** The analysis step, as the `import.analyse` job runs it; a failure marks the import failed and is rethrown. */
  async runAnalysis(publicId: string): Promise<void> {
    await this.failOnError(publicId, () => this.analyse(publicId));
  }

  /** The commit step, as the `import.commit` job runs it (one transaction; a re-run after a crash is safe). */
  async runCommit(publicId: string, ctx: RequestContext): Promise<void> {
    await this.failOnError(publicId, () => this.execute(publicId, ctx));
  }

  private async background(kind: 'import.analyse' | 'import.commit', publicId: string, ctx: RequestContext) {
    if (this.queue) {
      await this.queue(kind, publicId, ctx);
      return;
    }
    this.spawn(publicId, () =>
      kind === 'import.analyse' ? this.analyse(publicId) : this.execute(publicId, ctx),
    );
  }

  /** Whether an analysis or commit job (of one import, or of any) still waits or runs. */
  private async hasOpenJob(publicId?: string): Promise<boolean> {
    const [r] = await rows<{ open: boolean }>(
      this.d.db,
      sql`SELECT EXISTS (SELECT 1 FROM jobs WHERE kind IN ('import.analyse', 'import.commit')
            ${publicId ? sql`AND payload->>'importId' = ${publicId}` : sql``}
            AND state NOT IN ('completed', 'failed', 'cancelled')) AS open`,
    );
    return Boolean(r?.open);
  }

  private async failOnError(publicId: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.d.onError?.(err, publicId);
      await this.markFailed(publicId, err);
      throw err;
    }
  }

  private async markFailed(publicId: string, err: unknown): Promise<void> {
    const row = await repo.findImport(this.d.db, publicId).catch(() => null);
    if (!row) return;
    await repo
      .updateImport(
        this.d.db,
        row.id,
        {
          status: 'failed',
          error: err instanceof AppError ? err.detail : `Unexpected failure: ${(err as Error).message}`,
          finishedAt: this.d.clock.now(),
        },
        this.d.clock.now(),
      )
      .catch(() => {});
  }

  private spawn(publicId: string, work: () => Promise<void>): void {
    if (this.tasks.has(publicId) || this.stopping) return;
    const task = this.failOnError(publicId, work)
      .catch(() => undefined)
      .finally(() => this.tasks.delete(publicId));
    this.tasks.set(publicId, task);
  }

  private async analyse(publicId: string): Promise<void> {
    const row = await repo.findImport(this.d.db, publicId);
    if (row?.status !== 'analysing') return;
    const dir = path.join(this.d.stagingRoot, row.stagingKey);
    const files = row.files as FileRecord[];
    const types = await repo.variantTypes(this.d.db);
    const mapping = mapImportTree(files, types);
    const wanted = new Set(
      [...mapping.entries.flatMap((e) => e.files)].filter((f) => f.role !== 'ignored').map((f) => f.path),
    );
    await fsp.mkdir(path.join(dir, 'cache'), { recursive: true });
    const progress = this.progressWriter(row.id);
    let done = files.length - wanted.size;
    let next = 0;
    const work = async () => {
      while (next < files.length && !this.stopping) {
        const f = files[next++]!;
        if (!wanted.has(f.path)) continue;
        Object.assign(f, await this.readFile(dir, f));
        done += 1;
        await progress(done, files.length);
      }
    };
    await Promise.all(Array.from({ length: analysisConcurrency }, work));
    if (this.stopping) return;
    await this.d.db.transaction(async (tx) => {
      const current = await this.locked(tx, publicId, ['analysing']);
      const plan = await this.replan(tx, { ...current, files }, {}, mapping);
      await repo.updateImport(
        tx,
        current.id,
        { status: 'ready', files, plan, progressDone: files.length },
        this.d.clock.now(),
      );
    });
  }

  /** Reads one staged file: images are decoded, normalised and cached; metadata.json is parsed. */
  private async readFile(dir: string, f: FileRecord): Promise<Partial<FileRecord>> {
    const data = await fsp.readFile(path.join(dir, 'files', f.key));
    if (!isImportImage(f.path)) {
      try {
        const parsed: unknown = JSON.parse(data.toString('utf8'));
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
          return { problem: `${f.path} must hold a JSON object of metadata fields` };
        }
        return { metadata: parsed as Record<string, unknown> };
      } catch (err) {
        return { problem: `${f.path} is not valid JSON (${(err as Error).message})` };
      }
    }
    try {
      const image = await processImage(data, f.path, this.d.maxImagePixels);
      if (image.reencoded) await fsp.writeFile(path.join(dir, 'cache', f.key), image.data);
      await fsp.writeFile(path.join(dir, 'cache', `${f.key}.thumb`), image.thumbnail);
      return {
        reencoded: image.reencoded,
        storedBytes: image.data.length,
        sha256: image.sha256,
        format: image.format,
        mimeType: image.mimeType,
        width: image.width,
        height: image.height,
      };
    } catch (err) {
      if (err instanceof AppError) return { problem: err.detail };
      throw err;
    }
  }

  private async execute(publicId: string, ctx: RequestContext): Promise<void> {
    const row = await repo.findImport(this.d.db, publicId);
    if (row?.status !== 'importing') return;
    const plan = row.plan as StoredPlan;
    const records = new Map((row.files as FileRecord[]).map((f) => [f.path, f]));
    const dir = path.join(this.d.stagingRoot, row.stagingKey);
    const ids = new Map(plan.entries.map((e) => [e.folder, newPublicId()]));
    const todo = this.imagesToImport(plan, row.files as FileRecord[]);
    const progress = this.progressWriter(row.id);
    const staged = new Map<string, StagedImage>();
    const report: Report = {
      created: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      images: 0,
      characters: [],
    };
    try {
      let done = 0;
      for (const { entry, file } of todo) {
        if (this.stopping) return;
        const rec = records.get(file.path)!;
        const folder = `${file.role === 'source' ? 'sources' : 'variants'}/${ids.get(entry.folder)}`;
        staged.set(
          file.path,
          await this.d.media.stageFiles(
            {
              format: rec.format!,
              mimeType: rec.mimeType!,
              width: rec.width!,
              height: rec.height!,
              sha256: rec.sha256!,
              reencoded: rec.reencoded ?? false,
              sizeBytes: rec.storedBytes ?? rec.size,
            },
            {
              data: path.join(dir, rec.reencoded ? 'cache' : 'files', rec.key),
              thumbnail: path.join(dir, 'cache', `${rec.key}.thumb`),
            },
            path.posix.basename(file.path),
            folder,
          ),
        );
        await progress(++done, todo.length + 1);
      }
      await this.d.db.transaction(async (tx) => {
        const current = await this.locked(tx, publicId, ['importing']);
        const project = await this.d.projects.resolveForContent(tx, { id: current.projectId }, true);
        const types = new Map((await repo.variantTypes(tx)).map((t) => [t.slug, t.id]));
        const pending = await characterRepo.variantStatusId(tx, 'pending');
        const liveByName = new Map(
          (await characterRepo.liveCharacters(tx, current.projectId)).map((c) => [
            c.name.toLowerCase(),
            c.publicId,
          ]),
        );
        for (const entry of plan.entries) {
          const characterId = await this.importEntry(tx, ctx, {
            entry,
            project,
            newId: ids.get(entry.folder)!,
            staged,
            records,
            types,
            pendingStatusId: pending,
            liveByName,
            report,
          });
          report.characters.push({
            folder: entry.folder,
            name: entry.name,
            characterId,
            action: entry.action,
          });
        }
        await this.d.audit.record(tx, ctx, {
          action: 'import.completed',
          entityType: 'import',
          entityId: publicId,
          summary: `Imported ${row.sourceName} into project "${project.name}": ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.skipped} skipped`,
          details: { ...report, characters: undefined, projectId: project.publicId },
        });
        await repo.updateImport(
          tx,
          current.id,
          {
            status: 'completed',
            report,
            progressDone: todo.length + 1,
            progressTotal: todo.length + 1,
            finishedAt: this.d.clock.now(),
          },
          this.d.clock.now(),
        );
      });
    } catch (err) {
      await Promise.all([...staged.values()].map((s) => s.discard()));
      throw err;
    }
    await fsp.rm(dir, { recursive: true, force: true });
  }

  private async importEntry(
    tx: Tx,
    ctx: RequestContext,
    a: {
      entry: PlanEntry;
      project: { id: number; name: string; metadataSchema: Record<string, unknown> | null };
      newId: string;
      staged: Map<string, StagedImage>;
      records: Map<string, FileRecord>;
      types: Map<string, number>;
      pendingStatusId: number;
      liveByName: Map<string, string>;
      report: Report;
    },
  ): Promise<string | null> {
    const { entry, report } = a;
    if (entry.action === 'skip' || entry.errors.length > 0) {
      report.skipped += 1;
      return null;
    }
    const existingId = a.liveByName.get(entry.name.toLowerCase());
    let character: characterRepo.CharacterRow | null = null;
    if (entry.action === 'create') {
      if (existingId) {
        throw new AppError(
          'character.name_taken',
          `A character named "${entry.name}" was created while the import ran; review the preview again.`,
        );
      }
      await characterRepo.insertCharacter(tx, {
        publicId: a.newId,
        projectId: a.project.id,
        name: entry.name,
        metadata: entry.metadata ?? {},
        settings: {},
        createdByUserId: ctx.actor?.userId ?? null,
      });
      a.liveByName.set(entry.name.toLowerCase(), a.newId);
      character = await characterRepo.findCharacter(tx, a.newId, true);
    } else {
      character = existingId ? await characterRepo.findCharacter(tx, existingId, true) : null;
      if (!character) {
        throw new AppError(
          'character.not_found',
          `Character "${entry.name}" was deleted while the import ran; review the preview again.`,
        );
      }
    }
    if (entry.action === 'unchanged') {
      report.unchanged += 1;
      return character!.publicId;
    }
    const c = character!;
    if (entry.action === 'update' && entry.metadataChange && entry.metadata) {
      await characterRepo.updateCharacter(tx, c.id, { metadata: entry.metadata }, this.d.clock.now());
    }
    let images = 0;
    for (const file of entry.files) {
      const staged = a.staged.get(file.path);
      if (!staged) continue;
      if (await characterRepo.characterHasFile(tx, c.id, staged.sha256)) continue;
      const fileId = await staged.register(tx);
      if (file.role === 'source') {
        await characterRepo.replaceCurrentSource(tx, c.id, fileId, newPublicId(), this.d.clock.now());
      } else {
        await characterRepo.insertVariant(tx, {
          publicId: newPublicId(),
          characterId: c.id,
          variantTypeId: a.types.get(file.variantTypeSlug!)!,
          fileId,
          statusId: a.pendingStatusId,
          provenance: 'upload',
        });
      }
      images += 1;
    }
    report.images += images;
    report[entry.action === 'create' ? 'created' : 'updated'] += 1;
    await characterRepo.updateCharacter(tx, c.id, {}, this.d.clock.now());
    await this.d.audit.record(tx, ctx, {
      action: 'character.imported',
      entityType: 'character',
      entityId: c.publicId,
      summary: `${entry.action === 'create' ? 'Created' : 'Updated'} character "${entry.name}" from ${entry.folder} (${images} images${entry.metadataChange ? ', metadata' : ''})`,
      details: { folder: entry.folder, images, metadataChanged: entry.metadataChange },
    });
    return c.publicId;
  }

  // ——— helpers ———

  /** The images an import adds: the first file of each hash per folder that the character does not have yet. */
  private imagesToImport(plan: StoredPlan, files: FileRecord[]) {
    const records = new Map(files.map((f) => [f.path, f]));
    const out: { entry: PlanEntry; file: MappedFile }[] = [];
    for (const entry of plan.entries) {
      if (!(entry.action === 'create' || entry.action === 'update') || entry.errors.length > 0) continue;
      const seen = new Set<string>();
      for (const file of entry.files) {
        if (file.role !== 'source' && file.role !== 'variant') continue;
        const sha = records.get(file.path)?.sha256;
        if (!sha || seen.has(sha)) continue;
        seen.add(sha);
        out.push({ entry, file });
      }
    }
    return out;
  }

  /** Recomputes the plan against the project as it is now. */
  private async replan(
    tx: Tx,
    row: { projectId: number; files: unknown },
    overrides: Record<string, EntryOverride>,
    known?: ImportMapping,
  ): Promise<StoredPlan> {
    const files = row.files as FileRecord[];
    const mapping = known ?? mapImportTree(files, await repo.variantTypes(tx));
    const project = await this.d.projects.resolveForContent(tx, { id: row.projectId }, false);
    const hashes = new Map<number, Set<string>>();
    for (const h of await repo.imageHashes(tx, row.projectId)) {
      hashes.set(h.characterId, (hashes.get(h.characterId) ?? new Set()).add(h.sha256));
    }
    const existing = new Map<string, ExistingCharacter>();
    for (const c of await characterRepo.liveCharacters(tx, row.projectId)) {
      existing.set(c.name.toLowerCase(), {
        name: c.name,
        sha256s: hashes.get(c.id) ?? new Set(),
        metadata: (c.metadata ?? {}) as Record<string, unknown>,
      });
    }
    const facts = new Map<string, FileFacts>(
      files.map((f) => [
        f.path,
        {
          ...(f.problem ? { problem: f.problem } : {}),
          ...(f.sha256 ? { sha256: f.sha256 } : {}),
          ...(f.metadata ? { metadata: f.metadata } : {}),
        },
      ]),
    );
    const schema = project.metadataSchema;
    const planned = planImport(mapping, {
      facts,
      existing,
      overrides: new Map(Object.entries(overrides)),
      checkMetadata: (m) =>
        schema ? validateAgainst(schema, m, 'metadata').map((p) => `${p.field} ${p.message}`) : [],
    });
    return {
      root: mapping.root,
      entries: planned.map((p, i) => ({ ...p, files: mapping.entries[i]!.files })),
      loose: mapping.loose,
    };
  }

  private async locked(
    tx: Tx,
    publicId: string,
    statuses: string[],
    needPlan = true,
  ): Promise<repo.ImportRow> {
    const row = await repo.findImport(tx, publicId, true);
    if (!row) throw notFound(publicId);
    if (!statuses.includes(row.status)) throw wrongState(row.status, statuses.join(' or '));
    if (needPlan && row.status === 'failed' && !row.plan) {
      throw new AppError(
        'import.wrong_state',
        `The upload could not be analysed (${row.error ?? 'unknown reason'}); upload it again.`,
      );
    }
    return row;
  }

  /** Writes progress at most every 200 ms (and always the last step). */
  private progressWriter(id: number) {
    let last = 0;
    return async (done: number, total: number) => {
      const now = Date.now();
      if (now - last < progressEveryMs && done < total) return;
      last = now;
      await repo.updateImport(
        this.d.db,
        id,
        { progressDone: done, progressTotal: total },
        this.d.clock.now(),
      );
    };
  }

  private toDto(r: repo.ImportRow): CharacterImport {
    const plan = r.plan as StoredPlan | null;
    return {
      id: r.publicId,
      projectId: r.projectPublicId,
      status: r.status as CharacterImport['status'],
      sourceKind: r.sourceKind as CharacterImport['sourceKind'],
      sourceName: r.sourceName,
      createdBy: r.creatorPublicId ? { id: r.creatorPublicId, displayName: r.creatorName ?? '' } : null,
      progress: { done: r.progressDone, total: r.progressTotal },
      totals: plan ? importTotals(plan.entries) : null,
      entries: plan?.entries ?? [],
      ignoredFiles: plan?.loose ?? [],
      report: (r.report as Report | null) ?? null,
      error: r.error,
      startedAt: r.startedAt?.toISOString() ?? null,
      finishedAt: r.finishedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }
}
