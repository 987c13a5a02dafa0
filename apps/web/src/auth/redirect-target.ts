// Where to go after signing in: the page the user was sent away from, never another site.
import type { Location } from 'react-router';

export interface RedirectState {
  from?: Pick<Location, 'pathname' | 'search' | 'hash'>;
}

export function redirectTargetOf(state: unknown): string {
  const from = (state as RedirectState | null)?.from;
  if (
    !from ||
    typeof from.pathname !== 'string' ||
    !from.pathname.startsWith('/') ||
    from.pathname.startsWith('//')
  ) {
    return '/';
  }
  if (from.pathname === '/login') return '/';
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}
