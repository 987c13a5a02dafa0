// One scene (character × scene type × variant): its delivered file name, tags, its generation (PRD-024: runs, the chain
// of segments with their QA, approve and regenerate) and every video version (PRD-109) — play any version, import a
// new one (it becomes final), make an older one final again, trash, restore, purge.
import { isBrowserPlayable, roleCan } from '@i2v/domain';
import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Code,
  FileButton,
  Group,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '@/api/api-error';
import type { Scene, SceneVideoVersion } from '@/api/types';
import { useCurrentUser } from '@/auth/use-session';
import {
  CompareIcon,
  ConfirmDialog,
  DateTimeText,
  EmptyList,
  LoadError,
  notifyError,
  notifySuccess,
  PinnedNotes,
  proxyUrlOf,
  RestoreIcon,
  spriteUrlOf,
  TrashIcon,
  UploadIcon,
  VideoPlayer,
} from '@/components';
import { formatFileSize } from '@/format/media';
import { badTagError, normaliseTags } from '@/format/tags';
import { characterWriteBlockOf } from '../characters/character-fields';
import { useTagSuggestions } from '../characters/character-queries';
import { ReadOnlyReason } from '../characters/read-only-reason';
import { compareUrl } from '../compare/compare-sources';
import { useProject } from '../project-queries';
import { AssemblyPanel } from './assembly-panel';
import { GenerationPanel } from './generation-panel';
import {
  useImportVersion,
  usePurgeVersion,
  useRestoreVersion,
  useScene,
  useSceneVersions,
  useSetFinal,
  useSetSceneTags,
  useTrashVersion,
} from './scene-queries';
import { SceneReview } from './scene-review';
import { VersionRenditions } from './version-renditions';

const acceptedVideoTypes = 'video/mp4,video/quicktime,video/webm,.mp4,.mov,.webm';

const duration = (s: number) => `${s.toFixed(2)} s`;

function VersionFacts({ v }: { v: SceneVideoVersion }) {
  return (
    <Text size="xs" c="dimmed" data-testid="version-facts">
      {v.file.width}×{v.file.height} · {v.codec} · {duration(v.durationSeconds)}
      {v.fps ? ` · ${Math.round(v.fps * 100) / 100} fps` : ''}
      {v.frameCount ? ` · ${v.frameCount} frames` : ''} · {formatFileSize(v.file.sizeBytes)}
    </Text>
  );
}

