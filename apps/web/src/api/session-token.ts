// What to do after the server answered 401: retry with a fresh access token, or end the session.
import { sessionStore } from '@/auth/session-store';
import { refreshSession } from './auth-api';

/**
 * The token to retry a refused call with: one another call has already refreshed to while this one was in flight,
 * or a new one from the refresh cookie. Null when the session cannot be renewed; the session has then ended.
 */
export async function tokenAfterRejection(sentWith: string | null): Promise<string | null> {
  const current = sessionStore.getAccessToken();
  const token = current && current !== sentWith ? current : ((await refreshSession())?.accessToken ?? null);
  if (!token) sessionStore.end('expired');
  return token;
}
