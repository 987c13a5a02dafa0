import { Button, Card, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/api/client';
import { applyProblemToForm } from '@/api/form-errors';
import { unwrap, unwrapNoContent } from '@/api/unwrap';
import { sessionStore } from '@/auth/session-store';
import { notifyError, notifySuccess } from '@/components';

interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const fields = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

export function ChangePasswordForm() {
  const form = useForm<PasswordChange>({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : 'Enter your current password'),
      newPassword: (value) => (value ? null : 'Choose a new password'),
      confirmPassword: (value, values) =>
        value === values.newPassword ? null : 'The passwords do not match',
    },
  });

  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: PasswordChange) =>
      unwrapNoContent(api.POST('/api/v1/me/password', { body: { currentPassword, newPassword } })),
    meta: { handlesErrors: true },
    onSuccess: () => {
      form.reset();
      notifySuccess('Your password was changed.');
      // The account no longer needs a password change; reload it so the banner goes away.
      unwrap(api.GET('/api/v1/me'))
        .then((user) => sessionStore.updateUser(user))
        .catch(() => undefined);
    },
    onError: (error) => {
      const shown = applyProblemToForm(form, error, fields, { 'auth.password_incorrect': 'currentPassword' });
      if (!shown) notifyError(error, 'Could not change your password');
    },
  });

  return (
    <Card>
      <form onSubmit={form.onSubmit((values) => change.mutate(values))} aria-label="Change password">
        <Stack gap="sm">
          <Stack gap={2}>
            <Text fw={600}>Change password</Text>
            <Text size="sm" c="dimmed">
              Use at least 12 characters. Avoid common passwords and anything containing your name or email.
            </Text>
          </Stack>
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label="Confirm password"
            autoComplete="new-password"
            {...form.getInputProps('confirmPassword')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
