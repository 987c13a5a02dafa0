// Server calls of the Audit log page.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/unwrap';
import { dayToIso } from '@/format/date-time';

export interface AuditFilters {
  action: string;
  actorId: string | null;
  q: string;
  /** `YYYY-MM-DD`, inclusive, in the user's time zone. */
  from: string;
  to: string;
}

const pageSize = 50;

export function useAuditPages(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit-events', 'list', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/audit-events', {
          params: {
            query: {
              limit: pageSize,
              cursor: pageParam,
              action: filters.action.trim() || undefined,
              actorId: filters.actorId ?? undefined,
              q: filters.q.trim() || undefined,
              from: dayToIso(filters.from),
              to: dayToIso(filters.to, true),
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    meta: { handlesErrors: true },
  });
}

/** Everyone who could appear as an actor, for the actor filter. */
export function useActorChoices() {
  return useQuery({
    queryKey: ['users', 'actor-choices'],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 200, status: 'all' } } })),
    select: (page) =>
      page.items.map((user) => ({ value: user.id, label: `${user.displayName} (${user.email})` })),
    staleTime: 5 * 60_000,
    meta: { handlesErrors: true },
  });
}

export function useVerifyChain() {
  return useMutation({
    mutationFn: () => unwrap(api.GET('/api/v1/audit-events/verify')),
  });
}
