// The signed-in user's notification preferences (PRD-010) as TanStack Query hooks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { NotificationPreferences } from '@/api/types';
import { unwrap } from '@/api/unwrap';
import { notificationKeys } from '@/pages/jobs/job-queries';

const preferencesKey = ['me', 'notification-preferences'] as const;

export function useNotificationPreferences() {
  return useQuery({
    queryKey: preferencesKey,
    queryFn: () => unwrap(api.GET('/api/v1/me/notification-preferences')),
    meta: { handlesErrors: true },
  });
}

export function useSaveNotificationPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferences) =>
      unwrap(api.PUT('/api/v1/me/notification-preferences', { body })),
    onSuccess: (saved) => {
      client.setQueryData(preferencesKey, saved);
      // turning do-not-disturb off delivers what it held
      void client.invalidateQueries({ queryKey: notificationKeys.all });
    },
    meta: { handlesErrors: true },
  });
}
