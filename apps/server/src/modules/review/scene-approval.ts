// Scene approval (PRD-035): a scene is approved when every current segment is (by the last decision, or explicitly),
// which requests its assembly in the same transaction; it goes back to review when a segment no longer is. And the
// project's independent-approval rule (PRD-003) that every final approval passes.
import type { Scene } from '@i2v/contracts';
import { type RoleName, segmentStatusWords } from '@i2v/domain';
import type { Db, Tx } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/service.js';
import * as pipelineRepo from '../pipeline/repo.js';
import { readSettings } from '../projects/dto.js';
import type { ScenesService } from '../scenes/service.js';
import * as repo from './repo.js';

/** Who decides: their context for audit rows and their role for what they may decide. */
export interface Reviewer {
  ctx: RequestContext;
  role: RoleName;
}

/** Called in the transaction that approves a scene, so an assembly is requested exactly when a scene is approved. */
export interface AssemblyHook {
  request(tx: Tx, ctx: RequestContext, sceneId: number): Promise<void>;
}

export class SceneApproval {
  constructor(
    private readonly d: {
      db: Db;
      clock: Clock;
      audit: AuditService;
      scenes: ScenesService;
      /** Read at each approval: the hook may be wired after the review module is built. */
      assembly: () => AssemblyHook | undefined;
    },
  ) {}

  /**
   * Approves a scene explicitly: every current segment must be approved (422 naming the others); requests its
   * assembly. Approving an approved scene changes nothing.
   */
  async approve(who: Reviewer, scenePublicId: string): Promise<Scene> {
    await this.d.db.transaction(async (tx) => {
      const scene = await this.d.scenes.ref(tx, { publicId: scenePublicId }, true);
      await repo.lockScene(tx, scene.id);
      const { live } = await repo.runState(tx, scene.id);
      if (live) {
        throw new AppError(
          'scene.generation_running',
          'This scene is being generated; approve it once its run has finished.',
        );
      }
      const chain = await pipelineRepo.currentSegments(tx, scene.id);
      if (!chain.length) {
        throw new AppError('scene.no_segments', 'This scene has no segments yet; generate it first.');
      }
      const open = chain.filter((c) => c.status !== 'approved');
      if (open.length) {
        const list = open.map((c) => `${c.segment.sequenceIndex} (${segmentStatusWords(c.status)})`);
        throw new AppError(
          'scene.segments_unapproved',
          `Every segment must be approved first; not approved: segment${open.length > 1 ? 's' : ''} ${list.join(', ')}.`,
        );
      }
      const project = (await repo.projectOfScene(tx, scene.id))!;
      assertIndependent(who, project.settings, await repo.generatorsOf(tx, scene.id));
      if ((await repo.sceneStatusOf(tx, scene.id)) === 'approved') return;
      await this.markApproved(tx, who.ctx, scene.id, chain.length);
    });
    return this.d.scenes.get(scenePublicId);
  }

  /** A scene whose every current segment is approved, generated to the end and not generating, is approved. */
  async settle(tx: Tx, ctx: RequestContext, sceneId: number): Promise<boolean> {
    const chain = await pipelineRepo.currentSegments(tx, sceneId);
    if (!chain.length || chain.some((c) => c.status !== 'approved')) return false;
    const { latestGenerate, live } = await repo.runState(tx, sceneId);
    if (live || latestGenerate !== 'completed') return false;
    if ((await repo.sceneStatusOf(tx, sceneId)) === 'approved') return false;
    await this.markApproved(tx, ctx, sceneId, chain.length);
    return true;
  }

  /** A scene that was approved goes back to review when one of its segments no longer is. */
  async unapprove(tx: Tx, ctx: RequestContext, sceneId: number, now: Date): Promise<boolean> {
    if ((await repo.sceneStatusOf(tx, sceneId)) !== 'approved') return false;
    const chain = await pipelineRepo.currentSegments(tx, sceneId);
    if (chain.length && chain.every((c) => c.status === 'approved')) return false;
    await pipelineRepo.setSceneStatus(tx, sceneId, 'review', now);
    const scene = await this.d.scenes.ref(tx, { id: sceneId }, false);
    await this.d.audit.record(tx, ctx, {
      action: 'scene.unapproved',
      entityType: 'scene',
      entityId: scene.publicId,
      summary: `${capitalised(scene.label)} is back in review: one of its segments is no longer approved`,
    });
    return true;
  }

  private async markApproved(tx: Tx, ctx: RequestContext, sceneId: number, count: number) {
    await pipelineRepo.setSceneStatus(tx, sceneId, 'approved', this.d.clock.now());
    const scene = await this.d.scenes.ref(tx, { id: sceneId }, false);
    await this.d.audit.record(tx, ctx, {
      action: 'scene.approved',
      entityType: 'scene',
      entityId: scene.publicId,
      summary: `Approved ${scene.label} (${count} segment${count === 1 ? '' : 's'}) for assembly`,
    });
    await this.d.assembly()?.request(tx, ctx, sceneId);
  }
}

/**
 * Independent approval (project setting, PRD-003): a creator may not give final approval to segments of runs they
 * started. Admins may, so a blocked queue always has someone who can clear it. `of` counts a batch.
 */
export function assertIndependent(
  who: Reviewer,
  settings: unknown,
  generators: (number | null)[],
  of?: number,
): void {
  if (who.role !== 'creator' || !readSettings(settings).requireIndependentApproval) return;
  const own = generators.filter((g) => g !== null && g === who.ctx.actor?.userId).length;
  if (!own) return;
  throw new AppError(
    'review.self_approval',
    of
      ? `${own} of these ${of} segments were generated by you, and this project requires independent approval: another creator or an admin approves them. Narrow the filter or ask a colleague.`
      : 'You generated this, and this project requires independent approval: another creator or an admin gives the final approval. You can still flag it or reject it.',
  );
}

export function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
