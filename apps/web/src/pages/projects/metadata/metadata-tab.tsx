// The project's Metadata tab (PRD-013/066): the JSON Schema every character's metadata.json follows (its fields
// become the form on each character page and the CSV columns), and metadata for all characters at once: export as
// CSV or JSON, import with a preview of every change before it is applied.

import { type MetadataField, metadataFieldsOf } from '@i2v/domain';
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  FileButton,
  Group,
  JsonInput,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { isApiError } from '@/api/api-error';
import type { MetadataImportPreview } from '@/api/types';
import { DownloadIcon, notifyError, notifySuccess, UploadIcon } from '@/components';
import { countOf } from '@/format/count';
import { ReadOnlyReason } from '../characters/read-only-reason';
import type { VersionedProject } from '../project-queries';
import {
  downloadMetadata,
  type MetadataFormat,
  type MetadataUpload,
  useMetadataImport,
  useMetadataPreview,
  useSetMetadataSchema,
} from './metadata-queries';

const exampleSchema = {
  type: 'object',
  required: ['hair_color'],
  properties: {
    hair_color: { type: 'string', title: 'Hair colour', enum: ['auburn', 'black', 'blond', 'brown'] },
    height: { type: 'integer', title: 'Height (cm)', minimum: 100, maximum: 250 },
    languages: { type: 'array', items: { type: 'string' } },
  },
};

const typeLabel = (f: MetadataField) =>
  f.options ? (f.type === 'array' ? 'multi-select' : 'select') : f.format === 'date' ? 'date' : f.type;