function ImportCard({ scene }: { scene: Scene }) {
  const [notes, setNotes] = useState('');
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const importVersion = useImportVersion(scene.id);
  const versions = useSceneVersions(scene.id, 'exclude');
  const start = (file: File | null) => {
    if (!file) return;
    setError(null);
    setSent(0);
    importVersion.mutate(
      { file, notes, options: { onProgress: setSent } },
      {
        onSuccess: (v) => {
          setNotes('');
          notifySuccess(`Version ${v.versionNumber} is now the final video.`, 'Video imported');
          void versions.refetch();
        },
        onError: (e) => setError(isApiError(e) ? e.detail : String(e)),
        onSettled: () => setSent(null),
      },
    );
  };
  return (
    <Card data-testid="import-video-card">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Import a video
        </Title>
        <Text size="sm" c="dimmed">
          An MP4, MOV or WebM made outside the studio becomes the next version and the final one. Earlier
          versions stay in the history.
        </Text>
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Notes"
            placeholder="e.g. colour-graded by the editor"
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            maxLength={2000}
            w={360}
          />
          <FileButton onChange={start} accept={acceptedVideoTypes}>
            {(props) => (
              <Button leftSection={<UploadIcon size={16} />} loading={sent !== null} {...props}>
                Choose a video…
              </Button>
            )}
          </FileButton>
        </Group>
        {sent !== null && (
          <Stack gap={4} data-testid="video-upload-progress">
            <Text size="xs">{sent < 1 ? 'Uploading' : 'Checking the video and making its poster'}…</Text>
            <Progress value={Math.max(sent * 100, 2)} animated={sent >= 1} aria-label="Upload progress" />
          </Stack>
        )}
        {error && (
          <Alert color="red" title="The video was not imported" data-testid="video-upload-error">
            {error}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function VersionCard({
  v,
  sceneId,
  canEdit,
  playing,
  onPlay,
}: {
  v: SceneVideoVersion;
  sceneId: string;
  canEdit: boolean;
  playing: boolean;
  onPlay: () => void;
}) {
  const setFinal = useSetFinal(sceneId);
  const trash = useTrashVersion(sceneId);
  const versions = useSceneVersions(sceneId, 'exclude');
  const trashed = useSceneVersions(sceneId, 'only');
  const refresh = () => {
    void versions.refetch();
    void trashed.refetch();
  };
  return (
    <Card data-testid="version-card" data-version={v.versionNumber} data-final={v.isFinal}>
      <Stack gap="xs">
        {playing ? (
          <VideoPlayer
            src={
              isBrowserPlayable({ codec: v.codec, mimeType: v.file.mimeType })
                ? v.file.url
                : proxyUrlOf(v.file.url)
            }
            fps={v.fps ?? 24}
            frameCount={v.frameCount}
            spriteUrl={spriteUrlOf(v.file.url)}
            fallbackSrc={proxyUrlOf(v.file.url)}
            poster={v.file.posterUrl}
            videoTestId="version-video"
          />
        ) : (
          <button
            type="button"
            onClick={onPlay}
            style={{ border: 0, padding: 0, background: 'none', cursor: 'pointer' }}
            aria-label={`Play version ${v.versionNumber}`}
          >
            {v.file.posterUrl ? (
              <img
                src={v.file.posterUrl}
                alt=""
                style={{ width: '100%', borderRadius: 4, display: 'block' }}
              />
            ) : (
              <Skeleton height={120} />
            )}
          </button>
        )}
        <Group justify="space-between" gap="xs">
          <Group gap={6}>
            <Text fw={600}>Version {v.versionNumber}</Text>
            {v.isFinal && (
              <Badge color="green" variant="light">
                Final
              </Badge>
            )}
            <Badge variant="outline" color="gray" tt="none">
              {v.source}
            </Badge>
          </Group>
          <DateTimeText value={v.createdAt} relative size="xs" />
        </Group>
        <VersionFacts v={v} />
        {v.notes && <Text size="sm">{v.notes}</Text>}
        {v.createdBy && (
          <Text size="xs" c="dimmed">
            by {v.createdBy.displayName}
            {v.file.originalFilename ? ` · ${v.file.originalFilename}` : ''}
          </Text>
        )}
        <VersionRenditions versionId={v.id} />
        {canEdit && !v.isFinal && (
          <Group gap="xs">
            <Button
              size="xs"
              variant="light"
              loading={setFinal.isPending}
              onClick={() =>
                setFinal.mutate(v.id, {
                  onSuccess: () => {
                    notifySuccess(`Version ${v.versionNumber} is now the final video.`);
                    refresh();
                  },
                  onError: (e) => notifyError(e, 'Could not change the final version'),
                })
              }
            >
              Make final
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<TrashIcon size={14} />}
              loading={trash.isPending}
              onClick={() =>
                trash.mutate(v.id, {
                  onSuccess: () => refresh(),
                  onError: (e) => notifyError(e, 'Could not move the version to the trash'),
                })
              }
            >
              Move to trash
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function TrashList({ sceneId, canEdit }: { sceneId: string; canEdit: boolean }) {
  const trashed = useSceneVersions(sceneId, 'only');
  const live = useSceneVersions(sceneId, 'exclude');
  const restore = useRestoreVersion(sceneId);
  const purge = usePurgeVersion(sceneId);
  const [purging, setPurging] = useState<SceneVideoVersion | null>(null);
  const items = trashed.data?.items ?? [];
  if (trashed.isError)
    return <LoadError what="the trash" error={trashed.error} onRetry={() => void trashed.refetch()} />;
  if (items.length === 0) {
    return (
      <EmptyList
        title="The trash is empty"
        description="Versions you move to the trash wait here until purged."
      />
    );
  }
  return (
    <Stack gap="xs" data-testid="version-trash">
      {items.map((v) => (
        <Card key={v.id} padding="sm" data-testid="trashed-version">
          <Group justify="space-between">
            <Stack gap={0}>
              <Text size="sm" fw={500}>
                Version {v.versionNumber}
              </Text>
              <VersionFacts v={v} />
            </Stack>
            {canEdit && (
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<RestoreIcon size={14} />}
                  onClick={() =>
                    restore.mutate(v.id, {
                      onSuccess: () => {
                        void trashed.refetch();
                        void live.refetch();
                      },
                      onError: (e) => notifyError(e, 'Could not restore the version'),
                    })
                  }
                >
                  Restore
                </Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => setPurging(v)}>
                  Purge
                </Button>
              </Group>
            )}
          </Group>
        </Card>
      ))}
      <ConfirmDialog
        opened={purging !== null}
        title={`Purge version ${purging?.versionNumber ?? ''}?`}
        confirmLabel="Purge for good"
        danger
        loading={purge.isPending}
        onCancel={() => setPurging(null)}
        onConfirm={() =>
          purging &&
          purge.mutate(purging.id, {
            onSuccess: () => {
              notifySuccess(`Version ${purging.versionNumber} and its file were deleted.`);
              setPurging(null);
              void trashed.refetch();
            },
            onError: (e) => notifyError(e, 'Could not purge the version'),
          })
        }
      >
        The video file is deleted from storage; this cannot be undone.
      </ConfirmDialog>
    </Stack>
  );
}

function SceneTags({ scene, canEdit }: { scene: Scene; canEdit: boolean }) {
  const save = useSetSceneTags(scene.id);
  const suggestions = useTagSuggestions('');
  if (!canEdit) {
    return (
      <Group gap={6}>
        {scene.tags.map((t) => (
          <Badge key={t} variant="outline" color="gray" tt="none">
            {t}
          </Badge>
        ))}
      </Group>
    );
  }
  return (
    <TagsInput
      aria-label="Scene tags"
      placeholder="Add a tag and press Enter"
      data={suggestions.data ?? []}
      value={scene.tags}
      w={420}
      clearable
      disabled={save.isPending}
      data-testid="scene-tags"
      onChange={(values) => {
        const { tags, bad } = normaliseTags(values);
        if (bad) {
          notifyError(badTagError(bad), 'Not a valid tag');
          return;
        }
        save.mutate(tags, { onError: (e) => notifyError(e, 'Could not save the tags') });
      }}
    />
  );
}

export function ScenePage() {
  const { projectId = '', sceneId = '' } = useParams();
  const project = useProject(projectId);
  const scene = useScene(sceneId);
  const versions = useSceneVersions(sceneId, 'exclude');
  const user = useCurrentUser();
  const [view, setView] = useState<'versions' | 'trash'>('versions');
  const [playing, setPlaying] = useState<string | null>(null);
  const blocked = project.data
    ? characterWriteBlockOf(project.data.data, roleCan(user.role, 'content.write'))
    : null;
  const canEdit = blocked === null;
  // approving a segment for assembly is a review decision (creators and admins), refused on a locked project too
  const canApprove =
    project.data !== undefined &&
    roleCan(user.role, 'review.finalize') &&
    characterWriteBlockOf(project.data.data, true) === null;
  const s = scene.data;

  if (scene.isError) {
    return <LoadError what="the scene" error={scene.error} onRetry={() => void scene.refetch()} />;
  }
  const items = versions.data?.items;
  const playingId = playing ?? items?.find((v) => v.isFinal)?.id ?? null;
  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Breadcrumbs separator="/" separatorMargin={6} aria-label="Breadcrumb">
          <Anchor component={Link} to="/projects" size="sm" c="dimmed">
            Projects
          </Anchor>
          <Anchor component={Link} to={`/projects/${projectId}?tab=matrix`} size="sm" c="dimmed">
            {project.data?.data.name ?? 'Project'}
          </Anchor>
          <Text size="sm" aria-current="page">
            {s ? `${s.sceneType.name} — ${s.character.name}` : 'Scene'}
          </Text>
        </Breadcrumbs>
        {s ? (
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Group gap="sm">
                <Title order={1} size="h2" data-testid="scene-title">
                  {s.sceneType.name} — {s.character.name}
                </Title>
                <Badge variant="light">{s.status}</Badge>
              </Group>
              <Text size="sm" c="dimmed">
                Starts from the {s.variantType.name} hero{s.transition ? ', with a variant switch' : ''}.
                Delivered as{' '}
                {s.fileName ? <Code data-testid="scene-file-name">{s.fileName}</Code> : 'no valid file name'}.{' '}
                <Anchor component={Link} to={`/projects/${projectId}/characters/${s.character.id}`} size="sm">
                  Open the character
                </Anchor>
              </Text>
            </Stack>
            {blocked && <ReadOnlyReason reason={blocked} />}
          </Group>
        ) : (
          <Skeleton height={40} width={420} />
        )}
        {s && <SceneTags scene={s} canEdit={canEdit} />}
        <PinnedNotes entityType="scene" entityId={sceneId} />
      </Stack>
      {s && <GenerationPanel scene={s} canEdit={canEdit} canApprove={canApprove} />}
      {s && (
        <AssemblyPanel
          sceneId={s.id}
          projectId={projectId}
          approved={s.status === 'approved'}
          canEdit={canEdit}
        />
      )}
      {s && <SceneReview sceneId={sceneId} versions={items} canEdit={canEdit} />}
      {s && canEdit && <ImportCard scene={s} />}
      <Group gap="sm">
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as 'versions' | 'trash')}
          data={[
            { value: 'versions', label: `Versions${items ? ` (${items.length})` : ''}` },
            { value: 'trash', label: 'Trash' },
          ]}
          w={280}
          aria-label="Versions or trash"
        />
        <Button
          component={Link}
          to={compareUrl(projectId, { scene: sceneId })}
          variant="default"
          leftSection={<CompareIcon size={16} />}
          data-testid="compare-versions"
        >
          Compare versions
        </Button>
      </Group>
      {view === 'trash' ? (
        <TrashList sceneId={sceneId} canEdit={canEdit} />
      ) : versions.isError ? (
        <LoadError what="the versions" error={versions.error} onRetry={() => void versions.refetch()} />
      ) : !items ? (
        <Skeleton height={200} />
      ) : items.length === 0 ? (
        <EmptyList
          title="No video yet"
          description="Generated videos appear here once the pipeline has run this scene; you can also import one made elsewhere."
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" data-testid="versions">
          {items.map((v) => (
            <VersionCard
              key={v.id}
              v={v}
              sceneId={sceneId}
              canEdit={canEdit}
              playing={playingId === v.id}
              onPlay={() => setPlaying(v.id)}
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
