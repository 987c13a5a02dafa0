// Where image files are dropped or chosen: native drag and drop plus a hidden file input, with the upload's progress
// and the server's refusals shown in place.
import { Anchor, Group, Progress, Stack, Text } from '@mantine/core';
import { type DragEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { color } from '@/theme/tokens';
import { ErrorIcon, UploadIcon } from './icons';
import classes from './image-drop-zone.module.css';

/** The image formats the server accepts (it checks the bytes; this only filters the file dialog). */
export const acceptedImageTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;

export interface UploadProgress {
  fileName: string;
  /** Share of the file sent, 0 to 1; at 1 the server is still checking the image. */
  sent: number;
  /** Position of this file among those dropped together, from 0. */
  index: number;
  total: number;
}

interface ImageDropZoneProps {
  testId: string;
  /** The zone's name for assistive technology, e.g. "Upload a source image". */
  label: string;
  /** A line under the prompt, e.g. what happens to the image it replaces. */
  hint?: ReactNode;
  multiple?: boolean;
  compact?: boolean;
  /** Set while files are being uploaded. */
  progress: UploadProgress | null;
  /** Why the last files were refused, one sentence each (the server's words name the file). */
  errors: string[];
  onFiles: (files: File[]) => void;
}

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

/** A file dropped a few pixels beside a zone must not make the browser leave the app to show it. */
function useIgnoreStrayDrops() {
  useEffect(() => {
    const ignore = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', ignore);
    window.addEventListener('drop', ignore);
    return () => {
      window.removeEventListener('dragover', ignore);
      window.removeEventListener('drop', ignore);
    };
  }, []);
}

export function ImageDropZone({
  testId,
  label,
  hint,
  multiple = false,
  compact = false,
  progress,
  errors,
  onFiles,
}: ImageDropZoneProps) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const busy = progress !== null;
  useIgnoreStrayDrops();

  const take = (list: FileList | null) => {
    const files = Array.from(list ?? []);
    if (files.length === 0 || busy) return;
    onFiles(multiple ? files : files.slice(0, 1));
  };
  const choose = () => {
    if (!busy) input.current?.click();
  };

  const onDragOver = (event: DragEvent<HTMLFieldSetElement>) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    if (!busy) setDragging(true);
  };
  const onDragLeave = (event: DragEvent<HTMLFieldSetElement>) => {
    // Moving over a child element fires dragleave on the zone too; only leaving the zone itself counts.
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (event: DragEvent<HTMLFieldSetElement>) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    take(event.dataTransfer.files);
  };

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the "choose a file" button inside is the keyboard path
    <fieldset
      className={classes.zone}
      aria-label={label}
      aria-busy={busy}
      data-testid={testId}
      data-dragging={dragging || undefined}
      data-busy={busy || undefined}
      data-error={errors.length > 0 || undefined}
      data-compact={compact || undefined}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      onClick={choose}
    >
      <input
        ref={input}
        type="file"
        accept={acceptedImageTypes.join(',')}
        multiple={multiple}
        hidden
        onChange={(event) => {
          take(event.currentTarget.files);
          // The same file chosen again after a refusal must fire a change again.
          event.currentTarget.value = '';
        }}
      />
      {progress ? (
        <Stack gap={6} align="stretch" data-testid="upload-progress">
          <Text size="sm" truncate="end">
            {progress.sent < 1 ? 'Uploading' : 'Checking'} {progress.fileName}
            {progress.total > 1 ? ` (${progress.index + 1} of ${progress.total})` : ''}…
          </Text>
          <Progress
            value={progress.sent < 1 ? Math.max(progress.sent * 100, 2) : 100}
            animated={progress.sent >= 1}
            aria-label={`Uploading ${progress.fileName}`}
          />
        </Stack>
      ) : (
        <Stack gap={compact ? 2 : 4} align="center">
          <Group gap={8} justify="center" wrap="nowrap">
            <UploadIcon size={compact ? 18 : 24} className={classes.icon} aria-hidden />
            <Text size="sm">
              Drop a PNG, JPEG or WebP here, or{' '}
              <Anchor
                component="button"
                type="button"
                size="sm"
                fw={500}
                onClick={(event) => {
                  event.stopPropagation();
                  choose();
                }}
              >
                choose a file
              </Anchor>
            </Text>
          </Group>
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </Stack>
      )}
      {errors.length > 0 && (
        <Stack gap={2} mt="xs" role="alert" data-testid="upload-error">
          {errors.map((error, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two files may be refused with the same sentence
            <Group key={index} gap={6} justify="center" wrap="nowrap">
              <ErrorIcon size={14} color={color('status-danger')} aria-hidden />
              <Text size="sm" c={color('status-danger')}>
                {error}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </fieldset>
  );
}
