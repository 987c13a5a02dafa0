import {
  defaultReviewWatermark,
  type Project,
  type ProjectSettings,
  projectSettingsSchema,
} from '@i2v/contracts';
import { allowedProjectTransitions, defaultReadinessCriteria, isProjectLocked } from '@i2v/domain';
import type { ProjectRow } from './repo.js';

export const defaultProjectSettings: ProjectSettings = {
  requireIndependentApproval: false,
  readiness: defaultReadinessCriteria,
  reviewWatermark: defaultReviewWatermark,
};

/** Stored settings merged over the defaults, so settings added later read with their default value. */
export function readSettings(stored: unknown): ProjectSettings {
  const parsed = projectSettingsSchema.partial().safeParse(stored ?? {});
  return { ...defaultProjectSettings, ...(parsed.success ? parsed.data : {}) };
}

export function toProject(r: ProjectRow): Project {
  return {
    id: r.publicId,
    name: r.name,
    description: r.description,
    status: r.status,
    locked: isProjectLocked(r.status),
    allowedTransitions: r.deletedAt ? [] : allowedProjectTransitions(r.status),
    retention: {
      failedOutputsDays: r.failedOutputsDays,
      cancelledArtifactsDays: r.cancelledArtifactsDays,
      trashGraceDays: r.trashGraceDays,
    },
    settings: readSettings(r.settings),
    metadataSchema: (r.metadataSchema ?? null) as Record<string, unknown> | null,
    createdBy: r.creatorPublicId ? { id: r.creatorPublicId, displayName: r.creatorDisplayName ?? '' } : null,
    deletedAt: r.deletedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A strong validator of the project's current version, for ETag / If-Match (ARCHITECTURE §7). */
export const projectEtag = (r: { publicId: string; updatedAt: Date }): string =>
  `"${r.publicId.slice(-12)}-${r.updatedAt.getTime().toString(36)}"`;
