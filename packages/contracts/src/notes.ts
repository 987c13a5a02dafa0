// Collaborative notes (PRD-038/095), on-frame annotations (PRD-070) and poster frames (PRD-096).
import { z } from 'zod';

/**
 * The controlled list of failure tags (PRD-038): what went wrong in a clip. Notes carry them; review decisions use
 * the same list for their reasons.
 */
export const failureTags = [
  'face_artifact',
  'motion_artifact',
  'lighting_mismatch',
  'identity_drift',
  'continuity_break',
  'other',
] as const;
export type FailureTag = (typeof failureTags)[number];
export const failureTagSchema = z.enum(failureTags);

/** What a note is attached to. */
export const noteEntityTypes = ['project', 'character', 'scene', 'segment', 'video_version'] as const;
export type NoteEntityType = (typeof noteEntityTypes)[number];

export const noteCategories = ['general', 'direction', 'technical', 'client'] as const;
export type NoteCategory = (typeof noteCategories)[number];

/** `team`: everyone who can see the entity; `internal`: hidden from reviewers (client-facing roles). */
export const noteVisibilities = ['team', 'internal'] as const;
export type NoteVisibility = (typeof noteVisibilities)[number];

/** Annotation shapes drawn on a frame (PRD-070). */
export const annotationShapeTypes = ['pen', 'arrow', 'rect', 'text'] as const;
