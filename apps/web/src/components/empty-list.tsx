import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyIcon } from './icons';

interface EmptyListProps {
  title: string;
  description: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
}

/** What an empty list shows: what is missing and what to do next. */
export function EmptyList({ title, description, icon, action }: EmptyListProps) {
  return (
    <EmptyState
      py="xl"
      title={title}
      description={description}
      icon={icon ?? <EmptyIcon size={28} />}
      withIndicatorBackground
      data-testid="empty-list"
    >
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
