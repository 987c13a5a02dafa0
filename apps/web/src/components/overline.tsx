import { Text, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { typography } from '@/theme/tokens';

/** The small uppercase caption above a group of facts or links. */
export function Overline({ children, ...props }: TextProps & { children: ReactNode }) {
  return (
    <Text
      size="xs"
      fw={typography.weights.semibold}
      c="dimmed"
      tt="uppercase"
      lts={typography.letterSpacing.wide}
      {...props}
    >
      {children}
    </Text>
  );
}
