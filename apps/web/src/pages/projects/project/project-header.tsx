import { Anchor, Badge, Button, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import type { Project } from '@/api/types';
import { BackIcon, DateTimeText, LockedIcon, ProjectStatusBadge } from '@/components';
import { tones } from '@/theme/tokens';
import type { LifecycleAction } from './lifecycle-actions';

interface ProjectHeaderProps {
  project: Project;
  /** The moves the user may make now; empty for reviewers and for projects in the trash. */
  actions: LifecycleAction[];
  onAction: (action: LifecycleAction) => void;
}

/** Explains the edit lock (PRD-072 §1.5) right where the status is shown. */
export function LockIndicator({ project }: { project: Project }) {
  if (!project.locked) return null;
  const final = project.status === 'closed';
  return (
    <Tooltip
      label={
        final
          ? 'Closed projects are final and stay read-only.'
          : 'Delivered and archived projects refuse edits; Re-open returns the project to Active.'
      }
      multiline
      w={260}
    >
      <Badge
        color={tones.locked}
        variant="outline"
        leftSection={<LockedIcon size={12} />}
        tt="none"
        data-testid="project-locked"
      >
        {final ? 'Locked — closed for good' : 'Locked — re-open to edit'}
      </Badge>
    </Tooltip>
  );
}

export function ProjectHeader({ project, actions, onAction }: ProjectHeaderProps) {
  return (
    <Stack gap="sm" mb="lg">
      <Anchor component={Link} to="/projects" size="sm" c="dimmed" w="fit-content">
        <Group gap={4} wrap="nowrap">
          <BackIcon size={14} />
          Projects
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6} miw={0}>
          <Group gap="sm" wrap="wrap" align="center">
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }} data-testid="project-name">
              {project.name}
            </Title>
            <ProjectStatusBadge status={project.status} size="lg" />
            <LockIndicator project={project} />
          </Group>
          <Group gap={6} wrap="wrap">
            <Text size="sm" c="dimmed">
              {project.createdBy ? `Created by ${project.createdBy.displayName} on` : 'Created on'}
            </Text>
            <DateTimeText value={project.createdAt} c="dimmed" />
            <Text size="sm" c="dimmed">
              · updated
            </Text>
            <DateTimeText value={project.updatedAt} relative c="dimmed" />
          </Group>
        </Stack>
        {actions.length > 0 && (
          <Group gap="sm" data-testid="project-transitions">
            {actions.map((action) => (
              <Button
                key={action.to}
                variant={
                  action.emphasis === 'primary'
                    ? 'filled'
                    : action.emphasis === 'danger'
                      ? 'outline'
                      : 'default'
                }
                color={action.emphasis === 'danger' ? 'red' : undefined}
                leftSection={<action.icon size={16} />}
                onClick={() => onAction(action)}
              >
                {action.label}
              </Button>
            ))}
          </Group>
        )}
      </Group>
    </Stack>
  );
}
