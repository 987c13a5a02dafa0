import { Badge, type BadgeProps } from '@mantine/core';
import type { ProjectStatus } from '@/api/types';
import { tones } from '@/theme/tokens';
import { ArchiveIcon, CloseProjectIcon } from './icons';

/** The lifecycle states (PRD-072) as people read them, in lifecycle order. */
export const projectStatusLabels: Record<ProjectStatus, string> = {
  setup: 'Setup',
  active: 'Active',
  delivered: 'Delivered',
  archived: 'Archived',
  closed: 'Closed',
};

/** Archived and closed projects are finished work: they read quieter than the ones in production. */
export function isFinishedProject(status: ProjectStatus): boolean {
  return status === 'archived' || status === 'closed';
}

export function ProjectStatusBadge({
  status,
  ...props
}: { status: ProjectStatus } & Omit<BadgeProps, 'color' | 'children'>) {
  const icon =
    status === 'archived' ? (
      <ArchiveIcon size={12} />
    ) : status === 'closed' ? (
      <CloseProjectIcon size={12} />
    ) : null;
  const finished = isFinishedProject(status);
  return (
    <Badge
      color={tones.projectStatus[status]}
      variant={finished ? 'default' : 'light'}
      c={finished ? 'dimmed' : undefined}
      leftSection={icon}
      data-testid="project-status"
      data-status={status}
      {...props}
    >
      {projectStatusLabels[status]}
    </Badge>
  );
}
