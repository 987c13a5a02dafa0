// `notifications.digest` (CPU): sends the digests that are due and what do-not-disturb held once it is over.
import { notificationDigestPayloadSchema } from '@i2v/contracts';
import type { NotificationsService } from '../../events/notifications.js';
import type { JobHandler } from '../registry.js';

export function notificationDigestHandler(
  notifications: NotificationsService,
): JobHandler<Record<string, never>> {
  return {
    kind: 'notifications.digest',
    resource: 'cpu',
    label: 'Notification digest',
    description: 'Sends due notification digests and releases notifications held by do-not-disturb',
    payload: notificationDigestPayloadSchema,
    async run() {
      return { result: { ...(await notifications.deliverPending()) } };
    },
  };
}
