// How image variant states read in the UI (glossary: pending / generated / approved / rejected; hero).
import type { ImageVariant, ImageVariantStatus } from '@/api/types';

export const variantStatusLabels: Record<ImageVariantStatus, string> = {
  pending: 'Pending',
  generated: 'Generated',
  approved: 'Approved',
  rejected: 'Rejected',
};

/** Where the image came from; a generated one reads "Generated · From the source image" until decided. */
export const provenanceLabels: Record<ImageVariant['provenance'], string> = {
  upload: 'Manual upload',
  generated: 'From the source image',
  edited: 'Edited externally',
};

export const provenanceDescriptions: Record<ImageVariant['provenance'], string> = {
  upload: 'Uploaded by a person',
  generated: "Derived from the character's source image by the variant type's image-to-image workflow",
  edited: 'Edited outside the studio and uploaded again',
};

/** "Approved by Cleo", "Rejected by Cleo", or null before anyone decided. */
export function decisionOf(variant: ImageVariant): string | null {
  if (!variant.decidedAt) return null;
  const verb = variant.status === 'rejected' ? 'Rejected' : variant.isHero ? 'Made hero' : 'Approved';
  return variant.decidedBy ? `${verb} by ${variant.decidedBy.displayName}` : verb;
}
