// The providers every page relies on: theme, toasts, server state, session, routes.
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { restoreSession } from '@/api/auth-api';
import { colorSchemeManager, cssVariablesResolver, theme } from '@/theme/theme';
import { queryClient } from './query-client';
import { router } from './router';

export function App() {
  useEffect(() => {
    void restoreSession();
  }, []);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
    >
      <Notifications position="bottom-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
