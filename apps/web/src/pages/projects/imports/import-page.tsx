// One character import: its progress while the upload is analysed, the preview (one row per character folder, with
// renames and skips) while it is ready, its progress while importing, and what it did once completed.
import { roleCan } from '@i2v/domain';
import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Progress,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/api/api-error';
import type { CharacterImport, ImportEntry } from '@/api/types';
import { useCurrentUser } from '@/auth/use-session';
import { ErrorIcon, LoadError, notifyError, notifySuccess, WarningIcon } from '@/components';
import { countOf } from '@/format/count';
import { charactersKey } from '../characters/character-queries';
import { useProject } from '../project-queries';
import { useAdjustImport, useCancelImport, useCommitImport, useImport } from './import-queries';
import { ImportActionBadge, ImportStatusBadge } from './import-status-badge';

function ProgressCard({ current }: { current: CharacterImport }) {
  const { done, total } = current.progress;
  const share = total > 0 ? Math.round((done / total) * 100) : 0;
  const what =
    current.status === 'analysing' ? 'Checking every image and metadata file' : 'Importing characters';
  return (
    <Card data-testid="import-progress">
      <Stack gap="xs">
        <Text size="sm">
          {what}: {done} of {total}
          {current.status === 'analysing' ? ' files' : ' steps'}…
        </Text>
        <Progress value={Math.max(share, 2)} animated aria-label={what} />
        <Text size="xs" c="dimmed">
          You can leave this page; the work goes on and this page picks it up again.
        </Text>
      </Stack>
    </Card>
  );
}

function EntryName({
  entry,
  editable,
  onRename,
}: {
  entry: ImportEntry;
  editable: boolean;
  onRename: (name: string) => void;
}) {
  const [value, setValue] = useState(entry.name);
  useEffect(() => setValue(entry.name), [entry.name]);
  if (!editable) return <Text fw={500}>{entry.name}</Text>;
  const commit = () => {
    const next = value.trim();
    if (next && next !== entry.name) onRename(next);
    else setValue(entry.name);
  };
  return (
    <TextInput
      size="xs"
      aria-label={`Character name for ${entry.folder}`}
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
      maxLength={120}
      w={200}
    />
  );
}

