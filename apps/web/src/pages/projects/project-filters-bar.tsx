import { Button, Group, Select, TextInput } from '@mantine/core';
import type { ProjectStatus } from '@/api/types';
import { ClearFiltersIcon, projectStatusLabels, SearchIcon } from '@/components';

interface ProjectFiltersBarProps {
  search: string;
  onSearchChange: (q: string) => void;
  status: ProjectStatus | null;
  onStatusChange: (status: ProjectStatus | null) => void;
  onClear: () => void;
  filtered: boolean;
}

// Every status, in lifecycle order (the labels are a Record over the contracts' type, so none can be missing).
const statusOptions = (Object.keys(projectStatusLabels) as ProjectStatus[]).map((status) => ({
  value: status,
  label: projectStatusLabels[status],
}));

export function ProjectFiltersBar(props: ProjectFiltersBarProps) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md">
      <TextInput
        label="Search"
        placeholder="Name or description"
        leftSection={<SearchIcon size={16} />}
        value={props.search}
        onChange={(event) => props.onSearchChange(event.currentTarget.value)}
        w={280}
        type="search"
      />
      <Select<ProjectStatus>
        label="Status"
        placeholder="Any status"
        data={statusOptions}
        value={props.status}
        onChange={props.onStatusChange}
        clearable
        w={180}
      />
      {props.filtered && (
        <Button variant="subtle" leftSection={<ClearFiltersIcon size={16} />} onClick={props.onClear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
