// Where a folder of characters (or a ZIP of one) is dropped or chosen. Dropped folders are walked with the File
// System entries API so every file keeps its path inside the folder; the folder picker gives the same paths.
import { Anchor, Group, Progress, Stack, Text } from '@mantine/core';
import { type DragEvent, useRef, useState } from 'react';
import { ErrorIcon, UploadIcon } from '@/components';
import classes from '@/components/image-drop-zone.module.css';
import { color } from '@/theme/tokens';
import type { FolderFile, ImportUpload } from './import-queries';

interface FolderDropZoneProps {
  /** Share of the upload sent, 0 to 1, while uploading; null otherwise. */
  sent: number | null;
  errors: string[];
  onUpload: (upload: ImportUpload) => void;
}

const isZip = (file: File) => /\.zip$/i.test(file.name) || file.type === 'application/zip';

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

/** Every file under a dropped entry, with its path (a directory reader answers in batches until it returns none). */
async function walk(entry: FileSystemEntry, prefix: string, out: FolderFile[]): Promise<void> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    out.push({ path, file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
    for (const child of batch) await walk(child, path, out);
  }
}

export function FolderDropZone({ sent, errors, onUpload }: FolderDropZoneProps) {
  const folderInput = useRef<HTMLInputElement>(null);
  const zipInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const busy = sent !== null;

  const onDrop = async (event: DragEvent<HTMLFieldSetElement>) => {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    const items = Array.from(event.dataTransfer.items);
    const entries = items.map((i) => i.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
    const files = Array.from(event.dataTransfer.files);
    if (entries.length === 1 && entries[0]!.isFile && files[0] && isZip(files[0])) {
      onUpload({ kind: 'zip', file: files[0] });
      return;
    }
    const out: FolderFile[] = [];
    for (const entry of entries) await walk(entry, '', out);
    if (out.length > 0) onUpload({ kind: 'folder', files: out });
  };

  return (
    <fieldset
      className={classes.zone}
      aria-label="Import characters from a folder or ZIP"
      aria-busy={busy}
      data-testid="import-drop-zone"
      data-dragging={dragging || undefined}
      data-busy={busy || undefined}
      data-error={errors.length > 0 || undefined}
      onDragEnter={(e) => {
        e.preventDefault();
        if (!busy) setDragging(true);
      }}
      onDragOver={(e) => e.preventDefault()}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => void onDrop(e)}
    >
      <input
        ref={folderInput}
        type="file"
        hidden
        data-testid="import-folder-input"
        // the folder picker: React does not know the attribute, so it is set as a plain one
        {...{ webkitdirectory: '', directory: '' }}
        multiple
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []).map((file) => ({
            path: file.webkitRelativePath || file.name,
            file,
          }));
          event.currentTarget.value = '';
          if (files.length > 0) onUpload({ kind: 'folder', files });
        }}
      />
      <input
        ref={zipInput}
        type="file"
        hidden
        accept=".zip,application/zip"
        data-testid="import-zip-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) onUpload({ kind: 'zip', file });
        }}
      />
      {busy ? (
        <Stack gap={6} align="stretch" data-testid="import-upload-progress">
          <Text size="sm">{sent < 1 ? 'Uploading' : 'Receiving'} the folder…</Text>
          <Progress value={Math.max(sent * 100, 2)} animated={sent >= 1} aria-label="Upload progress" />
        </Stack>
      ) : (
        <Stack gap={4} align="center">
          <Group gap={8} justify="center" wrap="nowrap">
            <UploadIcon size={24} className={classes.icon} aria-hidden />
            <Text size="sm">
              Drop a folder or a ZIP here, or choose a{' '}
              <Anchor
                component="button"
                type="button"
                size="sm"
                fw={500}
                onClick={() => folderInput.current?.click()}
              >
                folder
              </Anchor>{' '}
              or a{' '}
              <Anchor
                component="button"
                type="button"
                size="sm"
                fw={500}
                onClick={() => zipInput.current?.click()}
              >
                ZIP file
              </Anchor>
            </Text>
          </Group>
          <Text size="xs" c="dimmed" ta="center" maw={560}>
            One sub-folder per character. Inside it: <code>source.png</code> (the source image), images named
            after an image variant type such as <code>formal.png</code> or in a folder of that name, and an
            optional <code>metadata.json</code>. Nothing is written until you have checked the preview.
          </Text>
        </Stack>
      )}
      {errors.length > 0 && (
        <Stack gap={2} mt="xs" role="alert" data-testid="import-upload-error">
          {errors.map((error) => (
            <Group key={error} gap={6} justify="center" wrap="nowrap">
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
