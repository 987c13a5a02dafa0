import { ActionIcon, Badge, Box, Code, Group, Table, Text, Tooltip } from '@mantine/core';
import type { ImageVariantType } from '@/api/types';
import { DefaultIcon, EditIcon, MakeDefaultIcon, TrashIcon, WorkflowsIcon } from '@/components';
import { color, tones } from '@/theme/tokens';
import { exampleFileName } from './variant-type-naming';

export type VariantTypeAction = 'edit' | 'make-default' | 'delete';

interface VariantTypeRowProps {
  type: ImageVariantType;
  /** Null for people who may only read. */
  onAction: ((type: ImageVariantType, action: VariantTypeAction) => void) | null;
}

export function VariantTypeRow({ type, onAction }: VariantTypeRowProps) {
  const example = exampleFileName(type.filePrefix);
  return (
    <Table.Tr data-testid="variant-type-row" data-slug={type.slug} data-default={type.isDefault || undefined}>
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" fw={500}>
            {type.name}
          </Text>
          {type.isDefault && (
            <Badge
              color={tones.defaultType}
              leftSection={<DefaultIcon size={10} />}
              size="sm"
              data-testid="variant-type-default"
            >
              Default
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Code>{type.slug}</Code>
      </Table.Td>
      <Table.Td>
        {type.filePrefix ? (
          <Code>{type.filePrefix}</Code>
        ) : (
          <Text size="sm" c="dimmed">
            none
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {example && (
          <Text size="sm" ff="monospace" c="dimmed">
            {example}
          </Text>
        )}
      </Table.Td>
      <Table.Td data-testid="variant-type-generation">
        {type.generation.workflowVersionId ? (
          <Tooltip
            label={type.generation.prompt ? `Prompt: ${type.generation.prompt}` : 'No prompt'}
            multiline
            w={300}
          >
            <Group gap={6} wrap="nowrap">
              <WorkflowsIcon size={14} aria-hidden />
              <Text size="sm" truncate="end" maw={220}>
                {type.generation.workflowName ?? 'Unnamed workflow'}
              </Text>
            </Group>
          </Tooltip>
        ) : (
          <Text size="sm" c="dimmed">
            none
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{type.sortOrder}</Text>
      </Table.Td>
      {onAction && (
        <Table.Td>
          <Group gap={4} wrap="nowrap" justify="flex-end">
            <Tooltip label="Edit">
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Edit ${type.name}`}
                onClick={() => onAction(type, 'edit')}
              >
                <EditIcon size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={type.isDefault ? 'Already the default' : 'Make default'}>
              {/* A disabled button gets no hover: the wrapper keeps the explanation reachable. */}
              <Box component="span" display="inline-flex">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Make ${type.name} the default`}
                  disabled={type.isDefault}
                  onClick={() => onAction(type, 'make-default')}
                >
                  <MakeDefaultIcon size={18} />
                </ActionIcon>
              </Box>
            </Tooltip>
            <Tooltip
              label={
                type.isDefault
                  ? 'The default type cannot be deleted; make another type the default first'
                  : 'Delete'
              }
              multiline={type.isDefault}
              w={type.isDefault ? 240 : undefined}
            >
              <Box component="span" display="inline-flex">
                <ActionIcon
                  variant="subtle"
                  color="red"
                  c={type.isDefault ? undefined : color('action-danger')}
                  aria-label={`Delete ${type.name}`}
                  disabled={type.isDefault}
                  onClick={() => onAction(type, 'delete')}
                >
                  <TrashIcon size={18} />
                </ActionIcon>
              </Box>
            </Tooltip>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
