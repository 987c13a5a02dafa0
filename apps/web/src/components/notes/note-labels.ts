// Words and colours for note categories and failure tags (PRD-038 §1.3: colour-coded badges).
import type { FailureTag, NoteCategory } from '@i2v/contracts';

export const categoryLabels: Record<NoteCategory, string> = {
  general: 'General',
  direction: 'Direction',
  technical: 'Technical',
  client: 'Client',
};

export const categoryColors: Record<NoteCategory, string> = {
  general: 'gray',
  direction: 'grape',
  technical: 'cyan',
  client: 'orange',
};

export const failureTagLabels: Record<FailureTag, string> = {
  face_artifact: 'Face artifact',
  motion_artifact: 'Motion artifact',
  lighting_mismatch: 'Lighting mismatch',
  identity_drift: 'Identity drift',
  continuity_break: 'Continuity break',
  other: 'Other',
};

export const failureTagColors: Record<FailureTag, string> = {
  face_artifact: 'red',
  motion_artifact: 'orange',
  lighting_mismatch: 'yellow',
  identity_drift: 'pink',
  continuity_break: 'violet',
  other: 'gray',
};

const entries = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

export const categoryOptions = entries(categoryLabels);
export const failureTagOptions = entries(failureTagLabels);
