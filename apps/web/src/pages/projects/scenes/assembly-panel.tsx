// A scene's assembly (PRD-025): whether every segment is approved, whether assembling copies the streams or
// re-encodes (and why), each join's SSIM and whether it will be crossfaded, and the Assemble button with the
// smoothing choice and the joins to accept as they are.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api } from '@/api/client';
import { unwrap } from '@/api/unwrap';
import { LoadError, notifyError, notifySuccess } from '@/components';

type Smoothing = 'auto' | 'off' | 'all';
const smoothingOptions = [
  { value: 'auto', label: 'Auto: crossfade joins under the threshold' },
  { value: 'off', label: 'Off: never crossfade' },
  { value: 'all', label: 'All: crossfade every join' },
];
// under the scene's key: a run or a decision that refetches the scene refetches its assembly too
const assemblyKey = (sceneId: string) => ['scenes', sceneId, 'assembly'] as const;

export function AssemblyPanel({
  sceneId,
  projectId,
  approved,
  canEdit,
}: {
  sceneId: string;
  projectId: string;
  /** The scene is approved: its assembly was requested and its final version comes in a moment. */
  approved: boolean;
  canEdit: boolean;
}) {
  const client = useQueryClient();
  const preview = useQuery({
    queryKey: assemblyKey(sceneId),
    queryFn: () => unwrap(api.GET('/api/v1/scenes/{id}/assembly', { params: { path: { id: sceneId } } })),
    refetchInterval: (query) => (approved && !query.state.data?.assembled ? 2_000 : 10_000),
    meta: { handlesErrors: true },
  });
  // a new assembled version: the scene's status and its versions below change with it
  const assembledId = preview.data ? (preview.data.assembled?.versionId ?? null) : undefined;
  const seenAssembled = useRef(assembledId);
  useEffect(() => {
    if (assembledId === undefined) return;
    if (seenAssembled.current !== undefined && assembledId !== null && assembledId !== seenAssembled.current)
      void client.invalidateQueries({ queryKey: ['scenes', sceneId] });
    seenAssembled.current = assembledId;
  }, [assembledId, client, sceneId]);
  const [smoothing, setSmoothing] = useState<Smoothing>('auto');
  const [accepted, setAccepted] = useState<number[]>([]);
  const assemble = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/scenes/{id}/assemble', {
          params: { path: { id: sceneId } },
          body: { smoothing, acceptJoins: accepted },
        }),
      ),
    onSuccess: () => notifySuccess('Assembly queued: the final version appears under Versions.'),
    onError: (e) => notifyError(e, 'Could not assemble the scene'),
    onSettled: () => client.invalidateQueries({ queryKey: assemblyKey(sceneId) }),
  });

  const a = preview.data;
  const willSmooth = (j: { join: number; smoothed: boolean }) =>
    !accepted.includes(j.join) && (smoothing === 'all' || (smoothing === 'auto' && j.smoothed));

  return (
    <Card withBorder data-testid="assembly-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>Assembly</Text>
          {a && (
            <Badge
              variant="light"
              color={a.assembled ? 'teal' : a.ready ? 'green' : 'gray'}
              data-testid="assembly-ready"
              data-ready={a.ready}
            >
              {a.assembled
                ? `Assembled · version ${a.assembled.versionNumber}`
                : a.ready
                  ? 'Ready to assemble'
                  : 'Not ready'}
            </Badge>
          )}
        </Group>
        {preview.isError && !a ? (
          <LoadError what="the assembly" error={preview.error} onRetry={() => void preview.refetch()} />
        ) : !a ? (
          <Skeleton height={80} />
        ) : (
          <>
            {a.assembled && (
              <Text size="sm" data-testid="assembly-next">
                Version {a.assembled.versionNumber} is the final video, made from the approved segments. Next:{' '}
                <Anchor component={Link} to={`/projects/${projectId}/delivery`}>
                  Deliver the project
                </Anchor>
                .
              </Text>
            )}
            {a.unapproved.length > 0 && (
              <Text size="sm" c="dimmed" data-testid="assembly-unapproved">
                Approve segment{a.unapproved.length > 1 ? 's' : ''} {a.unapproved.join(', ')} before
                assembling.
              </Text>
            )}
            {a.problem && (
              <Alert color="red" variant="light" data-testid="assembly-problem">
                {a.problem}
              </Alert>
            )}
            <Group gap="xs" data-testid="assembly-method" data-method={a.method ?? ''}>
              <Text size="sm">
                Method:{' '}
                <b>{a.method === 'copy' ? 'stream copy' : a.method === 'reencode' ? 're-encode' : '—'}</b>
                {a.frames !== null && ` · ${a.frames} frames`}
                {a.durationSeconds !== null && ` · ${a.durationSeconds.toFixed(2)} s`}
              </Text>
            </Group>
            {a.reasons.length > 0 && (
              <Stack gap={2} data-testid="assembly-reasons">
                {a.reasons.map((r) => (
                  <Text key={r} size="xs" c="dimmed">
                    · {r}
                  </Text>
                ))}
              </Stack>
            )}
            {a.joins.length > 0 && (
              <Table verticalSpacing={4} aria-label="Joins" data-testid="assembly-joins">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Join</Table.Th>
                    <Table.Th ta="right">SSIM</Table.Th>
                    <Table.Th>Smoothed</Table.Th>
                    <Table.Th>Accept as is</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {a.joins.map((j) => (
                    <Table.Tr key={j.join} data-testid="assembly-join" data-join={j.join}>
                      <Table.Td>
                        {j.join} → {j.join + 1}
                      </Table.Td>
                      <Table.Td ta="right" data-testid="join-ssim">
                        {j.ssim === null ? '—' : j.ssim.toFixed(3)}
                      </Table.Td>
                      <Table.Td data-testid="join-smoothed" data-smoothed={willSmooth(j)}>
                        {willSmooth(j) ? 'crossfade' : 'cut'}
                      </Table.Td>
                      <Table.Td>
                        <Checkbox
                          aria-label={`Accept join ${j.join} as is`}
                          checked={accepted.includes(j.join)}
                          disabled={!canEdit}
                          onChange={(e) => {
                            const on = e.currentTarget.checked;
                            setAccepted((cur) => (on ? [...cur, j.join] : cur.filter((x) => x !== j.join)));
                          }}
                          data-testid="join-accept"
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {canEdit && (
              <Group align="flex-end" gap="sm">
                <Select
                  label="Smoothing"
                  data={smoothingOptions}
                  value={smoothing}
                  onChange={(v) => setSmoothing((v as Smoothing | null) ?? 'auto')}
                  allowDeselect={false}
                  w={320}
                  data-testid="assembly-smoothing"
                />
                <Button
                  onClick={() => assemble.mutate()}
                  loading={assemble.isPending}
                  disabled={!a.ready || a.problem !== null}
                  data-testid="assemble"
                >
                  Assemble
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
