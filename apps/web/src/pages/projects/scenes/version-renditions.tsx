// The files derived from one video version (PRD-039 §1.3, §1.5): a watermarked review cut to share for approval,
// and transcodes to output profiles — each with its progress while it is made and a download link once ready.
import { roleCan } from '@i2v/domain';
import { Anchor, Badge, Button, Group, Menu, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { useCurrentUser } from '@/auth/use-session';
import { DownloadIcon, notifyError, notifySuccess, OutputProfilesIcon } from '@/components';
import { formatFileSize } from '@/format/media';
import {
  type Rendition,
  useOutputProfiles,
  useRenditions,
  useRequestRendition,
} from '@/pages/settings/output-profiles/output-profile-queries';

const statusColors: Record<Rendition['status'], string> = {
  queued: 'gray',
  running: 'blue',
  ready: 'green',
  failed: 'red',
};

function RenditionLine({ r }: { r: Rendition }) {
  const label = r.kind === 'review_cut' ? 'Review cut' : (r.profile?.name ?? 'Deleted profile');
  return (
    <Stack gap={2} data-testid="rendition" data-kind={r.kind} data-status={r.status}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <Text size="sm" truncate>
            {label}
          </Text>
          {r.status !== 'ready' && (
            <Badge size="xs" variant="light" color={statusColors[r.status]}>
              {r.status}
            </Badge>
          )}
          {r.stale && (
            <Tooltip label="The profile changed after this file was made; make it again for the current settings">
              <Badge size="xs" variant="light" color="yellow">
                stale
              </Badge>
            </Tooltip>
          )}
        </Group>
        {r.file && (
          <Anchor
            href={r.file.url}
            download={r.file.filename}
            size="sm"
            data-testid="rendition-download"
            aria-label={`Download ${label}`}
          >
            <Group gap={4} wrap="nowrap">
              <DownloadIcon size={14} />
              {formatFileSize(r.file.sizeBytes)}
            </Group>
          </Anchor>
        )}
      </Group>
      {(r.status === 'queued' || r.status === 'running') && (
        <Progress value={Math.round(r.progress * 100)} size="sm" animated aria-label={`${label} progress`} />
      )}
      {r.status === 'failed' && r.error && (
        <Text size="xs" c="red">
          {r.error}
        </Text>
      )}
    </Stack>
  );
}

/** Review cut and transcode actions, and the renditions of a version. */
export function VersionRenditions({ versionId }: { versionId: string }) {
  const user = useCurrentUser();
  const canWrite = roleCan(user.role, 'content.write');
  const renditions = useRenditions(versionId);
  const request = useRequestRendition(versionId);
  const profiles = useOutputProfiles();
  const items = renditions.data ?? [];

  const ask = (body: { profileId: string } | { reviewCut: null }, what: string) =>
    request.mutate(body, {
      onSuccess: (r) =>
        notifySuccess(r.status === 'ready' ? `The ${what} is ready.` : `The ${what} is being made.`),
      onError: (e) => notifyError(e, `Could not make the ${what}`),
    });

  return (
    <Stack gap={6} data-testid="renditions">
      {canWrite && (
        <Group gap="xs">
          <Tooltip label="A watermarked copy to share for approval, with the project's review watermark">
            <Button
              size="xs"
              variant="light"
              loading={request.isPending}
              onClick={() => ask({ reviewCut: null }, 'review cut')}
            >
              Review cut
            </Button>
          </Tooltip>
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button size="xs" variant="subtle" leftSection={<OutputProfilesIcon size={14} />}>
                Transcode
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Output profile</Menu.Label>
              {(profiles.data ?? []).map((p) => (
                <Menu.Item key={p.id} onClick={() => ask({ profileId: p.id }, `${p.name} file`)}>
                  {p.name}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      )}
      {items.length > 0 && (
        <Stack gap={6}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            Renditions
          </Text>
          {items.map((r) => (
            <RenditionLine key={r.id} r={r} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
