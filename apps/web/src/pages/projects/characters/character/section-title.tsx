import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionTitleProps {
  title: string;
  description: ReactNode;
  /** Shown at the right end, e.g. a status or the reason the section is read-only. */
  aside?: ReactNode;
}

/** The heading of one section of the character page. */
export function SectionTitle({ title, description, aside }: SectionTitleProps) {
  return (
    <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
      <Stack gap={2} maw={720}>
        <Title order={2} size="h4">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      </Stack>
      {aside}
    </Group>
  );
}
