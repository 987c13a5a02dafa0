// The project's trashed characters: restore them, or delete them for good (they are also purged automatically
// once the project's trash grace period has passed).
import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '@/api/client';
import type { CharacterSummary, Project } from '@/api/types';
import { unwrap, unwrapNoContent } from '@/api/unwrap';
import {
  ConfirmDialog,
  DateTimeText,
  EmptyList,
  LoadError,
  LoadMore,
  notifyError,
  notifySuccess,
  RestoreIcon,
  TableSkeleton,
  TrashIcon,
} from '@/components';
import { charactersKey } from './character-queries';

export function TrashView({ project, canEdit }: { project: Project; canEdit: boolean }) {
  const client = useQueryClient();
  const pages = useInfiniteQuery({
    queryKey: [...charactersKey, 'trash', project.id],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/projects/{id}/characters', {
          params: { path: { id: project.id }, query: { limit: 50, cursor: pageParam, deleted: 'only' } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    meta: { handlesErrors: true },
  });
  const refresh = () => void client.invalidateQueries({ queryKey: charactersKey });
  const restore = useMutation({
    mutationFn: (c: CharacterSummary) =>
      unwrap(api.POST('/api/v1/characters/{id}/restore', { params: { path: { id: c.id } } })),
    meta: { handlesErrors: true },
    onSuccess: (c) => {
      notifySuccess(`"${c.name}" is back among the characters.`, 'Restored');
      refresh();
    },
    onError: (e) => notifyError(e, 'Could not restore the character'),
  });
  const purge = useMutation({
    mutationFn: (c: CharacterSummary) =>
      unwrapNoContent(api.DELETE('/api/v1/characters/{id}/purge', { params: { path: { id: c.id } } })),
    meta: { handlesErrors: true },
    onSuccess: () => {
      notifySuccess('The character, its images and its scene videos were deleted.');
      setPurging(null);
      refresh();
    },
    onError: (e) => notifyError(e, 'Could not delete the character'),
  });
  const [purging, setPurging] = useState<CharacterSummary | null>(null);
  const items = pages.data?.pages.flatMap((p) => p.items);
  if (pages.isError && !items) {
    return <LoadError what="the trash" error={pages.error} onRetry={() => void pages.refetch()} />;
  }
  if (!items) {
    return (
      <Table>
        <TableSkeleton columns={3} rows={3} />
      </Table>
    );
  }
  if (items.length === 0) {
    return (
      <EmptyList
        title="The trash is empty"
        icon={<TrashIcon size={28} />}
        description={`Characters moved to the trash wait here for ${project.retention.trashGraceDays} days before they are deleted for good.`}
      />
    );
  }
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        Characters in the trash are deleted for good {project.retention.trashGraceDays} days after they were
        moved there.
      </Text>
      <Table verticalSpacing="sm" data-testid="character-trash">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Character</Table.Th>
            <Table.Th>Moved to the trash</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id} data-testid="trashed-character" data-character-name={c.name}>
              <Table.Td>
                <Anchor component={Link} to={`/projects/${project.id}/characters/${c.id}`}>
                  {c.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <DateTimeText value={c.deletedAt} relative />
              </Table.Td>
              <Table.Td>
                {canEdit && (
                  <Group gap="xs" justify="flex-end">
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<RestoreIcon size={14} />}
                      loading={restore.isPending && restore.variables?.id === c.id}
                      onClick={() => restore.mutate(c)}
                    >
                      Restore
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => setPurging(c)}>
                      Delete for good
                    </Button>
                  </Group>
                )}
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
        noun="character"
      />
      <ConfirmDialog
        opened={purging !== null}
        title={`Delete "${purging?.name ?? ''}" for good?`}
        confirmLabel="Delete for good"
        danger
        loading={purge.isPending}
        onCancel={() => setPurging(null)}
        onConfirm={() => purging && purge.mutate(purging)}
      >
        The character, its images, its scenes and their videos are deleted with their files. This cannot be
        undone.
      </ConfirmDialog>
    </>
  );
}
