// One character: its source image, its image variants per type with approve / reject / hero, and its metadata.
// Reviewers look; creators and admins change it while the project is not locked (PRD-021, PRD-072 §1.5).
import { roleCan } from '@i2v/domain';
import { Alert, Button, Card, Grid, Group, Skeleton, Stack } from '@mantine/core';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { isApiError } from '@/api/api-error';
import type { Character } from '@/api/types';
import { useCurrentUser } from '@/auth/use-session';
import {
  ConfirmDialog,
  LoadError,
  NotesPanel,
  NotFoundIcon,
  notifyError,
  notifySuccess,
  PinnedNotes,
  PosterControl,
  TrashIcon,
} from '@/components';
import { formatRelative } from '@/format/date-time';
import { StatusMessage } from '@/pages/errors/status-message';
import { useVariantTypes } from '@/pages/settings/variant-types/variant-type-queries';
import { useProject } from '../../project-queries';
import { characterWriteBlockOf } from '../character-fields';
import { useCharacter, useRestoreCharacter, useTrashCharacter } from '../character-queries';
import { CharacterHeader } from './character-header';
import { ImageViewer, type ViewedImage } from './image-viewer';
import { MetadataCard } from './metadata-card';
import { RenameCharacterModal } from './rename-character-modal';
import { SourceImagePanel } from './source-image-panel';
import { TagsCard } from './tags-card';
import { VariantsSection } from './variants-section';

/** A malformed id is a 400 from the server; to the user it is the same missing page. */
const isMissing = (error: unknown) => isApiError(error) && (error.status === 404 || error.status === 400);

function CharacterNotFound({ projectId }: { projectId: string }) {
  return (
    <StatusMessage
      icon={NotFoundIcon}
      color="gray"
      title="Character not found"
      testId="character-not-found"
      actions={
        <Button component={Link} to={projectId ? `/projects/${projectId}` : '/projects'} variant="default">
          Back to the project
        </Button>
      }
    >
      There is no character at this address. It may have been mistyped, or the link is out of date.
    </StatusMessage>
  );
}

function CharacterSkeleton() {
  return (
    <Stack gap="lg" data-testid="character-skeleton">
      <Skeleton height={14} width={220} />
      <Group gap="sm">
        <Skeleton height={32} width={240} />
        <Skeleton height={26} width={120} radius="sm" />
      </Group>
      <Card>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, sm: 5, md: 4 }}>
            <Skeleton height={320} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 7, md: 8 }}>
            <Stack gap="sm">
              <Skeleton height={16} width="60%" />
              <Skeleton height={16} width="45%" />
              <Skeleton height={16} width="50%" />
              <Skeleton height={96} mt="md" />
            </Stack>
          </Grid.Col>
        </Grid>
      </Card>
      <Skeleton height={180} />
    </Stack>
  );
}

export function CharacterPage() {
  const { projectId = '', characterId = '' } = useParams();
  // A fresh view per character, so no dialog or upload state carries over from the one shown before.
  return <CharacterView key={characterId} projectId={projectId} characterId={characterId} />;
}

function CharacterView({ projectId, characterId }: { projectId: string; characterId: string }) {
  const user = useCurrentUser();
  const canWrite = roleCan(user.role, 'content.write');
  const character = useCharacter(characterId);
  const project = useProject(projectId);
  const types = useVariantTypes();
  const trash = useTrashCharacter();
  const restore = useRestoreCharacter();
  const navigate = useNavigate();
  const [viewed, setViewed] = useState<ViewedImage | null>(null);
  const [renaming, setRenaming] = useState(false);
  const [trashing, setTrashing] = useState(false);

  if (character.isError) {
    if (isMissing(character.error)) return <CharacterNotFound projectId={projectId} />;
    return (
      <LoadError what="the character" error={character.error} onRetry={() => void character.refetch()} />
    );
  }
  // An address with the wrong project still finds the character: show it under its own project.
  if (character.data && character.data.projectId !== projectId) {
    return <Navigate to={`/projects/${character.data.projectId}/characters/${character.data.id}`} replace />;
  }
  if (project.isError) {
    if (isMissing(project.error)) return <CharacterNotFound projectId="" />;
    return <LoadError what="the project" error={project.error} onRetry={() => void project.refetch()} />;
  }
  if (character.isPending || project.isPending) return <CharacterSkeleton />;

  const current: Character = character.data;
  const blocked = current.deletedAt
    ? 'In the trash: this character can no longer be changed.'
    : characterWriteBlockOf(project.data.data, canWrite);

  const confirmTrash = () =>
    trash.mutate(current, {
      onSuccess: () => {
        notifySuccess(`"${current.name}" was moved to the trash.`, 'Moved to trash');
        navigate(`/projects/${projectId}`);
      },
      onError: (error) => {
        setTrashing(false);
        notifyError(error, 'Could not move the character to the trash');
      },
    });

  return (
    <>
      <CharacterHeader
        character={current}
        project={project.data.data}
        typeCount={types.data?.length}
        blocked={blocked}
        onRename={() => setRenaming(true)}
        onTrash={() => setTrashing(true)}
      />
      {current.deletedAt && (
        <Alert
          color="orange"
          variant="light"
          icon={<TrashIcon size={20} />}
          title="This character is in the trash"
          mb="lg"
          data-testid="character-in-trash"
        >
          <Group justify="space-between" align="center">
            <span>
              Moved to the trash {formatRelative(current.deletedAt)}. It no longer appears among the project's
              characters.
            </span>
            {canWrite && !characterWriteBlockOf(project.data.data, canWrite) && (
              <Button
                variant="light"
                loading={restore.isPending}
                onClick={() =>
                  restore.mutate(current, {
                    onSuccess: () =>
                      notifySuccess(`"${current.name}" is back among the characters.`, 'Restored'),
                    onError: (error) => notifyError(error, 'Could not restore the character'),
                  })
                }
              >
                Restore
              </Button>
            )}
          </Group>
        </Alert>
      )}
      <Stack gap="xl">
        <PinnedNotes entityType="character" entityId={current.id} />
        <SourceImagePanel character={current} blocked={blocked} onView={setViewed} />
        <VariantsSection character={current} blocked={blocked} onView={setViewed} />
        <TagsCard character={current} blocked={blocked} />
        <MetadataCard character={current} project={project.data.data} blocked={blocked} />
        <Card withBorder padding="md">
          <PosterControl
            owner="character"
            id={current.id}
            image={
              current.sourceImage ? { fileId: current.sourceImage.file.id, label: 'the source image' } : null
            }
            canEdit={!blocked}
          />
        </Card>
        <NotesPanel entityType="character" entityId={current.id} />
      </Stack>
      <ImageViewer image={viewed} onClose={() => setViewed(null)} />
      {!blocked && (
        <RenameCharacterModal character={current} opened={renaming} onClose={() => setRenaming(false)} />
      )}
      <ConfirmDialog
        opened={trashing}
        title="Move to trash"
        confirmLabel="Move to trash"
        danger
        loading={trash.isPending}
        onConfirm={confirmTrash}
        onCancel={() => !trash.isPending && setTrashing(false)}
      >
        <b>{current.name}</b> leaves the project's characters, with its source image and image variants. It
        cannot be changed while it is in the trash.
      </ConfirmDialog>
    </>
  );
}
