// One project: its characters, its lifecycle status and moves, and its name, settings and retention policy.
// Reviewers read it; creators and admins edit it while it is not locked (PRD-072 §1.5).
import { roleCan } from '@i2v/domain';
import { Alert, Button, Card, Group, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '@/api/api-error';
import type { Project } from '@/api/types';
import { useCurrentUser } from '@/auth/use-session';
import {
  ApproveIcon,
  CharactersIcon,
  CompareIcon,
  LoadError,
  MatrixIcon,
  MetadataIcon,
  NotFoundIcon,
  notifyError,
  notifySuccess,
  OverviewIcon,
  projectStatusLabels,
  RestoreIcon,
  RetentionIcon,
  SceneTypesIcon,
  SettingsIcon,
  StartProductionIcon,
  TrashIcon,
} from '@/components';
import { formatRelative } from '@/format/date-time';
import { StatusMessage } from '@/pages/errors/status-message';
import { CharactersTab } from '../characters/characters-tab';
import { DeliveryTab } from '../delivery/delivery-tab';
import { GenerationTab } from '../generation/generation-tab';
import { MatrixTab } from '../matrix/matrix-tab';
import { MetadataTab } from '../metadata/metadata-tab';
import { useProject, useRestoreProject, useTransitionProject } from '../project-queries';
import { SceneTypesTab } from '../scene-types/scene-types-tab';
import { DangerZone } from './danger-zone';
import { type LifecycleAction, lifecycleActionsOf } from './lifecycle-actions';
import { OverviewForm } from './overview-form';
import { ProjectHeader } from './project-header';
import { RetentionForm } from './retention-form';
import { ReadinessCriteriaForm, SettingsForm } from './settings-form';
import { TransitionDialog } from './transition-dialog';

type ProjectTab =
  | 'characters'
  | 'scene-types'
  | 'matrix'
  | 'generation'
  | 'metadata'
  | 'overview'
  | 'settings'
  | 'retention';
const tabs: ProjectTab[] = [
  'characters',
  'scene-types',
  'matrix',
  'generation',
  'metadata',
  'overview',
  'settings',
  'retention',
];
/** The project's daily work is its characters: the page opens on them. */
const defaultTab: ProjectTab = 'characters';

function readOnlyReasonOf(project: Project, canWrite: boolean): string | null {
  if (!canWrite) return 'Read-only: creators and admins edit projects.';
  if (project.deletedAt) return 'In the trash: restore the project to edit it.';
  if (project.status === 'closed') return 'Locked: closed projects are final.';
  if (project.locked) return 'Locked: re-open the project to edit it.';
  return null;
}

function ProjectNotFound() {
  return (
    <StatusMessage
      icon={NotFoundIcon}
      color="gray"
      title="Project not found"
      testId="project-not-found"
      actions={
        <Button component={Link} to="/projects" variant="default">
          Back to Projects
        </Button>
      }
    >
      There is no project at this address. It may have been mistyped, or the link is out of date.
    </StatusMessage>
  );
}

function ProjectSkeleton() {
  return (
    <Stack gap="lg" data-testid="project-skeleton">
      <Skeleton height={14} width={80} />
      <Group gap="sm">
        <Skeleton height={32} width={280} />
        <Skeleton height={24} width={80} radius="sm" />
      </Group>
      <Skeleton height={36} width={320} />
      <Card>
        <Stack gap="md">
          <Skeleton height={16} width={180} />
          <Skeleton height={36} />
          <Skeleton height={90} />
        </Stack>
      </Card>
    </Stack>
  );
}

function TrashNotice({ project, canRestore }: { project: Project; canRestore: boolean }) {
  const restore = useRestoreProject();
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<TrashIcon size={20} />}
      title="This project is in the trash"
      mb="lg"
      data-testid="project-in-trash"
    >
      <Group justify="space-between" gap="md" wrap="wrap">
        <Text size="sm">
          Moved to the trash {project.deletedAt ? formatRelative(project.deletedAt) : ''}.{' '}
          {canRestore ? 'Restore it to work on it again.' : 'A creator or admin can restore it.'}
        </Text>
        {canRestore && (
          <Button
            size="xs"
            variant="default"
            leftSection={<RestoreIcon size={14} />}
            loading={restore.isPending}
            onClick={() =>
              restore.mutate(project, {
                onSuccess: () =>
                  notifySuccess(`"${project.name}" is back among the projects.`, 'Project restored'),
              })
            }
          >
            Restore
          </Button>
        )}
      </Group>
    </Alert>
  );
}

export function ProjectPage() {
  const { id = '' } = useParams();
  // A fresh view per project, so no form or dialog carries over from the one shown before.
  return <ProjectView key={id} id={id} />;
}

