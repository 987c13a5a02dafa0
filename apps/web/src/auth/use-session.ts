import { useSyncExternalStore } from 'react';
import type { User } from '@/api/types';
import { type SessionState, sessionStore } from './session-store';

export function useSession(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.getState);
}

/** The signed-in user; only for components rendered inside RequireAuth. */
export function useCurrentUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser needs a signed-in user (render it inside RequireAuth).');
  return user;
}
