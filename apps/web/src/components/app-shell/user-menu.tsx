import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useCurrentUser } from '@/auth/use-session';
import { useSignOut } from '@/auth/use-sign-out';
import { ExpandIcon, LogOutIcon, ProfileIcon } from '../icons';
import { RoleBadge } from '../role-badge';

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]?.[0], parts.at(-1)?.[0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join('').toUpperCase() || '?';
}

/** The signed-in user in the header: name and role always visible, profile and sign-out in the menu. */
export function UserMenu() {
  const user = useCurrentUser();
  const signOut = useSignOut();
  return (
    <Group gap="sm" wrap="nowrap">
      <RoleBadge role={user.role} />
      <Menu position="bottom-end" width={240} shadow="md">
        <Menu.Target>
          <UnstyledButton data-testid="user-menu" aria-label={`Account menu of ${user.displayName}`}>
            <Group gap={8} wrap="nowrap">
              <Avatar radius="xl" size={32} color="brand" variant="light">
                {initialsOf(user.displayName)}
              </Avatar>
              <Text size="sm" fw={500} visibleFrom="sm" maw={180} truncate="end">
                {user.displayName}
              </Text>
              <ExpandIcon size={14} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Stack gap={2}>
              <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate="end">
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" truncate="end">
                {user.email}
              </Text>
              <RoleBadge role={user.role} size="sm" mt={4} />
            </Stack>
          </Menu.Label>
          <Menu.Divider />
          <Menu.Item component={Link} to="/profile" leftSection={<ProfileIcon size={16} />}>
            Profile
          </Menu.Item>
          <Menu.Item color="red" leftSection={<LogOutIcon size={16} />} onClick={() => void signOut()}>
            Log out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
