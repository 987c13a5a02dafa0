// The prompt a segment was made with (its template and clip position) and the parameters sent to the workflow.
import { Code, Stack, Table, Text, Title } from '@mantine/core';
import { clipPositionLabels } from './generation-format';
import type { Segment } from './generation-queries';

export function PromptAndParameters({ segment }: { segment: Segment }) {
  const params = Object.entries(segment.parameters).filter(([k]) => !k.endsWith('_prompt'));
  return (
    <Stack gap="xs">
      <Title order={4} size="h6">
        Prompt
      </Title>
      {segment.prompt ? (
        <Stack gap={4} data-testid="segment-prompt">
          <Text size="xs" c="dimmed">
            {segment.clipPosition ? clipPositionLabels[segment.clipPosition] : 'Clip'} · from the{' '}
            <Code>{segment.prompt.source}</Code> template
          </Text>
          <Text size="sm">{segment.prompt.positive || <em>empty</em>}</Text>
          {segment.prompt.negative && (
            <Text size="xs" c="dimmed">
              Negative: {segment.prompt.negative}
            </Text>
          )}
          {segment.prompt.unresolved.length > 0 && (
            <Text size="xs" c="orange.8">
              Unresolved placeholders: {segment.prompt.unresolved.join(', ')}
            </Text>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          No prompt recorded.
        </Text>
      )}
      <Title order={4} size="h6" mt="xs">
        Parameters
      </Title>
      <Table
        withTableBorder
        verticalSpacing={2}
        horizontalSpacing="xs"
        fz="xs"
        data-testid="segment-parameters"
      >
        <Table.Tbody>
          {params.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Td c="dimmed">{k}</Table.Td>
              <Table.Td style={{ wordBreak: 'break-all' }}>
                {typeof v === 'string' ? v : JSON.stringify(v)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
