// A project's character imports: drop a folder or ZIP to start one, and the earlier ones with their outcome.
import { roleCan } from '@i2v/domain';
import { Anchor, Breadcrumbs, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '@/api/api-error';
import { useCurrentUser } from '@/auth/use-session';
import { DateTimeText, EmptyList, LoadError, LoadMore, TableSkeleton, UploadIcon } from '@/components';
import { characterWriteBlockOf } from '../characters/character-fields';
import { ReadOnlyReason } from '../characters/read-only-reason';
import { useProject } from '../project-queries';
import { FolderDropZone } from './folder-drop-zone';
import { useImportPages, useStartImport } from './import-queries';
import { ImportStatusBadge } from './import-status-badge';

export function ImportsPage() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const user = useCurrentUser();
  const navigate = useNavigate();
  const pages = useImportPages(projectId);
  const start = useStartImport(projectId);
  const [sent, setSent] = useState<number | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const blocked = project.data
    ? characterWriteBlockOf(project.data.data, roleCan(user.role, 'content.write'))
    : null;
  const imports = pages.data?.pages.flatMap((p) => p.items);

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Breadcrumbs separator="/" separatorMargin={6} aria-label="Breadcrumb">
          <Anchor component={Link} to="/projects" size="sm" c="dimmed">
            Projects
          </Anchor>
          <Anchor component={Link} to={`/projects/${projectId}`} size="sm" c="dimmed">
            {project.data?.data.name ?? 'Project'}
          </Anchor>
          <Text size="sm" aria-current="page">
            Import characters
          </Text>
        </Breadcrumbs>
        <Title order={1} size="h2">
          Import characters
        </Title>
        <Text c="dimmed" size="sm" maw={720}>
          Bring many characters in at once from a folder on your computer or a ZIP of it. You see what each
          folder becomes before anything is written, and importing the same folder again only adds what is
          new.
        </Text>
      </Stack>
      {blocked ? (
        <ReadOnlyReason reason={blocked} />
      ) : (
        <FolderDropZone
          sent={sent}
          errors={errors}
          onUpload={(upload) => {
            setErrors([]);
            setSent(0);
            start.mutate(
              { upload, options: { onProgress: setSent } },
              {
                onSuccess: (started) => navigate(`/projects/${projectId}/imports/${started.id}`),
                onError: (error) => setErrors([isApiError(error) ? error.detail : String(error)]),
                onSettled: () => setSent(null),
              },
            );
          }}
        />
      )}
      <Card>
        <Title order={2} size="h4" mb="sm">
          Earlier imports
        </Title>
        {pages.isError && !imports ? (
          <LoadError what="imports" error={pages.error} onRetry={() => void pages.refetch()} />
        ) : !imports ? (
          <Table>
            <TableSkeleton rows={3} columns={4} />
          </Table>
        ) : imports.length === 0 ? (
          <EmptyList
            title="No imports yet"
            icon={<UploadIcon size={28} />}
            description="Drop a folder above: one sub-folder per character, each with a source image."
          />
        ) : (
          <>
            <Table verticalSpacing="sm" data-testid="imports-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Upload</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Characters</Table.Th>
                  <Table.Th>Started</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {imports.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/projects/${projectId}/imports/${i.id}`}>
                        {i.sourceName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <ImportStatusBadge status={i.status} />
                    </Table.Td>
                    <Table.Td>
                      {i.report
                        ? `${i.report.created} new, ${i.report.updated} updated`
                        : i.totals
                          ? `${i.totals.entries} folders`
                          : '—'}
                    </Table.Td>
                    <Table.Td>
                      <DateTimeText value={i.createdAt} relative />
                      {i.createdBy && (
                        <Text size="xs" c="dimmed">
                          by {i.createdBy.displayName}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <LoadMore
              shown={imports.length}
              hasMore={pages.hasNextPage}
              loading={pages.isFetchingNextPage}
              onLoadMore={() => void pages.fetchNextPage()}
              noun="import"
            />
          </>
        )}
      </Card>
    </Stack>
  );
}
