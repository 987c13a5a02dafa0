// The notification centre (PRD-010) in the header: a bell with the unread count, opening to the latest
// notifications; opening one marks it read and goes where it points. Notifications held by do-not-disturb or
// collected into a digest say so; "Preferences" leads to where that is chosen.
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import type { Notification } from '@/api/types';
import { formatDateTime, formatRelative } from '@/format/date-time';
import { useMarkNotificationsRead, useNotifications } from '@/pages/jobs/job-queries';
import { NotificationPreferencesIcon, NotificationsIcon } from '../icons';

const deliveryBadges: Partial<Record<Notification['delivery'], { label: string; hint: string }>> = {
  held: { label: 'Held', hint: 'Held while you did not want to be disturbed' },
  digest: { label: 'In digest', hint: 'Collected into your digest rather than shown at once' },
};

const levelColors: Record<Notification['level'], string> = {
  info: 'blue',
  success: 'green',
  warning: 'orange',
  error: 'red',
};

function NotificationItem({ n, onOpen }: { n: Notification; onOpen: () => void }) {
  const unread = n.readAt === null;
  const badge = deliveryBadges[n.delivery];
  const content = (
    <Group gap="sm" wrap="nowrap" align="flex-start" px="md" py="xs">
      <Box
        mt={6}
        w={8}
        h={8}
        miw={8}
        style={{ borderRadius: '50%' }}
        bg={unread ? `${levelColors[n.level]}.6` : 'transparent'}
        aria-hidden
      />
      <Stack gap={2} miw={0} style={{ flex: 1 }}>
        <Text size="sm" fw={unread ? 600 : 400} lineClamp={2}>
          {n.title}
        </Text>
        {n.body && (
          <Text size="xs" c="dimmed" lineClamp={3}>
            {n.body}
          </Text>
        )}
        <Group gap={6}>
          <Text size="xs" c="dimmed" title={formatDateTime(n.createdAt, true)}>
            {formatRelative(n.createdAt)}
          </Text>
          {badge && (
            <Tooltip label={badge.hint}>
              <Badge size="xs" variant="light" color="gray" data-testid="notification-delivery">
                {badge.label}
              </Badge>
            </Tooltip>
          )}
        </Group>
      </Stack>
    </Group>
  );
  return (
    <UnstyledButton
      onClick={onOpen}
      data-testid="notification"
      data-unread={unread}
      aria-label={`${n.title}${unread ? ' (unread)' : ''}`}
      style={{ display: 'block', width: '100%' }}
    >
      {content}
    </UnstyledButton>
  );
}

export function NotificationBell() {
  const [opened, popover] = useDisclosure(false);
  const navigate = useNavigate();
  const list = useNotifications();
  const markRead = useMarkNotificationsRead();
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const open = (n: Notification) => {
    if (n.readAt === null) markRead.mutate([n.id]);
    popover.close();
    if (n.link) void navigate(n.link);
  };

  return (
    <Popover
      opened={opened}
      onChange={(o) => (o ? popover.open() : popover.close())}
      position="bottom-end"
      width={360}
      shadow="md"
      withinPortal
    >
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={16}
          color="red"
          disabled={unread === 0}
          offset={4}
          data-testid="notification-count"
          data-unread={unread}
        >
          <ActionIcon
            variant="default"
            size="lg"
            onClick={popover.toggle}
            aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
            data-testid="notification-bell"
          >
            <NotificationsIcon size={18} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="notification-panel">
        <Group justify="space-between" px="md" py="xs">
          <Text fw={600} size="sm">
            Notifications
          </Text>
          <Group gap={4}>
            <Button
              variant="subtle"
              size="compact-xs"
              leftSection={<NotificationPreferencesIcon size={14} />}
              onClick={() => {
                popover.close();
                void navigate('/profile#notifications');
              }}
            >
              Preferences
            </Button>
            <Button
              variant="subtle"
              size="compact-xs"
              disabled={unread === 0}
              loading={markRead.isPending}
              onClick={() => markRead.mutate(undefined)}
            >
              Mark all read
            </Button>
          </Group>
        </Group>
        <Divider />
        {items.length === 0 ? (
          <Text size="xs" c="dimmed" ta="center" px="md" py="lg">
            No notifications yet. You are told here when your jobs finish or fail.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack gap={0} py={4}>
              {items.map((n) => (
                <NotificationItem key={n.id} n={n} onOpen={() => open(n)} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
