import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';

interface StatusMessageProps {
  icon: ComponentType<{ size?: number }>;
  color: string;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  testId: string;
}

/** A centered explanation with a way forward, for pages that cannot show what was asked for. */
export function StatusMessage({ icon: Icon, color, title, children, actions, testId }: StatusMessageProps) {
  return (
    <Center py={64} px="md" data-testid={testId}>
      <Stack align="center" gap="md" maw={480} ta="center">
        <ThemeIcon size={64} radius="xl" variant="light" color={color}>
          <Icon size={34} />
        </ThemeIcon>
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text c="dimmed" component="div">
          {children}
        </Text>
        {actions}
      </Stack>
    </Center>
  );
}
