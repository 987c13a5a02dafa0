// The character's metadata as plain JSON. Deliberately small: the form built from the project's JSON Schema
// (PRD-066) replaces it later; until then the JSON is checked here for syntax and by the server for shape.
import { Button, Card, Code, Group, JsonInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { isApiError } from '@/api/api-error';
import type { Character } from '@/api/types';
import { notifyError, notifySuccess } from '@/components';
import { useUpdateCharacter } from '../character-queries';
import { ReadOnlyReason } from '../read-only-reason';
import { SectionTitle } from './section-title';

const textOf = (metadata: Record<string, unknown>) => JSON.stringify(metadata, null, 2);

/** The metadata the text stands for, or why it cannot be saved. */
function parseMetadata(text: string): { value: Record<string, unknown> } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text.trim() || '{}');
  } catch (error) {
    return { error: `Not valid JSON: ${error instanceof Error ? error.message : 'check the syntax'}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: 'Metadata must be a JSON object: { "key": value, … }' };
  }
  return { value: value as Record<string, unknown> };
}

/** Server errors on `body.metadata` or anything under it, as one message for the field. */
function metadataErrorOf(error: unknown): string | null {
  if (!isApiError(error)) return null;
  const messages = error.fieldErrors
    .filter((e) => e.field === 'body.metadata' || e.field.startsWith('body.metadata.'))
    .map((e) => (e.field === 'body.metadata' ? e.message : `${e.field.slice('body.'.length)}: ${e.message}`));
  return messages.length > 0 ? messages.join('; ') : null;
}

export function MetadataCard({ character, blocked }: { character: Character; blocked: string | null }) {
  const serverText = textOf(character.metadata);
  const form = useForm({
    mode: 'controlled',
    initialValues: { metadata: serverText },
    validate: {
      metadata: (text) => {
        const parsed = parseMetadata(text);
        return 'error' in parsed ? parsed.error : null;
      },
    },
  });
  const update = useUpdateCharacter(character);

  // A change saved elsewhere becomes the baseline; unsaved typing stays.
  const formRef = useRef(form);
  formRef.current = form;
  useEffect(() => {
    const current = formRef.current;
    const unsaved = current.isDirty();
    current.setInitialValues({ metadata: serverText });
    if (!unsaved) current.setValues({ metadata: serverText });
  }, [serverText]);

  const submit = form.onSubmit((values) => {
    const parsed = parseMetadata(values.metadata);
    if ('error' in parsed) return;
    update.mutate(
      { metadata: parsed.value },
      {
        onSuccess: (saved) => {
          const text = textOf(saved.metadata);
          form.setInitialValues({ metadata: text });
          form.setValues({ metadata: text });
          notifySuccess('The metadata was saved.');
        },
        onError: (error) => {
          const message = metadataErrorOf(error);
          if (message) form.setErrors({ metadata: message });
          else notifyError(error, 'Could not save the metadata');
        },
      },
    );
  });

  const dirty = form.isDirty();
  return (
    <Card data-testid="metadata-card">
      <form onSubmit={submit} noValidate aria-label="Metadata">
        <Stack gap="md">
          <SectionTitle
            title="Metadata"
            description={
              <>
                The character's delivery data, shipped as <Code>metadata.json</Code>. Edit it as a JSON object
                for now; a form built from the project's schema comes later.
              </>
            }
          />
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
            {...form.getInputProps('metadata')}
          />
          <Group justify="flex-end" gap="sm">
            {blocked ? (
              <ReadOnlyReason reason={blocked} />
            ) : (
              <>
                {dirty && (
                  <Button variant="default" onClick={() => form.reset()} disabled={update.isPending}>
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
