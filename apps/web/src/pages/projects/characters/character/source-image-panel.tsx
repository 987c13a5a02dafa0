// The character's source image (the ground truth for likeness): a large preview with its QA result and facts, the
// drop zone that replaces it, and the images it replaced.
import { Anchor, AspectRatio, Card, Grid, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { Character } from '@/api/types';
import {
  ConfirmDialog,
  DateTimeText,
  HistoryIcon,
  ImageDropZone,
  NoSourceImageIcon,
  notifyError,
  notifySuccess,
  Overline,
} from '@/components';
import { formatDateTime } from '@/format/date-time';
import { formatDimensions, formatFileSize, formatImageFormat } from '@/format/media';
import { uploadSourceImage, useDeleteSourceImage, useRememberUpload } from '../character-queries';
import type { ViewedImage } from './image-viewer';
import classes from './images.module.css';
import { SectionTitle } from './section-title';
import { SourceImageQa } from './source-image-qa';
import { useImageUpload } from './use-image-upload';

interface SourceImagePanelProps {
  character: Character;
  /** Why the image cannot be changed now; null when it can. */
  blocked: string | null;
  onView: (image: ViewedImage) => void;
}

function Fact({ label, value }: { label: string; value: string | null }) {
  return (
    <Table.Tr>
      <Table.Th w={140} fw={500} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{value ?? '—'}</Table.Td>
    </Table.Tr>
  );
}

export function SourceImagePanel({ character, blocked, onView }: SourceImagePanelProps) {
  const remember = useRememberUpload();
  const upload = useImageUpload({
    upload: (file, options) => uploadSourceImage(character, file, options),
    onUploaded: (saved) => remember.sourceImage(saved),
  });
  const source = character.sourceImage;
  const title = `Source image of ${character.name}`;
  const remove = useDeleteSourceImage();
  const [deleting, setDeleting] = useState<string | null>(null);

  return (
    <Card data-testid="source-panel">
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete this earlier source image?"
        confirmLabel="Delete image"
        danger
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting, {
            onSuccess: () => notifySuccess('The earlier source image and its file were deleted.'),
            onError: (error) => notifyError(error, 'Could not delete the image'),
            onSettled: () => setDeleting(null),
          })
        }
      >
        The image leaves the history of {character.name} and its file is deleted. The current source image
        stays.
      </ConfirmDialog>
      <Stack gap="md">
        <SectionTitle
          title="Source image"
          description="The ground truth for this character's likeness. A new upload replaces it; the one before stays in the history."
        />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, sm: 5, md: 4 }}>
            <Stack gap="xs">
              <AspectRatio ratio={4 / 5}>
                {source ? (
                  <UnstyledButton
                    className={`${classes.frame} ${classes.preview}`}
                    onClick={() => onView({ title, file: source.file })}
                    aria-label="View the source image full size"
                  >
                    <img
                      src={source.file.url}
                      alt={title}
                      className={classes.fit}
                      data-testid="source-image"
                    />
                  </UnstyledButton>
                ) : (
                  <div className={classes.placeholder} data-testid="source-placeholder">
                    <NoSourceImageIcon size={40} stroke={1.25} aria-hidden />
                    <Text size="sm" c="dimmed">
                      No source image yet
                    </Text>
                  </div>
                )}
              </AspectRatio>
              <SourceImageQa character={character} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 7, md: 8 }}>
            <Stack gap="md">
              {source ? (
                <Table variant="vertical" withTableBorder={false} layout="fixed" data-testid="source-facts">
                  <Table.Tbody>
                    <Fact label="File name" value={source.file.originalFilename} />
                    <Fact
                      label="Dimensions"
                      value={formatDimensions(source.file.width, source.file.height)}
                    />
                    <Fact label="Format" value={formatImageFormat(source.file.mimeType)} />
                    <Fact label="File size" value={formatFileSize(source.file.sizeBytes)} />
                    <Table.Tr>
                      <Table.Th w={140} fw={500} c="dimmed">
                        Uploaded
                      </Table.Th>
                      <Table.Td>
                        <DateTimeText value={source.createdAt} />
                      </Table.Td>
                    </Table.Tr>
                  </Table.Tbody>
                </Table>
              ) : (
                <Text size="sm" c="dimmed">
                  {blocked
                    ? 'No source image has been uploaded for this character.'
                    : 'Upload the reference image this character is made from. Its image variants and scenes are judged against it.'}
                </Text>
              )}
              {!blocked && (
                <ImageDropZone
                  testId="source-drop"
                  label="Upload a source image"
                  hint={source ? 'Replaces the current source image; it moves to the history.' : undefined}
                  progress={upload.progress}
                  errors={upload.errors}
                  onFiles={upload.start}
                />
              )}
            </Stack>
          </Grid.Col>
        </Grid>
        {character.sourceHistory.length > 0 && (
          <Stack gap="xs" data-testid="source-history">
            <Group gap={6}>
              <HistoryIcon size={14} aria-hidden />
              <Overline>Replaced source images</Overline>
            </Group>
            <Group gap="sm" align="flex-start">
              {character.sourceHistory.map((old) => (
                <Stack key={old.id} gap={4} className={classes.history}>
                  <AspectRatio ratio={4 / 5}>
                    <UnstyledButton
                      className={`${classes.frame} ${classes.preview}`}
                      onClick={() =>
                        onView({ title: `Earlier source image of ${character.name}`, file: old.file })
                      }
                      aria-label={`View the earlier source image ${old.file.originalFilename ?? ''} uploaded ${formatDateTime(old.createdAt)}`}
                    >
                      <img
                        src={old.file.thumbnailUrl ?? old.file.url}
                        alt=""
                        className={classes.fit}
                        loading="lazy"
                      />
                    </UnstyledButton>
                  </AspectRatio>
                  <Group gap={4} justify="space-between" wrap="nowrap">
                    <DateTimeText value={old.createdAt} relative size="xs" c="dimmed" />
                    {!blocked && (
                      <Anchor
                        component="button"
                        type="button"
                        size="xs"
                        c="dimmed"
                        onClick={() => setDeleting(old.id)}
                        aria-label={`Delete the earlier source image ${old.file.originalFilename ?? ''}`}
                      >
                        Delete
                      </Anchor>
                    )}
                  </Group>
                </Stack>
              ))}
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
