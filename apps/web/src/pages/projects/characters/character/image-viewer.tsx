// The full image in a modal, with what it is and a download for editing it elsewhere (PRD-021 §1.4).
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { MediaFile } from '@/api/types';
import { DownloadIcon } from '@/components';
import { describeImageFile } from '@/format/media';
import classes from './images.module.css';

export interface ViewedImage {
  /** The modal's title, e.g. "Source image of Ada" or "Formal variant". */
  title: string;
  file: MediaFile;
}

export function ImageViewer({ image, onClose }: { image: ViewedImage | null; onClose: () => void }) {
  const file = image?.file;
  return (
    <Modal opened={image !== null} onClose={onClose} title={image?.title} size="auto">
      {file && (
        <Stack gap="sm">
          <img
            src={file.url}
            alt={image.title}
            className={classes.full}
            width={file.width ?? undefined}
            height={file.height ?? undefined}
            data-testid="image-viewer-image"
          />
          <Group justify="space-between" gap="md" wrap="wrap">
            <Stack gap={0} miw={0}>
              {file.originalFilename && (
                <Text size="sm" fw={500} truncate="end" maw={520}>
                  {file.originalFilename}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {describeImageFile(file)}
              </Text>
            </Stack>
            <Button
              component="a"
              href={file.url}
              download={file.originalFilename ?? ''}
              variant="default"
              leftSection={<DownloadIcon size={16} />}
            >
              Download
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
