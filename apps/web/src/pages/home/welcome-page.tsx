// The landing page: who you are, what your role lets you do, and where to go from here.
import { permissionsOf, roleLabels } from '@i2v/domain';
import { Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useCurrentUser } from '@/auth/use-session';
import { CheckIcon, DateTimeText, Overline, RoleBadge } from '@/components';
import { permissionDescriptions, roleSummaries } from './permission-descriptions';
import { QuickLinks } from './quick-links';

export function WelcomePage() {
  const user = useCurrentUser();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          Welcome, {user.displayName}
        </Title>
        <Text c="dimmed" size="sm">
          This is i2v Studio, where source images become delivered videos.
        </Text>
      </Stack>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card data-testid="account-card">
          <Stack gap="sm">
            <Overline>Signed in as</Overline>
            <Group gap="sm" wrap="wrap">
              <Text fw={600} fz="lg">
                {user.displayName}
              </Text>
              <RoleBadge role={user.role} size="lg" />
            </Group>
            <Text size="sm" c="dimmed">
              {user.email}
            </Text>
            <Group gap={6}>
              <Text size="sm" c="dimmed">
                Last sign-in:
              </Text>
              <DateTimeText value={user.lastLoginAt} relative empty="never" />
            </Group>
          </Stack>
        </Card>

        <Card data-testid="role-card">
          <Stack gap="sm">
            <Overline>What you can do as {roleLabels[user.role]}</Overline>
            <Text size="sm">{roleSummaries[user.role]}</Text>
            <List
              spacing={6}
              size="sm"
              icon={
                <ThemeIcon size={18} radius="xl" color="green" variant="light">
                  <CheckIcon size={12} />
                </ThemeIcon>
              }
            >
              {permissionsOf(user.role).map((permission) => (
                <List.Item key={permission}>{permissionDescriptions[permission]}</List.Item>
              ))}
            </List>
          </Stack>
        </Card>
      </SimpleGrid>

      <QuickLinks role={user.role} />
    </Stack>
  );
}
