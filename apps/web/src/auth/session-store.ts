// Who is signed in. The access token lives only in memory; the refresh token is an httpOnly cookie.
import type { Session, User } from '@/api/types';

export type SessionStatus = 'restoring' | 'signed-in' | 'signed-out';
/** Why a session ended: the user signed out, or the server no longer accepts it. */
export type SessionEndReason = 'signed-out' | 'expired' | 'none';

export interface SessionState {
  status: SessionStatus;
  user: User | null;
  endReason: SessionEndReason;
}

let accessToken: string | null = null;
let state: SessionState = { status: 'restoring', user: null, endReason: 'none' };
const listeners = new Set<() => void>();

function publish(next: SessionState) {
  state = next;
  for (const listener of listeners) listener();
}

export const sessionStore = {
  getState: (): SessionState => state,
  getAccessToken: (): string | null => accessToken,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  begin(session: Session) {
    accessToken = session.accessToken;
    publish({ status: 'signed-in', user: session.user, endReason: 'none' });
  },
  updateUser(user: User) {
    if (state.status === 'signed-in') publish({ ...state, user });
  },
  end(reason: SessionEndReason) {
    accessToken = null;
    if (state.status === 'signed-out' && state.endReason === reason) return;
    publish({ status: 'signed-out', user: null, endReason: reason });
  },
};
