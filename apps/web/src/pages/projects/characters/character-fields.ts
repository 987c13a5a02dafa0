// Client-side checks that mirror the contracts' character fields, and who may change characters now.
import type { Project } from '@/api/types';

export const characterNameMaxLength = 120;

export function validateCharacterName(value: string): string | null {
  if (!value.trim()) return 'Enter a name for the character';
  return value.trim().length > characterNameMaxLength
    ? `Use at most ${characterNameMaxLength} characters`
    : null;
}

/** Why characters of this project cannot be changed now (role, edit lock, trash); null when they can. */
export function characterWriteBlockOf(project: Project, canWrite: boolean): string | null {
  if (!canWrite) return 'Read-only: creators and admins add and change characters.';
  if (project.deletedAt) return 'In the trash: restore the project to change its characters.';
  if (project.status === 'closed') return 'Locked: the project is closed for good.';
  if (project.locked) return 'Locked: re-open the project to change its characters.';
  return null;
}
