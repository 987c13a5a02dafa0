// Server state: one QueryClient; failed calls show a toast unless the caller handles the error itself.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/api/api-error';
import { sessionStore } from '@/auth/session-store';
import { notifyError } from '@/components';

interface CallMeta extends Record<string, unknown> {
  /** The caller shows the error itself (inline or on form fields): no toast. */
  handlesErrors?: boolean;
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: CallMeta;
    mutationMeta: CallMeta;
  }
}

function shouldToast(error: unknown, meta: CallMeta | undefined): boolean {
  if (meta?.handlesErrors) return false;
  // An expired session sends the user to sign in; a toast would only add noise.
  return !(isApiError(error) && error.status === 401);
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (shouldToast(error, query.meta)) notifyError(error, 'Could not load data');
    },
  }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) => {
      if (shouldToast(error, mutation.meta)) notifyError(error);
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) => {
        if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
        return failures < 2;
      },
    },
  },
});

// Whatever ends a session (sign-out, expiry, a revoked refresh token), the next user must not see its cached data.
sessionStore.subscribe(() => {
  if (sessionStore.getState().status === 'signed-out') queryClient.clear();
});
