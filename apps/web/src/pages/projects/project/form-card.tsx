import { Button, Card, Group, Stack, Text } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { LockedIcon } from '@/components';

interface FormCardProps {
  title: string;
  description: ReactNode;
  /** The form's name for assistive technology. */
  label: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  saving: boolean;
  dirty: boolean;
  /** Why the form cannot be saved (role, edit lock, trash); null when it can. */
  readOnlyReason: string | null;
  children: ReactNode;
}

/** A titled card around one project form, with Save, or the reason it is read-only in its place. */
export function FormCard({
  title,
  description,
  label,
  onSubmit,
  saving,
  dirty,
  readOnlyReason,
  children,
}: FormCardProps) {
  return (
    <Card>
      <form onSubmit={onSubmit} aria-label={label} noValidate>
        <Stack gap="md">
          <Stack gap={2}>
            <Text fw={600}>{title}</Text>
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          </Stack>
          {children}
          <Group justify="flex-end" gap="sm">
            {readOnlyReason ? (
              <Group gap={6} wrap="nowrap" data-testid="read-only-reason">
                <LockedIcon size={14} />
                <Text size="sm" c="dimmed">
                  {readOnlyReason}
                </Text>
              </Group>
            ) : (
              <Button type="submit" loading={saving} disabled={!dirty}>
                Save
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
