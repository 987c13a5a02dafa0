// The signed-in user's own account: who they are, their display name, their password, and how notifications reach
// them.
import { roleLabels } from '@i2v/domain';
import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useCurrentUser } from '@/auth/use-session';
import { DateTimeText, PageHeader, RoleBadge } from '@/components';
import { ChangePasswordForm } from './change-password-form';
import { DisplayNameForm } from './display-name-form';
import { NotificationPreferencesForm } from './notification-preferences-form';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group justify="space-between" gap="md" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {children}
    </Group>
  );
}

export function ProfilePage() {
  const user = useCurrentUser();
  const { hash } = useLocation();
  // the bell's "Preferences" link lands on the notifications card
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [hash]);
  return (
    <>
      <PageHeader
        title="Profile"
        description="Your account in i2v Studio. Your role is assigned by an administrator."
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="lg">
          <Card>
            <Stack gap="sm">
              <Text fw={600}>Account</Text>
              <Fact label="Email">
                <Text size="sm" data-testid="profile-email">
                  {user.email}
                </Text>
              </Fact>
              <Fact label="Role">
                <RoleBadge role={user.role} aria-label={`Role: ${roleLabels[user.role]}`} />
              </Fact>
              <Fact label="Member since">
                <DateTimeText value={user.createdAt} />
              </Fact>
              <Fact label="Last sign-in">
                <DateTimeText value={user.lastLoginAt} relative empty="never" />
              </Fact>
            </Stack>
          </Card>
          <DisplayNameForm user={user} />
        </Stack>
        <ChangePasswordForm />
      </SimpleGrid>
      <Stack mt="lg">
        <NotificationPreferencesForm />
      </Stack>
    </>
  );
}