function ProjectView({ id }: { id: string }) {
  const user = useCurrentUser();
  const canWrite = roleCan(user.role, 'content.write');
  const query = useProject(id);
  const transition = useTransitionProject(id);
  const [pending, setPending] = useState<LifecycleAction | null>(null);
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const tabParam = params.get('tab') as ProjectTab | null;
  const tab: ProjectTab = tabParam && tabs.includes(tabParam) ? tabParam : defaultTab;

  if (query.isPending) return <ProjectSkeleton />;
  if (query.isError) {
    // A malformed id is a 400 from the server; to the user it is the same missing project.
    if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400)) {
      return <ProjectNotFound />;
    }
    return <LoadError what="the project" error={query.error} onRetry={() => void query.refetch()} />;
  }

  const versioned = query.data;
  const project = versioned.data;
  const actions =
    canWrite && !project.deletedAt ? lifecycleActionsOf(project.status, project.allowedTransitions) : [];
  const readOnlyReason = readOnlyReasonOf(project, canWrite);

  const confirmTransition = (note: string) => {
    if (!pending) return;
    const action = pending;
    transition.mutate(
      { to: action.to, ...(note ? { note } : {}) },
      {
        onSuccess: ({ data }) => {
          setPending(null);
          notifySuccess(`"${data.name}" is now ${projectStatusLabels[data.status]}.`, action.label);
        },
        onError: (error) => {
          setPending(null);
          notifyError(error, `Could not ${action.label.toLowerCase()}`);
        },
      },
    );
  };

  return (
    <>
      <ProjectHeader project={project} actions={actions} onAction={setPending} />
      {project.deletedAt && <TrashNotice project={project} canRestore={canWrite} />}
      <Tabs
        value={tab}
        onChange={(next) =>
          // Review is a page of its own (the keys own the whole screen there)
          next === 'review' || next === 'compare'
            ? navigate(`/projects/${id}/${next}`)
            : setParams(next && next !== defaultTab ? { tab: next } : {}, { replace: true })
        }
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="characters" leftSection={<CharactersIcon size={16} />}>
            Characters
          </Tabs.Tab>
          <Tabs.Tab value="scene-types" leftSection={<SceneTypesIcon size={16} />}>
            Scene types
          </Tabs.Tab>
          <Tabs.Tab value="matrix" leftSection={<MatrixIcon size={16} />}>
            Matrix
          </Tabs.Tab>
          <Tabs.Tab value="generation" leftSection={<StartProductionIcon size={16} />}>
            Generation
          </Tabs.Tab>
          <Tabs.Tab value="review" leftSection={<ApproveIcon size={16} />} data-testid="review-tab">
            Review
          </Tabs.Tab>
          <Tabs.Tab value="compare" leftSection={<CompareIcon size={16} />} data-testid="compare-tab">
            Compare
          </Tabs.Tab>
          <DeliveryTab projectId={id} />
          <Tabs.Tab value="metadata" leftSection={<MetadataIcon size={16} />}>
            Metadata
          </Tabs.Tab>
          <Tabs.Tab value="overview" leftSection={<OverviewIcon size={16} />}>
            Overview
          </Tabs.Tab>
          <Tabs.Tab value="settings" leftSection={<SettingsIcon size={16} />}>
            Settings
          </Tabs.Tab>
          <Tabs.Tab value="retention" leftSection={<RetentionIcon size={16} />}>
            Retention
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="characters">
          <CharactersTab project={project} />
        </Tabs.Panel>
        <Tabs.Panel value="scene-types">
          {tab === 'scene-types' && <SceneTypesTab project={project} />}
        </Tabs.Panel>
        <Tabs.Panel value="matrix">{tab === 'matrix' && <MatrixTab project={project} />}</Tabs.Panel>
        <Tabs.Panel value="generation">
          {tab === 'generation' && <GenerationTab project={project} />}
        </Tabs.Panel>
        <Tabs.Panel value="metadata">
          {tab === 'metadata' && <MetadataTab current={versioned} blocked={readOnlyReason} />}
        </Tabs.Panel>
        <Tabs.Panel value="overview">
          <OverviewForm versioned={versioned} readOnlyReason={readOnlyReason} />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <Stack gap="lg">
            <SettingsForm versioned={versioned} readOnlyReason={readOnlyReason} />
            <ReadinessCriteriaForm versioned={versioned} readOnlyReason={readOnlyReason} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="retention">
          <RetentionForm versioned={versioned} readOnlyReason={readOnlyReason} />
        </Tabs.Panel>
      </Tabs>
      {/* Trashing the project belongs with its details, not under its character grid. */}
      {canWrite &&
        !project.deletedAt &&
        !['characters', 'scene-types', 'matrix', 'generation'].includes(tab) && (
          <DangerZone project={project} />
        )}
      <TransitionDialog
        action={pending}
        projectName={project.name}
        loading={transition.isPending}
        onConfirm={confirmTransition}
        onCancel={() => setPending(null)}
      />
    </>
  );
}
