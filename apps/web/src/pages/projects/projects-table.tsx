import { Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Project } from '@/api/types';
import { TableSkeleton } from '@/components';
import { ProjectRow } from './project-row';

interface ProjectsTableProps {
  projects: Project[] | undefined;
  inTrash: boolean;
  canRestore: boolean;
  restoringId: string | null;
  onRestore: (project: Project) => void;
  /** Shown in place of rows when the list is empty. */
  empty: ReactNode;
}

export function ProjectsTable({
  projects,
  inTrash,
  canRestore,
  restoringId,
  onRestore,
  empty,
}: ProjectsTableProps) {
  const columns = ['Project', 'Status', 'Created by', inTrash ? 'Moved to trash' : 'Updated'];
  if (inTrash && canRestore) columns.push('');
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label={inTrash ? 'Projects in the trash' : 'Projects'} data-testid="projects-table">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column || 'actions'}>
                {column || <VisuallyHidden>Actions</VisuallyHidden>}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        {projects === undefined ? (
          <TableSkeleton columns={columns.length} />
        ) : (
          <Table.Tbody>
            {projects.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>{empty}</Table.Td>
              </Table.Tr>
            ) : (
              projects.map((project) => (
                <ProjectRow
                  key={project.id}
                  project={project}
                  inTrash={inTrash}
                  canRestore={canRestore}
                  restoring={restoringId === project.id}
                  onRestore={onRestore}
                />
              ))
            )}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
