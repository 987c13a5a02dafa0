// How image variant states read in the UI (glossary: pending / generated / approved / rejected; hero).
import type { ImageVariant, ImageVariantStatus } from '@/api/types';

export const variantStatusLabels: Record<ImageVariantStatus, string> = {
  pending: 'Pending',
  generated: 'Generated',
  approved: 'Approved',
  rejected: 'Rejected',
};

export const provenanceLabels: Record<ImageVariant['provenance'], string> = {
  upload: 'Manual upload',
  generated: 'Generated',
  edited: 'Edited externally',
};

/** "Approved by Cleo", "Rejected by Cleo", or null before anyone decided. */
export function decisionOf(variant: ImageVariant): string | null {
  if (!variant.decidedAt) return null;
  const verb = variant.status === 'rejected' ? 'Rejected' : variant.isHero ? 'Made hero' : 'Approved';
  return variant.decidedBy ? `${verb} by ${variant.decidedBy.displayName}` : verb;
}
