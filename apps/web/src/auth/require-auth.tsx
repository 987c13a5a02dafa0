// Gate for pages that need a signed-in user: waits for the session restore, else sends to /login.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageLoader } from '@/components';
import type { RedirectState } from './redirect-target';
import { useSession } from './use-session';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'restoring') return <FullPageLoader label="Restoring your session…" />;
  if (status === 'signed-out') {
    const state: RedirectState = { from: location };
    return <Navigate to="/login" replace state={state} />;
  }
  return children;
}
