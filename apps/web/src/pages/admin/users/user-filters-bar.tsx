import { Button, Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import type { Role, UserStatusFilter } from '@/api/types';
import { ClearFiltersIcon, SearchIcon } from '@/components';
import { roleOptions } from './role-options';

interface UserFiltersBarProps {
  search: string;
  onSearchChange: (q: string) => void;
  role: Role | null;
  onRoleChange: (role: Role | null) => void;
  status: UserStatusFilter;
  onStatusChange: (status: UserStatusFilter) => void;
  onClear: () => void;
  filtered: boolean;
}

const statusOptions: { value: UserStatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'inactive', label: 'Inactive' },
];

export function UserFiltersBar(props: UserFiltersBarProps) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" mb="md">
      <TextInput
        label="Search"
        placeholder="Name or email"
        leftSection={<SearchIcon size={16} />}
        value={props.search}
        onChange={(event) => props.onSearchChange(event.currentTarget.value)}
        w={280}
        type="search"
      />
      <Select<Role>
        label="Filter by role"
        placeholder="All roles"
        data={roleOptions}
        value={props.role}
        onChange={props.onRoleChange}
        clearable
        w={180}
      />
      <SegmentedControl<UserStatusFilter>
        aria-label="Filter by status"
        data={statusOptions}
        value={props.status}
        onChange={props.onStatusChange}
      />
      {props.filtered && (
        <Button variant="subtle" leftSection={<ClearFiltersIcon size={16} />} onClick={props.onClear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
