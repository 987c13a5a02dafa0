// Client-side checks that mirror the contracts' project fields, so mistakes show before a round trip.
export const nameMaxLength = 120;
export const descriptionMaxLength = 2000;

export function validateProjectName(value: string): string | null {
  if (!value.trim()) return 'Enter a name for the project';
  return value.trim().length > nameMaxLength ? `Use at most ${nameMaxLength} characters` : null;
}
