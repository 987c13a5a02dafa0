// Where a workflow file is dropped or chosen (JSON in API or UI format, or a PNG saved by ComfyUI), with the
// server's refusal shown in place.
import { Alert, Button, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { type DragEvent, useState } from 'react';
import { ErrorIcon, UploadIcon } from '@/components';

interface Props {
  label: string;
  busy: boolean;
  error: string | null;
  onFile: (file: File) => void;
}

export function WorkflowFileDrop({ label, busy, error, onFile }: Props) {
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };
  return (
    <Stack gap="xs">
      <Paper
        withBorder
        p="lg"
        radius="md"
        style={{ borderStyle: 'dashed', opacity: busy ? 0.6 : 1 }}
        bg={dragging ? 'var(--mantine-color-default-hover)' : undefined}
        onDragOver={(e: DragEvent<HTMLDivElement>) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="workflow-drop-zone"
        aria-label={label}
      >
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed">
            Drop a ComfyUI workflow here: JSON in API format (“Export (API)”) or UI format (“Save”), or a PNG
            ComfyUI saved. Up to 20 MB.
          </Text>
          <FileButton onChange={(f) => f && onFile(f)} accept="application/json,.json,image/png">
            {(props) => (
              <Button
                {...props}
                leftSection={<UploadIcon size={16} />}
                loading={busy}
                data-testid="workflow-file-button"
              >
                {label}
              </Button>
            )}
          </FileButton>
        </Group>
      </Paper>
      {error && (
        <Alert color="red" icon={<ErrorIcon size={18} />} data-testid="workflow-import-error">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
