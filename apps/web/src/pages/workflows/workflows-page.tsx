// The studio's ComfyUI workflows: import one from a file, and the list with each one's latest version.
import { roleCan } from '@i2v/domain';
import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '@/api/api-error';
import { useCurrentUser } from '@/auth/use-session';
import {
  DateTimeText,
  EmptyList,
  LoadError,
  LoadMore,
  PageHeader,
  SearchIcon,
  TableSkeleton,
  UploadIcon,
} from '@/components';
import { PullWorkflowModal } from './pull-workflow-modal';
import { WorkflowFileDrop } from './workflow-file-button';
import { useUploadWorkflow, useWorkflowPages } from './workflow-queries';

export function ProductionReadyBadge({ ready }: { ready: boolean }) {
  return ready ? (
    <Badge color="green" variant="light" data-testid="production-ready">
      Production ready
    </Badge>
  ) : (
    <Badge color="gray" variant="light">
      Not production ready
    </Badge>
  );
}

export function WorkflowsPage() {
  const user = useCurrentUser();
  const canWrite = roleCan(user.role, 'content.write');
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const pages = useWorkflowPages(q);
  const upload = useUploadWorkflow();
  const [error, setError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<File | null>(null);
  const [pulling, setPulling] = useState(false);
  const items = pages.data?.pages.flatMap((p) => p.items);
  const send = (file: File, allowDuplicate = false) => {
    setError(null);
    setDuplicate(null);
    upload.mutate(
      { file, allowDuplicate },
      {
        onSuccess: (r) => navigate(`/workflows/${r.workflow.id}?version=${r.version.id}`),
        onError: (e) => {
          if (isApiError(e) && e.code === 'workflow.duplicate') setDuplicate(file);
          setError(
            isApiError(e)
              ? [e.detail, ...e.fieldErrors.slice(0, 5).map((f) => `${f.field}: ${f.message}`)].join(' — ')
              : String(e),
          );
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title="Workflows"
        description="ComfyUI workflows the studio runs. Import one, check its parameters, validate it on the workers and give it a dry run; scene types then pin one of its versions."
        actions={
          canWrite && (
            <Button variant="default" onClick={() => setPulling(true)} data-testid="pull-workflow">
              Pull from a worker
            </Button>
          )
        }
      />
      <PullWorkflowModal
        opened={pulling}
        onClose={() => setPulling(false)}
        onPulled={(workflowId, versionId) => {
          setPulling(false);
          navigate(`/workflows/${workflowId}?version=${versionId}`);
        }}
      />
      {canWrite && (
        <WorkflowFileDrop
          label="Import a workflow"
          busy={upload.isPending}
          error={error}
          onFile={(file) => send(file)}
        />
      )}
      {duplicate && (
        <Group>
          <Button variant="light" onClick={() => send(duplicate, true)} data-testid="import-anyway">
            Import “{duplicate.name}” anyway
          </Button>
        </Group>
      )}
      <Card>
        <TextInput
          mb="sm"
          maw={360}
          placeholder="Search by name or description"
          leftSection={<SearchIcon size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          aria-label="Search workflows"
        />
        {pages.isError && !items ? (
          <LoadError what="workflows" error={pages.error} onRetry={() => void pages.refetch()} />
        ) : !items ? (
          <Table>
            <TableSkeleton rows={3} columns={5} />
          </Table>
        ) : items.length === 0 ? (
          <EmptyList
            title={q ? 'No workflow matches' : 'No workflows yet'}
            icon={q ? <SearchIcon size={28} /> : <UploadIcon size={28} />}
            description={
              q
                ? 'Try another name.'
                : 'Export a workflow from ComfyUI (Save, or Export (API)) and drop the file above.'
            }
          />
        ) : (
          <>
            <Table verticalSpacing="sm" data-testid="workflows-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Workflow</Table.Th>
                  <Table.Th>Latest version</Table.Th>
                  <Table.Th>Nodes</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Updated</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((w) => (
                  <Table.Tr key={w.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/workflows/${w.id}`}>
                        {w.name}
                      </Anchor>
                      {w.description && (
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {w.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {w.latestVersion
                        ? `v${w.latestVersion.number} (${w.latestVersion.sourceFormat.toUpperCase()})`
                        : '—'}
                    </Table.Td>
                    <Table.Td>{w.latestVersion?.nodeCount ?? '—'}</Table.Td>
                    <Table.Td>
                      <ProductionReadyBadge ready={w.latestVersion?.productionReady ?? false} />
                    </Table.Td>
                    <Table.Td>
                      <DateTimeText value={w.updatedAt} relative />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <LoadMore
              shown={items.length}
              hasMore={pages.hasNextPage}
              loading={pages.isFetchingNextPage}
              onLoadMore={() => void pages.fetchNextPage()}
              noun="workflow"
            />
          </>
        )}
      </Card>
    </Stack>
  );
}
