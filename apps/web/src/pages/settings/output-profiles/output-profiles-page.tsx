// Studio settings: output profiles (PRD-039 §1.5) — the formats scene videos are delivered in. Presets ship with the
// studio and are read-only; duplicate one to make a profile of your own.
import { roleCan } from '@i2v/domain';
import { ActionIcon, Badge, Button, Card, Group, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useCurrentUser } from '@/auth/use-session';
import {
  AddIcon,
  ConfirmDialog,
  CopyIcon,
  EditIcon,
  EmptyList,
  LoadError,
  MoreActionsIcon,
  notifyError,
  notifySuccess,
  OutputProfilesIcon,
  PageHeader,
  TableSkeleton,
  TrashIcon,
} from '@/components';
import { OutputProfileForm } from './output-profile-form';
import {
  type OutputProfile,
  useDeleteOutputProfile,
  useDuplicateOutputProfile,
  useOutputProfiles,
} from './output-profile-queries';

const codecNames: Record<OutputProfile['videoCodec'], string> = {
  h264: 'H.264',
  h265: 'H.265',
  vp9: 'VP9',
  prores: 'ProRes',
};

/** "MP4 · H.265 · 1280×720 · 25 fps · CRF 26": the profile in one line. */
export function profileSummary(p: OutputProfile): string {
  return [
    p.container.toUpperCase(),
    codecNames[p.videoCodec],
    p.width && p.height ? `${p.width}×${p.height}` : 'source size',
    p.fps ? `${p.fps} fps` : null,
    p.bitrateKbps
      ? `${p.bitrateKbps >= 1000 ? `${p.bitrateKbps / 1000} Mbps` : `${p.bitrateKbps} kbps`}`
      : `CRF ${p.crf}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

function ProfileRow({
  profile: p,
  canWrite,
  onEdit,
  onDuplicate,
  onDelete,
}: {
  profile: OutputProfile;
  canWrite: boolean;
  onEdit: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
}) {
  return (
    <Table.Tr data-testid="output-profile-row" data-name={p.name} data-preset={p.isPreset || undefined}>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" fw={500}>
            {p.name}
          </Text>
          {p.isPreset && (
            <Badge size="sm" variant="light" color="gray">
              Preset
            </Badge>
          )}
        </Group>
        {p.description && (
          <Text size="xs" c="dimmed">
            {p.description}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{profileSummary(p)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          {p.pixelFormat}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{p.audio === 'silent' ? 'Silent track' : 'None'}</Text>
      </Table.Td>
      {canWrite && (
        <Table.Td>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${p.name}`}>
                <MoreActionsIcon size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {!p.isPreset && (
                <Menu.Item leftSection={<EditIcon size={14} />} onClick={onEdit}>
                  Edit
                </Menu.Item>
              )}
              <Menu.Item leftSection={<CopyIcon size={14} />} onClick={onDuplicate}>
                Duplicate
              </Menu.Item>
              {!p.isPreset && (
                <Menu.Item color="red" leftSection={<TrashIcon size={14} />} onClick={onDelete}>
                  Delete
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

export function OutputProfilesPage() {
  const user = useCurrentUser();
  const canWrite = roleCan(user.role, 'content.write');
  const profiles = useOutputProfiles();
  const duplicate = useDuplicateOutputProfile();
  const remove = useDeleteOutputProfile();
  const [editing, setEditing] = useState<OutputProfile | null>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<OutputProfile | null>(null);
  // presets first, then the studio's own, each by name (the server lists by name)
  const sorted = profiles.data && [...profiles.data].sort((a, b) => Number(b.isPreset) - Number(a.isPreset));

  const newButton = (
    <Button leftSection={<AddIcon size={16} />} onClick={() => setCreating(true)}>
      New output profile
    </Button>
  );
  const columns = ['Name', 'Format', 'Pixel format', 'Audio'];
  return (
    <>
      <PageHeader
        title="Output profiles"
        description="The formats scene videos are delivered in: container, codec, size, frame rate and quality. A delivery transcodes every video to the profile you pick; presets are read-only, so duplicate one to change it."
        actions={canWrite ? newButton : undefined}
      />
      {profiles.isError ? (
        <LoadError what="output profiles" error={profiles.error} onRetry={() => void profiles.refetch()} />
      ) : (
        <Card p={0}>
          <Table.ScrollContainer minWidth={760}>
            <Table aria-label="Output profiles" data-testid="output-profiles-table">
              <Table.Thead>
                <Table.Tr>
                  {columns.map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                  {canWrite && (
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              {sorted === undefined ? (
                <TableSkeleton columns={columns.length + (canWrite ? 1 : 0)} rows={5} />
              ) : (
                <Table.Tbody>
                  {sorted.length === 0 ? (
                    <Table.Tr>
                      <Table.Td colSpan={columns.length + 1}>
                        <EmptyList
                          title="No output profiles"
                          icon={<OutputProfilesIcon size={28} />}
                          description="Create a profile for each platform you deliver to."
                          action={canWrite ? newButton : undefined}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ) : (
                    sorted.map((p) => (
                      <ProfileRow
                        key={p.id}
                        profile={p}
                        canWrite={canWrite}
                        onEdit={() => setEditing(p)}
                        onDuplicate={() =>
                          duplicate.mutate(p, {
                            onSuccess: (copy) => {
                              notifySuccess(`"${copy.name}" was created; edit it to make it your own.`);
                              setEditing(copy);
                            },
                            onError: (e) => notifyError(e, 'Could not duplicate the profile'),
                          })
                        }
                        onDelete={() => setDeleting(p)}
                      />
                    ))
                  )}
                </Table.Tbody>
              )}
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <OutputProfileForm
        opened={creating || editing !== null}
        profile={editing}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
        onSaved={(p) => notifySuccess(`"${p.name}" was saved.`)}
      />
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete output profile"
        confirmLabel="Delete"
        danger
        loading={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting, {
            onSuccess: () => notifySuccess(`"${deleting.name}" was deleted.`),
            onError: (e) => notifyError(e, 'Could not delete the profile'),
            onSettled: () => setDeleting(null),
          })
        }
        onCancel={() => !remove.isPending && setDeleting(null)}
      >
        <b>{deleting?.name}</b> and every file transcoded to it are deleted. Deliveries already made keep
        their files.
      </ConfirmDialog>
    </>
  );
}
