import { ActionIcon, Avatar, Badge, Group, Menu, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { Role, User } from '@/api/types';
import {
  DateTimeText,
  DeactivateIcon,
  initialsOf,
  MoreActionsIcon,
  ReactivateIcon,
  ResetPasswordIcon,
} from '@/components';
import { roleOptions } from './role-options';
import { UserStatusBadges } from './user-status-badges';

export type UserAction = 'deactivate' | 'reactivate' | 'reset-password';

interface UserRowProps {
  user: User;
  isSelf: boolean;
  roleChanging: boolean;
  onRoleChange: (user: User, role: Role) => void;
  onAction: (user: User, action: UserAction) => void;
}

export function UserRow({ user, isSelf, roleChanging, onRoleChange, onAction }: UserRowProps) {
  const roleSelect = (
    <Select<Role>
      aria-label={`Role of ${user.displayName}`}
      data={roleOptions}
      value={user.role}
      onChange={(role) => role && role !== user.role && onRoleChange(user, role)}
      allowDeselect={false}
      disabled={isSelf || roleChanging}
      size="xs"
      w={130}
      data-testid="user-role-select"
    />
  );
  return (
    <Table.Tr
      data-testid="user-row"
      data-email={user.email}
      aria-label={`${user.displayName} (${user.email})`}
    >
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <Avatar radius="xl" size={34} color="brand" variant="light">
            {initialsOf(user.displayName)}
          </Avatar>
          <Stack gap={0} miw={0}>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={500} truncate="end">
                {user.displayName}
              </Text>
              {isSelf && (
                <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>
                  You
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed" truncate="end">
              {user.email}
            </Text>
          </Stack>
        </Group>
      </Table.Td>
      <Table.Td>
        {isSelf ? (
          <Tooltip label="You cannot change your own role; ask another admin.">
            <div>{roleSelect}</div>
          </Tooltip>
        ) : (
          roleSelect
        )}
      </Table.Td>
      <Table.Td>
        <UserStatusBadges user={user} />
      </Table.Td>
      <Table.Td>
        <DateTimeText value={user.lastLoginAt} relative empty="Never" />
      </Table.Td>
      <Table.Td>
        <DateTimeText value={user.createdAt} relative />
      </Table.Td>
      <Table.Td>
        <Menu position="bottom-end" shadow="md" width={200}>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Actions for ${user.displayName}`}
              data-testid="user-actions"
            >
              <MoreActionsIcon size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<ResetPasswordIcon size={16} />}
              onClick={() => onAction(user, 'reset-password')}
              disabled={!user.isActive}
            >
              Reset password
            </Menu.Item>
            {user.isActive ? (
              <Menu.Item
                color="red"
                leftSection={<DeactivateIcon size={16} />}
                onClick={() => onAction(user, 'deactivate')}
                disabled={isSelf}
              >
                Deactivate
              </Menu.Item>
            ) : (
              <Menu.Item
                leftSection={<ReactivateIcon size={16} />}
                onClick={() => onAction(user, 'reactivate')}
              >
                Reactivate
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      </Table.Td>
    </Table.Tr>
  );
}
