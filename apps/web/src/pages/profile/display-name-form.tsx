import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '@/api/client';
import { applyProblemToForm } from '@/api/form-errors';
import type { User } from '@/api/types';
import { unwrap } from '@/api/unwrap';
import { sessionStore } from '@/auth/session-store';
import { notifyError, notifySuccess } from '@/components';

export function DisplayNameForm({ user }: { user: User }) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { displayName: user.displayName },
    validate: {
      displayName: (value) => {
        if (!value.trim()) return 'Enter the name others see';
        return value.trim().length > 120 ? 'Use at most 120 characters' : null;
      },
    },
  });
  const { setInitialValues, reset } = form;
  useEffect(() => {
    setInitialValues({ displayName: user.displayName });
    reset();
  }, [user.displayName, setInitialValues, reset]);

  const save = useMutation({
    mutationFn: (displayName: string) => unwrap(api.PATCH('/api/v1/me', { body: { displayName } })),
    meta: { handlesErrors: true },
    onSuccess: (updated) => {
      sessionStore.updateUser(updated);
      notifySuccess('Your display name was saved.');
    },
    onError: (error) => {
      if (!applyProblemToForm(form, error, ['displayName'])) notifyError(error, 'Could not save your name');
    },
  });

  return (
    <Card>
      <form
        onSubmit={form.onSubmit((values) => save.mutate(values.displayName.trim()))}
        aria-label="Display name"
      >
        <Stack gap="sm">
          <Stack gap={2}>
            <Text fw={600}>Display name</Text>
            <Text size="sm" c="dimmed">
              How you appear to others in the studio, in reviews and in the audit log.
            </Text>
          </Stack>
          <TextInput label="Display name" autoComplete="name" {...form.getInputProps('displayName')} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
