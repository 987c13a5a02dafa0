// The live prompt preview of the scene type editor: the prompts as they read for one character of the project,
// per clip position, with the template the fallback chose and the placeholders the character has no value for.
import { type ClipPosition, clipPositions, renderTemplate, selectPrompt } from '@i2v/domain';
import { Alert, Badge, Card, Code, Group, Loader, Mark, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Fragment, type ReactNode, useMemo, useState } from 'react';
import { CharacterIcon, LoadError, WarningIcon } from '@/components';
import { useCharacter, useCharacterPages } from '../characters/character-queries';
import type { PromptTemplatesBody } from './scene-type-fields';
import { usePromptPreview } from './scene-type-queries';

interface Rendered {
  text: string;
  unresolved: string[];
}
interface PreviewPosition {
  position: ClipPosition;
  source: ClipPosition | null;
  positive: Rendered;
  negative: Rendered;
}
interface Preview {
  positions: PreviewPosition[];
  unresolved: string[];
}

/** Renders locally, for a scene type that is not saved yet (the server previews saved ones). */
function localPreview(
  prompts: PromptTemplatesBody,
  name: string,
  metadata: Record<string, unknown>,
): Preview {
  const ctx = { characterName: name, metadata };
  const all = new Set<string>();
  const positions = clipPositions.map((position) => {
    const chosen = selectPrompt(prompts, position);
    const positive = renderTemplate(chosen?.prompt.positive ?? '', ctx);
    const negative = renderTemplate(chosen?.prompt.negative ?? '', ctx);
    for (const u of [...positive.unresolved, ...negative.unresolved]) all.add(u);
    return { position, source: chosen?.source ?? null, positive, negative };
  });
  return { positions, unresolved: [...all] };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with every unresolved placeholder marked. */
function Highlighted({ rendered }: { rendered: Rendered }) {
  if (!rendered.text)
    return (
      <Text span c="dimmed">
        (empty)
      </Text>
    );
  if (rendered.unresolved.length === 0) return <>{rendered.text}</>;
  const pattern = new RegExp(`(${rendered.unresolved.map((u) => escapeRegExp(`{${u}}`)).join('|')})`, 'g');
  return (
    <>
      {rendered.text.split(pattern).map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one text have no identity beyond their place
          <Mark key={i} color="orange" data-testid="unresolved-mark">
            {part}
          </Mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one text have no identity beyond their place
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

function PreviewBody({ preview }: { preview: Preview }) {
  return (
    <Stack gap="sm">
      {preview.unresolved.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<WarningIcon size={18} />}
          title="Placeholders without a value"
          data-testid="unresolved-placeholders"
        >
          <Text size="sm">
            This character has no value for{' '}
            {preview.unresolved.map((u, i) => (
              <Fragment key={u}>
                {i > 0 && ', '}
                <Code>{`{${u}}`}</Code>
              </Fragment>
            ))}
            . They stay in the prompt as written; add the fields to the character's metadata or change the
            template.
          </Text>
        </Alert>
      )}
      {preview.positions.map((p) => (
        <Card
          key={p.position}
          withBorder
          p="sm"
          data-testid={`prompt-preview-${p.position}`}
          data-source={p.source ?? ''}
        >
          <Group gap="xs" mb={6}>
            <Code fw={600}>{p.position}</Code>
            {p.source === null ? (
              <Badge size="xs" color="red" variant="light">
                no prompt
              </Badge>
            ) : p.source === p.position ? (
              <Badge size="xs" color="gray" variant="light">
                own template
              </Badge>
            ) : (
              <Badge size="xs" color="brand" variant="light">
                uses {p.source}
              </Badge>
            )}
          </Group>
          <Text
            size="sm"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            data-testid="preview-positive"
          >
            <Highlighted rendered={p.positive} />
          </Text>
          {p.negative.text && (
            <Text size="xs" c="dimmed" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              Negative: <Highlighted rendered={p.negative} />
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}

interface PromptPreviewProps {
  projectId: string;
  /** Null for a scene type that is not saved yet: it is previewed in the browser. */
  sceneTypeId: string | null;
  prompts: PromptTemplatesBody;
}

export function PromptPreview({ projectId, sceneTypeId, prompts }: PromptPreviewProps) {
  const characters = useCharacterPages(projectId, '');
  const list = characters.data?.pages.flatMap((page) => page.items) ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const characterId = chosen ?? list[0]?.id ?? null;
  const [debounced] = useDebouncedValue(prompts, 300);
  const server = usePromptPreview(sceneTypeId, characterId, debounced);
  const character = useCharacter(sceneTypeId === null && characterId ? characterId : '');
  const local = useMemo(
    () =>
      sceneTypeId === null && character.data && character.data.id === characterId
        ? localPreview(debounced, character.data.name, character.data.metadata as Record<string, unknown>)
        : null,
    [sceneTypeId, character.data, characterId, debounced],
  );
  const preview = sceneTypeId === null ? local : (server.data ?? null);
  const loading = sceneTypeId === null ? character.isFetching : server.isFetching;

  let body: ReactNode;
  if (characters.isError) {
    body = <LoadError what="characters" error={characters.error} onRetry={() => void characters.refetch()} />;
  } else if (characters.data && list.length === 0) {
    body = (
      <Text size="sm" c="dimmed">
        Add a character to the project to see its prompts here.
      </Text>
    );
  } else if (sceneTypeId !== null && server.isError) {
    body = <LoadError what="the preview" error={server.error} onRetry={() => void server.refetch()} />;
  } else if (preview) {
    body = <PreviewBody preview={preview} />;
  } else {
    body = <Loader size="sm" />;
  }

  return (
    <Card data-testid="prompt-preview">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
          <Stack gap={2}>
            <Text fw={600}>Preview</Text>
            <Text size="xs" c="dimmed">
              The prompts as they read for one character, per clip position.
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            {loading && <Loader size="xs" />}
            <Select
              aria-label="Preview character"
              placeholder="Choose a character"
              leftSection={<CharacterIcon size={16} />}
              data={list.map((c) => ({ value: c.id, label: c.name }))}
              value={characterId}
              onChange={setChosen}
              searchable
              allowDeselect={false}
              w={220}
            />
          </Group>
        </Group>
        {body}
      </Stack>
    </Card>
  );
}