function describeContents(entry: ImportEntry): string {
  const parts: string[] = [];
  if (entry.sourceImage) parts.push('source image');
  for (const [slug, count] of Object.entries(entry.variants)) parts.push(`${count} ${slug}`);
  if (entry.metadataChange) parts.push('metadata');
  if (parts.length === 0) return entry.action === 'unchanged' ? 'nothing new' : '—';
  return `${entry.newImages} new image${entry.newImages === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

function PreviewTable({ current, editable }: { current: CharacterImport; editable: boolean }) {
  const adjust = useAdjustImport(current.id);
  const change = (folder: string, patch: { name?: string; skip?: boolean }) =>
    adjust.mutate([{ folder, ...patch }], {
      onError: (error) => notifyError(isApiError(error) ? error.detail : String(error)),
    });
  return (
    <Table verticalSpacing="sm" data-testid="import-preview">
      <Table.Thead>
        <Table.Tr>
          {editable && <Table.Th w={60}>Import</Table.Th>}
          <Table.Th>Folder</Table.Th>
          <Table.Th>Character</Table.Th>
          <Table.Th>{current.status === 'completed' ? 'Result' : 'What happens'}</Table.Th>
          <Table.Th>Contents</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {current.entries.map((entry) => (
          <Table.Tr key={entry.folder} data-testid="import-entry" data-folder={entry.folder}>
            {editable && (
              <Table.Td>
                <Checkbox
                  aria-label={`Import ${entry.folder}`}
                  checked={entry.action !== 'skip'}
                  onChange={(e) => change(entry.folder, { skip: !e.currentTarget.checked })}
                />
              </Table.Td>
            )}
            <Table.Td>
              <Text size="sm" ff="monospace">
                {entry.folder}
              </Text>
            </Table.Td>
            <Table.Td>
              <EntryName
                entry={entry}
                editable={editable && entry.action !== 'skip'}
                onRename={(name) => change(entry.folder, { name })}
              />
            </Table.Td>
            <Table.Td>
              <ImportActionBadge entry={entry} done={current.status === 'completed'} />
            </Table.Td>
            <Table.Td>
              {entry.errors.length === 0 && <Text size="sm">{describeContents(entry)}</Text>}
              {entry.errors.length > 0 && entry.action !== 'skip' && (
                <List
                  size="xs"
                  mt={4}
                  spacing={2}
                  icon={<ErrorIcon size={12} color="var(--mantine-color-red-6)" />}
                >
                  {entry.errors.map((e) => (
                    <List.Item key={e}>
                      <Text size="xs" c="red">
                        {e}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
              {entry.warnings.length > 0 && (
                <List
                  size="xs"
                  mt={4}
                  spacing={2}
                  icon={<WarningIcon size={12} color="var(--mantine-color-yellow-7)" />}
                >
                  {entry.warnings.map((w) => (
                    <List.Item key={w}>
                      <Text size="xs" c="dimmed">
                        {w}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ReadyActions({ current }: { current: CharacterImport }) {
  const commit = useCommitImport(current.id);
  const cancel = useCancelImport(current.id);
  const totals = current.totals!;
  const invalid = current.entries.filter((e) => e.action !== 'skip' && e.errors.length > 0).length;
  const importable = totals.create + totals.update;
  const run = (skipInvalid: boolean) =>
    commit.mutate(skipInvalid, {
      onError: (error) => notifyError(isApiError(error) ? error.detail : String(error)),
    });
  return (
    <Group justify="space-between" wrap="wrap">
      <Text size="sm" data-testid="import-summary">
        {totals.create} new, {totals.update} adding to existing, {totals.unchanged} already imported,{' '}
        {totals.skip} skipped{invalid > 0 ? `; ${invalid} with errors` : ''}.
      </Text>
      <Group gap="sm">
        <Button
          variant="default"
          loading={cancel.isPending}
          onClick={() =>
            cancel.mutate(undefined, {
              onSuccess: () => notifySuccess('The upload was discarded.', 'Import cancelled'),
            })
          }
        >
          Cancel import
        </Button>
        {invalid > 0 ? (
          <Button
            color="yellow"
            disabled={importable <= 0}
            loading={commit.isPending}
            onClick={() => run(true)}
            data-testid="import-commit"
          >
            Import {importable} valid, skip {invalid}
          </Button>
        ) : (
          <Button loading={commit.isPending} onClick={() => run(false)} data-testid="import-commit">
            {importable > 0
              ? `Import ${importable} character${importable === 1 ? '' : 's'}`
              : 'Finish (nothing new)'}
          </Button>
        )}
      </Group>
    </Group>
  );
}

function Report({ current, projectId }: { current: CharacterImport; projectId: string }) {
  const report = current.report!;
  return (
    <Alert color="green" title="Import completed" data-testid="import-report">
      <Stack gap="xs">
        <Text size="sm">
          {countOf(report.created, 'character')} created, {report.updated} updated, {report.unchanged} already
          up to date, {report.skipped} skipped; {report.images} images added. New image variants wait for a
          decision on each character page.
        </Text>
        <Group gap="xs">
          {report.characters
            .filter((c) => c.characterId && c.action !== 'skip')
            .slice(0, 30)
            .map((c) => (
              <Badge
                key={c.folder}
                component={Link}
                to={`/projects/${projectId}/characters/${c.characterId}`}
                variant="outline"
                style={{ cursor: 'pointer' }}
              >
                {c.name}
              </Badge>
            ))}
        </Group>
        <Group>
          <Button component={Link} to={`/projects/${projectId}`} variant="light">
            Open the characters
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

export function ImportPage() {
  const { projectId = '', importId = '' } = useParams();
  const project = useProject(projectId);
  const query = useImport(importId);
  const user = useCurrentUser();
  const client = useQueryClient();
  const current = query.data;
  const canWrite = roleCan(user.role, 'content.write');
  const commit = useCommitImport(importId);

  useEffect(() => {
    if (current?.status === 'completed') void client.invalidateQueries({ queryKey: charactersKey });
  }, [current?.status, client]);

  let body: ReactNode;
  if (query.isError) {
    body = <LoadError what="the import" error={query.error} onRetry={() => void query.refetch()} />;
  } else if (!current) {
    body = <Skeleton height={200} />;
  } else {
    const editable = canWrite && current.status === 'ready';
    body = (
      <Stack gap="md">
        {(current.status === 'analysing' || current.status === 'importing') && (
          <ProgressCard current={current} />
        )}
        {current.status === 'failed' && (
          <Alert
            color="red"
            title="The import failed; nothing was changed"
            icon={<ErrorIcon />}
            data-testid="import-error"
          >
            <Stack gap="xs">
              <Text size="sm">{current.error}</Text>
              {canWrite && current.entries.length > 0 && (
                <Group>
                  <Button size="xs" onClick={() => commit.mutate(true)} loading={commit.isPending}>
                    Try again
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        )}
        {current.status === 'completed' && current.report && (
          <Report current={current} projectId={projectId} />
        )}
        {current.status === 'cancelled' && (
          <Alert color="gray" title="Cancelled">
            This import was cancelled and its upload discarded. Drop the folder again to start over.
          </Alert>
        )}
        {current.status === 'ready' && canWrite && <ReadyActions current={current} />}
        {current.ignoredFiles.length > 0 && (
          <Text size="xs" c="dimmed">
            Ignored: {current.ignoredFiles.map((f) => `${f.path} ${f.note ?? ''}`).join('; ')}
          </Text>
        )}
        {current.entries.length > 0 && (
          <Card p={0}>
            <PreviewTable current={current} editable={editable} />
          </Card>
        )}
      </Stack>
    );
  }

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
          <Anchor component={Link} to={`/projects/${projectId}/imports`} size="sm" c="dimmed">
            Imports
          </Anchor>
          <Text size="sm" aria-current="page">
            {current?.sourceName ?? 'Import'}
          </Text>
        </Breadcrumbs>
        <Group gap="sm">
          <Title order={1} size="h2">
            Import of {current?.sourceName ?? '…'}
          </Title>
          {current && <ImportStatusBadge status={current.status} />}
        </Group>
      </Stack>
      {body}
    </Stack>
  );
}