function SchemaCard({ current, blocked }: { current: VersionedProject; blocked: string | null }) {
  const schema = current.data.metadataSchema ?? null;
  const savedText = schema ? JSON.stringify(schema, null, 2) : '';
  const [text, setText] = useState(savedText);
  const [error, setError] = useState<string | null>(null);
  const save = useSetMetadataSchema(current);
  useEffect(() => setText(savedText), [savedText]);
  const fields = useMemo(() => metadataFieldsOf(schema), [schema]);

  const submit = (value: Record<string, unknown> | null) =>
    save.mutate(value, {
      onSuccess: () =>
        notifySuccess(value ? 'The metadata schema was saved.' : 'The metadata schema was removed.'),
      onError: (e) => {
        if (isApiError(e) && e.status === 422) setError(e.detail);
        else notifyError(e, 'Could not save the schema');
      },
    });
  const onSave = () => {
    if (text.trim() === '') return submit(null);
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        setError('The schema must be a JSON object.');
        return;
      }
      submit(parsed as Record<string, unknown>);
    } catch (e) {
      setError(`Not valid JSON: ${(e as Error).message}`);
    }
  };

  return (
    <Card data-testid="metadata-schema-card">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">
            Metadata schema
          </Title>
          <Text size="sm" c="dimmed" maw={760}>
            A JSON Schema for the <Code>metadata.json</Code> delivered with each character. Its top-level
            properties, in order, are the fields of the form on every character page and the columns of the
            CSV; characters whose metadata breaks it show their problems and cannot be saved that way.
          </Text>
        </div>
        {fields.length > 0 && (
          <Table data-testid="metadata-fields" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Field</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Values</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((f) => (
                <Table.Tr key={f.key}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {f.key}
                    </Text>
                    {f.title && (
                      <Text size="xs" c="dimmed">
                        {f.title}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge variant="light" color="gray">
                        {typeLabel(f)}
                      </Badge>
                      {f.required && (
                        <Badge variant="light" color="red">
                          required
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {f.options?.join(', ') ??
                        (f.minimum !== undefined || f.maximum !== undefined
                          ? `${f.minimum ?? '…'} to ${f.maximum ?? '…'}`
                          : '')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <JsonInput
          label="Schema (JSON)"
          description='An object schema: { "type": "object", "properties": { … }, "required": [ … ] }. Leave empty for no schema.'
          placeholder={JSON.stringify(exampleSchema, null, 2)}
          autosize
          minRows={6}
          maxRows={30}
          formatOnBlur
          validationError="Not valid JSON"
          readOnly={blocked !== null}
          value={text}
          error={error}
          onChange={(v) => {
            setText(v);
            setError(null);
          }}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          data-testid="metadata-schema-input"
        />
        <Group justify="flex-end" gap="sm">
          {blocked ? (
            <ReadOnlyReason reason={blocked} />
          ) : (
            <>
              {!schema && text.trim() === '' && (
                <Button variant="default" onClick={() => setText(JSON.stringify(exampleSchema, null, 2))}>
                  Start from an example
                </Button>
              )}
              {text !== savedText && (
                <Button variant="default" onClick={() => setText(savedText)}>
                  Discard changes
                </Button>
              )}
              <Button onClick={onSave} loading={save.isPending} disabled={text === savedText}>
                Save schema
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

const show = (v: unknown) =>
  v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

function PreviewTable({ preview }: { preview: MetadataImportPreview }) {
  return (
    <Table data-testid="metadata-import-preview" withTableBorder verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Line</Table.Th>
          <Table.Th>Character</Table.Th>
          <Table.Th>Field</Table.Th>
          <Table.Th>Current</Table.Th>
          <Table.Th>Incoming</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.rows.map((row) =>
          row.errors.length > 0 ? (
            <Table.Tr key={row.line} data-testid="metadata-import-row" data-error="true">
              <Table.Td>{row.line}</Table.Td>
              <Table.Td>{row.name}</Table.Td>
              <Table.Td colSpan={3}>
                <Text size="sm" c="red">
                  {row.errors.join('; ')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : row.changes.length === 0 ? (
            <Table.Tr key={row.line} data-testid="metadata-import-row">
              <Table.Td>{row.line}</Table.Td>
              <Table.Td>{row.name}</Table.Td>
              <Table.Td colSpan={3}>
                <Text size="sm" c="dimmed">
                  No change
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            row.changes.map((c, i) => (
              <Table.Tr key={`${row.line}-${c.field}`} data-testid="metadata-import-row">
                <Table.Td>{i === 0 ? row.line : ''}</Table.Td>
                <Table.Td>{i === 0 ? row.name : ''}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {c.field}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" td="line-through">
                    {show(c.from)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {show(c.to)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))
          ),
        )}
      </Table.Tbody>
    </Table>
  );
}

function TransferCard({ projectId, blocked }: { projectId: string; blocked: string | null }) {
  const [upload, setUpload] = useState<(MetadataUpload & { fileName: string }) | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const preview = useMetadataPreview(projectId);
  const apply = useMetadataImport(projectId);
  const data = preview.data;
  const reset = () => {
    setUpload(null);
    preview.reset();
    setFileError(null);
  };

  const choose = async (file: File | null) => {
    if (!file) return;
    reset();
    const format: MetadataFormat = /\.json$/i.test(file.name) ? 'json' : 'csv';
    const next = { format, content: await file.text(), fileName: file.name };
    setUpload(next);
    preview.mutate(
      { format: next.format, content: next.content },
      {
        onError: (e) => setFileError(isApiError(e) ? e.detail : String(e)),
      },
    );
  };
  const run = (skipInvalid: boolean) => {
    if (!upload) return;
    apply.mutate(
      { format: upload.format, content: upload.content, skipInvalid },
      {
        onSuccess: (r) => {
          notifySuccess(
            `${countOf(r.updated, 'character')} updated, ${r.unchanged} unchanged${r.skipped ? `, ${r.skipped} skipped` : ''}.`,
            'Metadata imported',
          );
          reset();
        },
        onError: (e) => notifyError(e, 'Could not import the metadata'),
      },
    );
  };

  return (
    <Card data-testid="metadata-transfer-card">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">
            All characters at once
          </Title>
          <Text size="sm" c="dimmed" maw={760}>
            Export the metadata of every character to edit it in a spreadsheet, then import the file back: you
            see each field's current and incoming value before anything changes. In a CSV an empty cell clears
            the field and columns you leave out are not touched.
          </Text>
        </div>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<DownloadIcon size={16} />}
            onClick={() =>
              void downloadMetadata(projectId, 'csv').catch((e) => notifyError(e, 'Export failed'))
            }
          >
            Export CSV
          </Button>
          <Button
            variant="default"
            leftSection={<DownloadIcon size={16} />}
            onClick={() =>
              void downloadMetadata(projectId, 'json').catch((e) => notifyError(e, 'Export failed'))
            }
          >
            Export JSON
          </Button>
          {!blocked && (
            <FileButton onChange={(f) => void choose(f)} accept=".csv,.json,text/csv,application/json">
              {(props) => (
                <Button leftSection={<UploadIcon size={16} />} loading={preview.isPending} {...props}>
                  Import CSV or JSON…
                </Button>
              )}
            </FileButton>
          )}
          {blocked && <ReadOnlyReason reason={blocked} />}
        </Group>
        {fileError && (
          <Alert
            color="red"
            title={`${upload?.fileName ?? 'The file'} cannot be imported`}
            data-testid="metadata-import-error"
          >
            {fileError}
          </Alert>
        )}
        {data && upload && (
          <Stack gap="sm">
            <Group justify="space-between">
              <Text size="sm" data-testid="metadata-import-summary">
                {upload.fileName}: {countOf(data.totals.changed, 'character')} to change,{' '}
                {data.totals.unchanged} unchanged
                {data.totals.withErrors > 0 ? `, ${data.totals.withErrors} with errors` : ''}.
              </Text>
              <Group gap="sm">
                <Button variant="default" onClick={reset}>
                  Cancel
                </Button>
                {data.totals.withErrors > 0 ? (
                  <Button
                    color="yellow"
                    disabled={data.totals.changed === 0}
                    loading={apply.isPending}
                    onClick={() => run(true)}
                  >
                    Apply {data.totals.changed} valid, skip {data.totals.withErrors}
                  </Button>
                ) : (
                  <Button
                    disabled={data.totals.changed === 0}
                    loading={apply.isPending}
                    onClick={() => run(false)}
                  >
                    Apply changes
                  </Button>
                )}
              </Group>
            </Group>
            <PreviewTable preview={data} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

export function MetadataTab({ current, blocked }: { current: VersionedProject; blocked: string | null }) {
  return (
    <Stack gap="lg">
      <TransferCard projectId={current.data.id} blocked={blocked} />
      <SchemaCard current={current} blocked={blocked} />
    </Stack>
  );
}
