import type { Character, CharacterSummary, ImageVariant } from '@i2v/contracts';
import { metadataCompleteness } from '@i2v/domain';
import type { MediaService } from '../media/service.js';
import type { CharacterRow, VariantRow } from './repo.js';

type FileColumns = Pick<
  VariantRow,
  | 'filePublicId'
  | 'thumbnailKey'
  | 'mimeType'
  | 'width'
  | 'height'
  | 'sizeBytes'
  | 'sha256'
  | 'originalFilename'
>;

export const fileOf = (media: MediaService, r: FileColumns) =>
  media.describe({ ...r, publicId: r.filePublicId });

export function toCharacterSummary(
  media: MediaService,
  r: CharacterRow,
  project: { publicId: string; metadataSchema: Record<string, unknown> | null },
): CharacterSummary {
  return {
    id: r.publicId,
    projectId: project.publicId,
    name: r.name,
    thumbnailUrl:
      r.sourceFileId && r.sourceThumbnailKey ? media.links.url(r.sourceFileId, 'thumbnail') : null,
    posterUrl: r.posterFileId
      ? media.links.url(r.posterFileId, r.posterThumbnailKey ? 'thumbnail' : 'file')
      : null,
    heroCount: r.heroCount,
    variantCount: r.variantCount,
    tags: r.tags ?? [],
    metadataCompleteness: metadataCompleteness(
      project.metadataSchema,
      (r.metadata ?? {}) as Record<string, unknown>,
    ),
    deletedAt: r.deletedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toImageVariant(media: MediaService, v: VariantRow): ImageVariant {
  return {
    id: v.publicId,
    variantType: { id: v.variantTypePublicId, slug: v.variantTypeSlug, name: v.variantTypeName },
    status: v.status as ImageVariant['status'],
    isHero: v.isHero,
    provenance: v.provenance as ImageVariant['provenance'],
    file: fileOf(media, v),
    decidedBy: v.deciderPublicId ? { id: v.deciderPublicId, displayName: v.deciderName ?? '' } : null,
    decidedAt: v.decidedAt?.toISOString() ?? null,
    createdAt: v.createdAt.toISOString(),
  };
}

export type CharacterDetailParts = Pick<Character, 'sourceImage' | 'sourceHistory' | 'variants'>;
