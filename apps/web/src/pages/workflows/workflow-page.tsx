// One workflow: its versions (newest first), upload of a new version, and the chosen version's parameters,
// validation per worker, dry run and diff.
import { roleCan } from '@i2v/domain';
import {
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '@/api/api-error';
import { useCurrentUser } from '@/auth/use-session';
import {
  ConfirmDialog,
  DateTimeText,
  DiffIcon,
  DryRunIcon,
  LoadError,
  notifyError,
  notifySuccess,
  SettingsIcon,
  TrashIcon,
  ValidateIcon,
} from '@/components';
import { WorkflowFileDrop } from './workflow-file-button';
import { useDeleteWorkflow, useUploadWorkflow, useWorkflow, useWorkflowVersion } from './workflow-queries';
import { DiffPanel, DryRunPanel, SlotsPanel, ValidationPanel } from './workflow-version-panels';
import { ProductionReadyBadge } from './workflows-page';

export function WorkflowPage() {
  const { workflowId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const user = useCurrentUser();
  const canWrite = roleCan(user.role, 'content.write');
  const workflow = useWorkflow(workflowId);
  const versionId = params.get('version') ?? workflow.data?.latestVersion?.id ?? null;
  const version = useWorkflowVersion(versionId);
  const upload = useUploadWorkflow(workflowId);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteWorkflow();
  const navigate = useNavigate();

  if (workflow.isError) {
    return <LoadError what="the workflow" error={workflow.error} onRetry={() => void workflow.refetch()} />;
  }
  const w = workflow.data;
  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Breadcrumbs separator="/" separatorMargin={6} aria-label="Breadcrumb">
          <Anchor component={Link} to="/workflows" size="sm" c="dimmed">
            Workflows
          </Anchor>
          <Text size="sm" aria-current="page">
            {w?.name ?? '…'}
          </Text>
        </Breadcrumbs>
        <Group justify="space-between">
          <Title order={1} size="h2">
            {w?.name ?? <Skeleton h={28} w={240} />}
          </Title>
          {canWrite && w && (
            <Button
              variant="default"
              color="red"
              leftSection={<TrashIcon size={16} />}
              onClick={() => setConfirming(true)}
            >
              Delete
            </Button>
          )}
        </Group>
        <ConfirmDialog
          opened={confirming}
          title="Delete this workflow?"
          confirmLabel="Delete workflow"
          danger
          loading={remove.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            remove.mutate(workflowId, {
              onSuccess: () => {
                notifySuccess(`"${w?.name}" was deleted.`, 'Workflow deleted');
                navigate('/workflows');
              },
              onError: (e) => {
                setConfirming(false);
                notifyError(e, 'Could not delete the workflow');
              },
            })
          }
        >
          Its versions go with it. A workflow that a scene type pins cannot be deleted: pin another one there
          first.
        </ConfirmDialog>
        {w?.description && (
          <Text c="dimmed" size="sm" maw={720}>
            {w.description}
          </Text>
        )}
      </Stack>
      <Card>
        <Title order={2} size="h4" mb="sm">
          Versions
        </Title>
        <Table verticalSpacing="xs" highlightOnHover data-testid="workflow-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Format</Table.Th>
              <Table.Th>Nodes</Table.Th>
              <Table.Th>Parameters</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Imported</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(w?.versions ?? []).map((v) => (
              <Table.Tr
                key={v.id}
                style={{ cursor: 'pointer' }}
                bg={v.id === versionId ? 'var(--mantine-color-default-hover)' : undefined}
                onClick={() => setParams({ version: v.id })}
              >
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => setParams({ version: v.id })}>
                    v{v.number}
                  </Anchor>
                  {v.notes && (
                    <Text size="xs" c="dimmed">
                      {v.notes}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{v.sourceFormat.toUpperCase()}</Table.Td>
                <Table.Td>{v.nodeCount}</Table.Td>
                <Table.Td>{v.slotCount}</Table.Td>
                <Table.Td>
                  <ProductionReadyBadge ready={v.productionReady} />
                </Table.Td>
                <Table.Td>
                  <DateTimeText value={v.createdAt} relative />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {canWrite && (
          <Stack mt="md">
            <WorkflowFileDrop
              label="Upload a new version"
              busy={upload.isPending}
              error={error}
              onFile={(file) => {
                setError(null);
                upload.mutate(
                  { file },
                  {
                    onSuccess: (r) => setParams({ version: r.version.id }),
                    onError: (e) => setError(isApiError(e) ? e.detail : String(e)),
                  },
                );
              }}
            />
          </Stack>
        )}
      </Card>
      {version.isError && (
        <LoadError what="the version" error={version.error} onRetry={() => void version.refetch()} />
      )}
      {version.data && w && (
        <Card data-testid="workflow-version">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              Version {version.data.number}
            </Title>
            <ProductionReadyBadge ready={version.data.productionReady} />
          </Group>
          <Text size="sm" c="dimmed" mb="md">
            Production ready once it passed validation on at least one worker and its last dry run passed.
          </Text>
          <Tabs defaultValue="parameters" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="parameters" leftSection={<SettingsIcon size={16} />}>
                Parameters
              </Tabs.Tab>
              <Tabs.Tab value="validation" leftSection={<ValidateIcon size={16} />}>
                Validation
              </Tabs.Tab>
              <Tabs.Tab value="dry-run" leftSection={<DryRunIcon size={16} />}>
                Dry run
              </Tabs.Tab>
              <Tabs.Tab value="diff" leftSection={<DiffIcon size={16} />} disabled={w.versions.length < 2}>
                Compare versions
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="parameters" pt="md">
              <SlotsPanel version={version.data} canWrite={canWrite} />
            </Tabs.Panel>
            <Tabs.Panel value="validation" pt="md">
              <ValidationPanel version={version.data} canWrite={canWrite} />
            </Tabs.Panel>
            <Tabs.Panel value="dry-run" pt="md">
              <DryRunPanel version={version.data} canWrite={canWrite} />
            </Tabs.Panel>
            <Tabs.Panel value="diff" pt="md">
              <DiffPanel workflow={w} versionId={version.data.id} />
            </Tabs.Panel>
          </Tabs>
        </Card>
      )}
    </Stack>
  );
}
