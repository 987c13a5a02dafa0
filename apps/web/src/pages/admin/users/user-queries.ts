// Server calls of the Users page, as TanStack Query hooks.
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { Role, User, UserStatusFilter } from '@/api/types';
import { unwrap } from '@/api/unwrap';

export interface UserFilters {
  q: string;
  role: Role | null;
  status: UserStatusFilter;
}

export const pageSize = 50;
const usersKey = ['users'] as const;

export function useUserPages(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: [...usersKey, 'list', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/users', {
          params: {
            query: {
              limit: pageSize,
              cursor: pageParam,
              q: filters.q.trim() || undefined,
              role: filters.role ?? undefined,
              status: filters.status,
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

export interface UserChange {
  user: User;
  changes: { role?: Role; isActive?: boolean; displayName?: string };
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, changes }: UserChange) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: changes })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: User) =>
      unwrap(api.POST('/api/v1/users/{id}/reset-password', { params: { path: { id: user.id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  password: string;
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ password, ...user }: NewUser) =>
      unwrap(api.POST('/api/v1/users', { body: { ...user, ...(password ? { password } : {}) } })),
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
