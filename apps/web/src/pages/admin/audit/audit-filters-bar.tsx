import { Autocomplete, Button, Group, Select, TextInput } from '@mantine/core';
import { ClearFiltersIcon, SearchIcon } from '@/components';
import { actionSuggestions } from './action-suggestions';
import type { AuditFilters } from './audit-queries';
import { useActorChoices } from './audit-queries';

interface AuditFiltersBarProps {
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
  onClear: () => void;
  filtered: boolean;
}

export function AuditFiltersBar({ filters, onChange, onClear, filtered }: AuditFiltersBarProps) {
  const actors = useActorChoices();
  const set = <K extends keyof AuditFilters>(key: K, value: AuditFilters[K]) =>
    onChange({ ...filters, [key]: value });
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md">
      <TextInput
        label="Search"
        placeholder="Summary or actor"
        leftSection={<SearchIcon size={16} />}
        value={filters.q}
        onChange={(event) => set('q', event.currentTarget.value)}
        type="search"
        w={240}
      />
      <Autocomplete
        label="Action"
        placeholder="e.g. user. or auth.login"
        data={actionSuggestions}
        value={filters.action}
        onChange={(value) => set('action', value)}
        clearable
        w={200}
      />
      <Select
        label="Actor"
        placeholder={actors.isError ? 'Could not load users' : 'Anyone'}
        data={actors.data ?? []}
        value={filters.actorId}
        onChange={(value) => set('actorId', value)}
        searchable
        clearable
        disabled={actors.isError}
        nothingFoundMessage="No such user"
        w={240}
      />
      <TextInput
        label="From"
        type="date"
        value={filters.from}
        max={filters.to || undefined}
        onChange={(event) => set('from', event.currentTarget.value)}
        w={160}
      />
      <TextInput
        label="To"
        type="date"
        value={filters.to}
        min={filters.from || undefined}
        onChange={(event) => set('to', event.currentTarget.value)}
        w={160}
      />
      {filtered && (
        <Button variant="subtle" leftSection={<ClearFiltersIcon size={16} />} onClick={onClear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
