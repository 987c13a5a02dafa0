// What a job produced: videos play in place, images show, every file can be downloaded (signed links).
import { Anchor, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { JobOutput } from '@/api/types';
import { DownloadIcon } from '@/components';
import { formatFileSize } from '@/format/media';

function Preview({ output }: { output: JobOutput }) {
  if (output.mimeType.startsWith('video/')) {
    return (
      // biome-ignore lint/a11y/useMediaCaption: generated videos have no dialogue to caption
      <video
        src={output.url}
        controls
        preload="metadata"
        style={{ width: '100%', maxHeight: 420, borderRadius: 4, background: '#000', display: 'block' }}
        data-testid="job-output-video"
      />
    );
  }
  if (output.mimeType.startsWith('image/')) {
    return (
      <img
        src={output.url}
        alt={output.filename}
        style={{ width: '100%', borderRadius: 4, display: 'block' }}
        data-testid="job-output-image"
      />
    );
  }
  return null;
}

export function JobOutputs({ outputs }: { outputs: JobOutput[] }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="job-outputs">
      {outputs.map((o) => (
        <Card key={o.mediaId} withBorder data-testid="job-output">
          <Stack gap="xs">
            <Preview output={o} />
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" ff="monospace" truncate="end" miw={0}>
                {o.filename}
              </Text>
              <Anchor
                href={o.url}
                download={o.filename}
                size="sm"
                display="inline-flex"
                style={{ alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}
              >
                <DownloadIcon size={14} /> Download ({formatFileSize(o.sizeBytes)})
              </Anchor>
            </Group>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
