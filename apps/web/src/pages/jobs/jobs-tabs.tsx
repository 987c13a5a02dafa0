// The tabs above the queue's pages: the queue itself, the render timeline, recurring schedules, budgets and quotas.
// One "Queue" entry in the sidebar leads to all four.
import { Tabs } from '@mantine/core';
import type { ComponentType } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { BudgetsIcon, QueueIcon, RecurringScheduleIcon, TimelineIcon } from '@/components';

const tabs: { to: string; label: string; icon: ComponentType<{ size?: number }> }[] = [
  { to: '/jobs', label: 'Queue', icon: QueueIcon },
  { to: '/jobs/timeline', label: 'Timeline', icon: TimelineIcon },
  { to: '/jobs/schedules', label: 'Schedules', icon: RecurringScheduleIcon },
  { to: '/jobs/budgets', label: 'Budgets', icon: BudgetsIcon },
];

export function JobsTabs() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current = tabs.find((t) => t.to === pathname)?.to ?? '/jobs';
  return (
    <Tabs value={current} onChange={(to) => to && void navigate(to)} mb="lg" data-testid="jobs-tabs">
      <Tabs.List>
        {tabs.map((t) => (
          <Tabs.Tab key={t.to} value={t.to} leftSection={<t.icon size={16} />}>
            {t.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
