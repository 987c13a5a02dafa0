// Sign-in, refresh and sign-out calls. They carry the refresh cookie and never go through the 401-retry middleware.
import createClient from 'openapi-fetch';
import { sessionStore } from '@/auth/session-store';
import type { paths } from './schema';
import type { Session } from './types';
import { unwrap } from './unwrap';

const authClient = createClient<paths>({ baseUrl: '', credentials: 'include' });

export function signIn(email: string, password: string): Promise<Session> {
  return unwrap(authClient.POST('/api/v1/auth/login', { body: { email, password } })).then((session) => {
    sessionStore.begin(session);
    return session;
  });
}

/** Ends the session on the server and here; signing out locally happens even when the server is unreachable. */
export async function signOut(): Promise<void> {
  await authClient.POST('/api/v1/auth/logout').catch(() => undefined);
  sessionStore.end('signed-out');
}

let refreshing: Promise<Session | null> | null = null;

/**
 * Exchanges the refresh cookie for a new session. Concurrent callers share one request: the server rotates
 * the refresh token on every use and treats a reused one as theft, so two parallel refreshes would end the session.
 */
export function refreshSession(): Promise<Session | null> {
  refreshing ??= (async () => {
    try {
      const { data, response } = await authClient.POST('/api/v1/auth/refresh');
      if (!response.ok || !data) return null;
      sessionStore.begin(data);
      return data;
    } catch {
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

let restoring: Promise<void> | null = null;

/** Restores the session after a page load from the refresh cookie; runs once per page. */
export function restoreSession(): Promise<void> {
  restoring ??= refreshSession().then((session) => {
    if (!session) sessionStore.end('none');
  });
  return restoring;
}
