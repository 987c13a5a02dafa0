import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Project } from '@/api/types';
import { ArchiveIcon, DateTimeText, isFinishedProject, ProjectStatusBadge, RestoreIcon } from '@/components';
import classes from './project-row.module.css';

interface ProjectRowProps {
  project: Project;
  /** Listed in the trash: shows when it was deleted and, for those who may, a Restore button. */
  inTrash: boolean;
  canRestore: boolean;
  restoring: boolean;
  onRestore: (project: Project) => void;
}

const stop = (event: MouseEvent) => event.stopPropagation();

export function ProjectRow({ project, inTrash, canRestore, restoring, onRestore }: ProjectRowProps) {
  const navigate = useNavigate();
  const to = `/projects/${project.id}`;
  const finished = isFinishedProject(project.status);
  return (
    <Table.Tr
      className={classes.row}
      onClick={() => navigate(to)}
      data-testid="project-row"
      data-project-name={project.name}
      data-finished={finished || undefined}
    >
      <Table.Td>
        <Group gap="sm" wrap="nowrap" miw={0}>
          {finished && <ArchiveIcon size={18} className={classes.name} aria-hidden />}
          <Stack gap={0} miw={0}>
            <Anchor component={Link} to={to} onClick={stop} size="sm" fw={500} className={classes.name}>
              {project.name}
            </Anchor>
            <Text size="xs" c="dimmed" lineClamp={1} maw={440}>
              {project.description || 'No description'}
            </Text>
          </Stack>
        </Group>
      </Table.Td>
      <Table.Td>
        <ProjectStatusBadge status={project.status} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={project.createdBy ? undefined : 'dimmed'}>
          {project.createdBy?.displayName ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <DateTimeText value={inTrash ? project.deletedAt : project.updatedAt} relative />
      </Table.Td>
      {inTrash && canRestore && (
        <Table.Td onClick={stop}>
          <Button
            size="xs"
            variant="default"
            leftSection={<RestoreIcon size={14} />}
            loading={restoring}
            onClick={() => onRestore(project)}
            aria-label={`Restore ${project.name}`}
          >
            Restore
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
