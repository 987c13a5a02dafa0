import { Badge } from '@mantine/core';
import type { CharacterImport, ImportEntry } from '@/api/types';

const statusLabels: Record<CharacterImport['status'], [string, string]> = {
  analysing: ['Analysing', 'blue'],
  ready: ['Ready to import', 'teal'],
  importing: ['Importing', 'blue'],
  completed: ['Completed', 'green'],
  failed: ['Failed', 'red'],
  cancelled: ['Cancelled', 'gray'],
};

export function ImportStatusBadge({ status }: { status: CharacterImport['status'] }) {
  const [label, tone] = statusLabels[status];
  return (
    <Badge color={tone} variant="light" data-testid="import-status">
      {label}
    </Badge>
  );
}

const actionLabels: Record<ImportEntry['action'], [string, string]> = {
  create: ['New', 'green'],
  update: ['Adds to existing', 'blue'],
  unchanged: ['Already imported', 'gray'],
  skip: ['Skipped', 'gray'],
};

const doneLabels: Record<ImportEntry['action'], [string, string]> = {
  create: ['Created', 'green'],
  update: ['Updated', 'blue'],
  unchanged: ['Unchanged', 'gray'],
  skip: ['Skipped', 'gray'],
};

/** What importing does to the entry, or (`done`) what it did. */
export function ImportActionBadge({ entry, done = false }: { entry: ImportEntry; done?: boolean }) {
  if (entry.errors.length > 0 && entry.action !== 'skip') {
    return (
      <Badge color="red" variant="light">
        {done ? 'Skipped: errors' : 'Has errors'}
      </Badge>
    );
  }
  const [label, tone] = (done ? doneLabels : actionLabels)[entry.action];
  return (
    <Badge color={tone} variant="light">
      {label}
    </Badge>
  );
}
