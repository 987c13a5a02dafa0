import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { applyProblemToForm } from '@/api/form-errors';
import type { Role, User } from '@/api/types';
import { notifyError } from '@/components';
import { roleOptions } from './role-options';
import { type NewUser, useCreateUser } from './user-queries';

interface CreateUserModalProps {
  opened: boolean;
  onClose: () => void;
  /** Called with the new account and, when the server generated one, its temporary password. */
  onCreated: (user: User, temporaryPassword: string | null) => void;
}

const fields = ['email', 'displayName', 'role', 'password'] as const;

export function CreateUserModal({ opened, onClose, onCreated }: CreateUserModalProps) {
  const form = useForm<NewUser>({
    mode: 'controlled',
    initialValues: { email: '', displayName: '', role: 'creator', password: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter a valid email address'),
      displayName: (value) => (value.trim() ? null : 'Enter the name others will see'),
    },
  });
  const create = useCreateUser();

  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };

  const submit = form.onSubmit((values) =>
    create.mutate(
      { ...values, email: values.email.trim(), displayName: values.displayName.trim() },
      {
        onSuccess: ({ user, temporaryPassword }) => {
          close();
          onCreated(user, temporaryPassword);
        },
        onError: (error) => {
          const shown = applyProblemToForm(form, error, fields, { 'user.email_taken': 'email' });
          if (!shown) notifyError(error, 'Could not create the user');
        },
      },
    ),
  );

  return (
    <Modal opened={opened} onClose={close} title="New user" size="md">
      <form onSubmit={submit} noValidate aria-label="New user">
        <Stack gap="md">
          <TextInput
            label="Email"
            type="email"
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('email')}
          />
          <TextInput label="Display name" autoComplete="off" {...form.getInputProps('displayName')} />
          <Select<Role>
            label="Role"
            data={roleOptions}
            allowDeselect={false}
            description="Admins manage users; Creators run production; Reviewers check quality."
            {...form.getInputProps('role')}
          />
          <PasswordInput
            label="Password (optional)"
            description="Leave empty to generate a temporary password that is shown once."
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
