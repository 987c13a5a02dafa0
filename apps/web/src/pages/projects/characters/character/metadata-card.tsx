// The character's delivery metadata (`metadata.json`, PRD-013/066): a form built from the project's JSON Schema,
// with required fields marked, inline checks and a completeness bar, and the raw JSON beside it. Keys the schema
// does not name are kept (and editable in the JSON view). The server validates the whole schema on save.
import { isFilled, type MetadataField, metadataCompleteness, metadataFieldsOf } from '@i2v/domain';
import {
  Button,
  Card,
  Code,
  Group,
  JsonInput,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { isApiError } from '@/api/api-error';
import type { Character, Project } from '@/api/types';
import { notifyError, notifySuccess } from '@/components';
import { useUpdateCharacter } from '../character-queries';
import { ReadOnlyReason } from '../read-only-reason';
import { clientProblem, MetadataFieldInput } from './metadata-fields';
import { SectionTitle } from './section-title';

type View = 'form' | 'json';
type Metadata = Record<string, unknown>;

const textOf = (metadata: Metadata) => JSON.stringify(metadata, null, 2);

/** The metadata the text stands for, or why it cannot be saved. */
function parseMetadata(text: string): { value: Metadata } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text.trim() || '{}');
  } catch (error) {
    return { error: `Not valid JSON: ${error instanceof Error ? error.message : 'check the syntax'}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: 'Metadata must be a JSON object: { "key": value, … }' };
  }
  return { value: value as Metadata };
}

/** Server errors on the metadata, by field key ('' for the whole object). */
function serverErrorsOf(error: unknown): Record<string, string> | null {
  if (!isApiError(error)) return null;
  const out: Record<string, string> = {};
  for (const e of error.fieldErrors) {
    if (e.field !== 'body.metadata' && !e.field.startsWith('body.metadata.')) continue;
    const key =
      e.field === 'body.metadata' ? '' : (e.field.slice('body.metadata.'.length).split('.')[0] ?? '');
    out[key] = out[key] ? `${out[key]}; ${e.message}` : e.message;
  }
  return Object.keys(out).length > 0 ? out : null;
}

const withValue = (metadata: Metadata, key: string, value: unknown): Metadata => {
  const next = { ...metadata };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
};

function Completeness({ fields, metadata }: { fields: MetadataField[]; metadata: Metadata }) {
  const share = metadataCompleteness(
    { properties: Object.fromEntries(fields.map((f) => [f.key, {}])) },
    metadata,
  );
  const missing = fields.filter((f) => f.required && !isFilled(metadata[f.key]));
  return (
    <Stack gap={4} data-testid="metadata-completeness">
      <Group justify="space-between">
        <Text size="sm">{share ?? 0}% of the fields filled</Text>
        <Text size="xs" c={missing.length > 0 ? 'red' : 'dimmed'}>
          {missing.length > 0
            ? `Required and empty: ${missing.map((f) => f.title ?? f.key).join(', ')}`
            : 'Every required field is filled'}
        </Text>
      </Group>
      <Progress
        value={share ?? 0}
        color={missing.length > 0 ? 'yellow' : 'teal'}
        aria-label="Metadata filled"
      />
    </Stack>
  );
}

export function MetadataCard({
  character,
  project,
  blocked,
}: {
  character: Character;
  project: Project;
  blocked: string | null;
}) {
  const fields = useMemo(() => metadataFieldsOf(project.metadataSchema ?? null), [project.metadataSchema]);
  const hasForm = fields.length > 0;
  const saved = character.metadata;
  const savedText = textOf(saved);
  const [view, setView] = useState<View>(hasForm ? 'form' : 'json');
  const [draft, setDraft] = useState<Metadata>(saved);
  const [text, setText] = useState(savedText);
  const [textError, setTextError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const update = useUpdateCharacter(character);

  const current: Metadata | null =
    view === 'form'
      ? draft
      : (() => {
          const parsed = parseMetadata(text);
          return 'value' in parsed ? parsed.value : null;
        })();
  const dirty = view === 'form' ? textOf(draft) !== savedText : text !== savedText;

  // A change saved elsewhere becomes the baseline when nothing is being edited here.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new saved value resets the editors
  useEffect(() => {
    if (!dirty) {
      setDraft(saved);
      setText(savedText);
    }
  }, [savedText]);

  const switchTo = (next: View) => {
    if (next === view) return;
    if (next === 'json') {
      setText(textOf(draft));
    } else {
      const parsed = parseMetadata(text);
      if ('error' in parsed) {
        setTextError(parsed.error);
        return;
      }
      setDraft(parsed.value);
    }
    setTextError(null);
    setView(next);
  };

  const problems = Object.fromEntries(
    fields.map((f) => [f.key, serverErrors[f.key] ?? clientProblem(f, draft[f.key]) ?? undefined]),
  );
  const firstProblem = Object.values(problems).find(Boolean);

  const save = () => {
    let value: Metadata;
    if (view === 'json') {
      const parsed = parseMetadata(text);
      if ('error' in parsed) {
        setTextError(parsed.error);
        return;
      }
      value = parsed.value;
    } else {
      value = draft;
    }
    setServerErrors({});
    update.mutate(
      { metadata: value },
      {
        onSuccess: (result) => {
          setDraft(result.metadata);
          setText(textOf(result.metadata));
          notifySuccess('The metadata was saved.');
        },
        onError: (error) => {
          const byField = serverErrorsOf(error);
          if (!byField) {
            notifyError(error, 'Could not save the metadata');
            return;
          }
          setServerErrors(byField);
          if (view === 'json' || byField['']) {
            setTextError(
              Object.entries(byField)
                .map(([k, m]) => (k ? `${k}: ${m}` : m))
                .join('; '),
            );
          }
        },
      },
    );
  };
  const discard = () => {
    setDraft(saved);
    setText(savedText);
    setTextError(null);
    setServerErrors({});
  };

  return (
    <Card data-testid="metadata-card">
      <form
        noValidate
        aria-label="Metadata"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Stack gap="md">
          <SectionTitle
            title="Metadata"
            description={
              hasForm ? (
                <>
                  The character's delivery data, shipped as <Code>metadata.json</Code>. The fields come from
                  the project's metadata schema.
                </>
              ) : (
                <>
                  The character's delivery data, shipped as <Code>metadata.json</Code>. Define a metadata
                  schema in the project's Metadata tab to edit it as a form.
                </>
              )
            }
            aside={
              hasForm && (
                <SegmentedControl
                  size="xs"
                  value={view}
                  onChange={(v) => switchTo(v as View)}
                  data={[
                    { value: 'form', label: 'Form' },
                    { value: 'json', label: 'JSON' },
                  ]}
                  aria-label="Metadata view"
                />
              )
            }
          />
          {hasForm && current && <Completeness fields={fields} metadata={current} />}
          {view === 'form' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" data-testid="metadata-form">
              {fields.map((f) => (
                <MetadataFieldInput
                  key={f.key}
                  field={f}
                  value={draft[f.key]}
                  error={problems[f.key]}
                  readOnly={blocked !== null}
                  onChange={(value) => {
                    setDraft((d) => withValue(d, f.key, value));
                    setServerErrors(({ [f.key]: _dropped, ...rest }) => rest);
                  }}
                />
              ))}
            </SimpleGrid>
          ) : (
            <JsonInput
              label="metadata.json"
              autosize
              minRows={6}
              maxRows={24}
              formatOnBlur
              validationError="Not valid JSON"
              spellCheck={false}
              readOnly={blocked !== null}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              data-testid="metadata-input"
              value={text}
              error={textError}
              onChange={(v) => {
                setText(v);
                setTextError(null);
              }}
            />
          )}
          <Group justify="flex-end" gap="sm">
            {blocked ? (
              <ReadOnlyReason reason={blocked} />
            ) : (
              <>
                {view === 'form' && firstProblem && dirty && (
                  <Text size="xs" c="dimmed">
                    Fix the marked fields; the server refuses metadata that breaks the schema.
                  </Text>
                )}
                {dirty && (
                  <Button variant="default" onClick={discard} disabled={update.isPending}>
                    Discard changes
                  </Button>
                )}
                <Button type="submit" loading={update.isPending} disabled={!dirty}>
                  Save metadata
                </Button>
              </>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
