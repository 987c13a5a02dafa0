// Production: every project of the studio, newest first; the trash beside it; creators and admins start new ones.
import { roleCan } from '@i2v/domain';
import { Button, Card, Tabs } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Project, ProjectStatus } from '@/api/types';
import { useCurrentUser } from '@/auth/use-session';
import {
  ClearFiltersIcon,
  EmptyList,
  LoadError,
  LoadMore,
  NewProjectIcon,
  notifySuccess,
  PageHeader,
  ProjectsIcon,
  SearchIcon,
  TrashIcon,
} from '@/components';
import { CreateProjectModal } from './create-project-modal';
import { ProjectFiltersBar } from './project-filters-bar';
import { type ProjectListView, useProjectPages, useRestoreProject } from './project-queries';
import { ProjectsTable } from './projects-table';

export function ProjectsPage() {
  const user = useCurrentUser();
  const canWrite = roleCan(user.role, 'content.write');
  const navigate = useNavigate();
  // The trash has its own address (`?view=trash`), so going back from a project returns to the same list.
  const [params, setParams] = useSearchParams();
  const view: ProjectListView = params.get('view') === 'trash' ? 'only' : 'exclude';
  const setView = (next: ProjectListView) =>
    setParams(next === 'only' ? { view: 'trash' } : {}, { replace: true });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [status, setStatus] = useState<ProjectStatus | null>(null);
  const [creating, setCreating] = useState(false);

  const pages = useProjectPages({ q, status, deleted: view });
  const restore = useRestoreProject();
  const projects = pages.data?.pages.flatMap((page) => page.items);
  const inTrash = view === 'only';
  const filtered = search.trim() !== '' || status !== null;
  const clearFilters = () => {
    setSearch('');
    setStatus(null);
  };

  const onRestore = (project: Project) =>
    restore.mutate(project, {
      onSuccess: () => notifySuccess(`"${project.name}" is back among the projects.`, 'Project restored'),
    });

  const newProjectButton = (
    <Button leftSection={<NewProjectIcon size={16} />} onClick={() => setCreating(true)}>
      New project
    </Button>
  );

  let empty: ReactNode;
  if (filtered) {
    empty = (
      <EmptyList
        title="No projects match these filters"
        icon={<SearchIcon size={28} />}
        description="Try another search or status, or clear the filters to see every project."
        action={
          <Button variant="default" leftSection={<ClearFiltersIcon size={16} />} onClick={clearFilters}>
            Clear filters
          </Button>
        }
      />
    );
  } else if (inTrash) {
    empty = (
      <EmptyList
        title="The trash is empty"
        icon={<TrashIcon size={28} />}
        description="Projects moved to the trash appear here and can be restored."
      />
    );
  } else if (canWrite) {
    empty = (
      <EmptyList
        title="No projects yet — create the first one"
        icon={<ProjectsIcon size={28} />}
        description="A project gathers the characters and scene types of one delivery."
        action={newProjectButton}
      />
    );
  } else {
    empty = (
      <EmptyList
        title="No projects yet — a creator will set one up"
        icon={<ProjectsIcon size={28} />}
        description="Projects appear here as soon as a creator or admin creates them."
      />
    );
  }

  const list = (
    <>
      {pages.isError && (
        <LoadError what="projects" error={pages.error} onRetry={() => void pages.refetch()} />
      )}
      {!(pages.isError && !projects) && (
        <Card p={0} mt={pages.isError ? 'md' : 0}>
          <ProjectsTable
            projects={projects}
            inTrash={inTrash}
            canRestore={canWrite}
            restoringId={restore.isPending ? (restore.variables?.id ?? null) : null}
            onRestore={onRestore}
            empty={empty}
          />
          {projects && projects.length > 0 && (
            <LoadMore
              shown={projects.length}
              hasMore={pages.hasNextPage}
              loading={pages.isFetchingNextPage}
              onLoadMore={() => void pages.fetchNextPage()}
              noun="project"
            />
          )}
        </Card>
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title="Projects"
        description="Each project is one delivery: its characters, the scene types made for them, and the ZIP handed over at the end. Delivered and archived projects are locked until re-opened."
        actions={canWrite ? newProjectButton : undefined}
      />
      <Tabs value={view} onChange={(next) => next && setView(next as ProjectListView)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="exclude" leftSection={<ProjectsIcon size={16} />}>
            Projects
          </Tabs.Tab>
          <Tabs.Tab value="only" leftSection={<TrashIcon size={16} />}>
            Trash
          </Tabs.Tab>
        </Tabs.List>
        <ProjectFiltersBar
          search={search}
          onSearchChange={setSearch}
          status={status}
          onStatusChange={setStatus}
          onClear={clearFilters}
          filtered={filtered}
        />
        <Tabs.Panel value="exclude">{list}</Tabs.Panel>
        <Tabs.Panel value="only">{list}</Tabs.Panel>
      </Tabs>
      <CreateProjectModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(project) => {
          notifySuccess(
            `"${project.name}" is in setup. Add its details, then start production.`,
            'Project created',
          );
          navigate(`/projects/${project.id}`);
        }}
      />
    </>
  );
}
