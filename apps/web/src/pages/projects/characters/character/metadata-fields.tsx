// One input per metadata field, chosen by the field's schema type (PRD-066 §1.1): text, number, date, yes/no,
// single- and multi-select, lists, and JSON for objects.
import type { MetadataField } from '@i2v/domain';
import { Checkbox, JsonInput, MultiSelect, NumberInput, Select, TagsInput, TextInput } from '@mantine/core';

interface FieldInputProps {
  field: MetadataField;
  value: unknown;
  error: string | undefined;
  readOnly: boolean;
  onChange: (value: unknown) => void;
}

const labelOf = (field: MetadataField) => field.title ?? field.key;
const empty = (v: unknown) => v === undefined || v === null || v === '';

/** What the person sees is checked at once; the server checks the whole schema on save. */
export function clientProblem(field: MetadataField, value: unknown): string | null {
  if (empty(value) || (Array.isArray(value) && value.length === 0)) {
    return field.required ? 'is required' : null;
  }
  if ((field.type === 'number' || field.type === 'integer') && typeof value === 'number') {
    if (field.type === 'integer' && !Number.isInteger(value)) return 'must be a whole number';
    if (field.minimum !== undefined && value < field.minimum) return `must be at least ${field.minimum}`;
    if (field.maximum !== undefined && value > field.maximum) return `must be at most ${field.maximum}`;
  }
  if (field.options && field.type !== 'array' && !field.options.includes(value as string | number)) {
    return `must be one of ${field.options.join(', ')}`;
  }
  return null;
}

export function MetadataFieldInput({ field, value, error, readOnly, onChange }: FieldInputProps) {
  const common = {
    label: labelOf(field),
    description: field.description,
    withAsterisk: field.required,
    error,
    readOnly,
    'data-field': field.key,
  };
  if (field.type === 'boolean') {
    return (
      <Checkbox
        label={labelOf(field)}
        description={field.description}
        error={error}
        checked={value === true}
        disabled={readOnly}
        onChange={(e) => onChange(e.currentTarget.checked)}
        data-field={field.key}
        mt="xs"
      />
    );
  }
  if (field.type === 'number' || field.type === 'integer') {
    return (
      <NumberInput
        {...common}
        value={typeof value === 'number' ? value : ''}
        allowDecimal={field.type === 'number'}
        min={field.minimum}
        max={field.maximum}
        onChange={(v) => onChange(v === '' ? undefined : Number(v))}
      />
    );
  }
  if (field.type === 'array') {
    const list = Array.isArray(value) ? value.map(String) : [];
    return field.options ? (
      <MultiSelect
        {...common}
        data={field.options.map(String)}
        value={list}
        clearable
        onChange={(v) => onChange(v.length > 0 ? v : undefined)}
      />
    ) : (
      <TagsInput
        {...common}
        value={list}
        clearable
        placeholder={readOnly ? undefined : 'Type and press Enter'}
        onChange={(v) => onChange(v.length > 0 ? v : undefined)}
      />
    );
  }
  if (field.options) {
    return (
      <Select
        {...common}
        data={field.options.map(String)}
        value={empty(value) ? null : String(value)}
        clearable
        allowDeselect
        onChange={(v) => {
          const option = field.options!.find((o) => String(o) === v);
          onChange(option ?? undefined);
        }}
      />
    );
  }
  if (field.type === 'object' || field.type === 'any') {
    return (
      <JsonInput
        {...common}
        value={empty(value) ? '' : JSON.stringify(value, null, 2)}
        autosize
        minRows={2}
        formatOnBlur
        validationError="Not valid JSON"
        onChange={(text) => {
          if (text.trim() === '') return onChange(undefined);
          try {
            onChange(JSON.parse(text));
          } catch {
            // keep typing: the JSON becomes a value once it parses
          }
        }}
      />
    );
  }
  return (
    <TextInput
      {...common}
      type={field.format === 'date' ? 'date' : field.format === 'email' ? 'email' : 'text'}
      value={typeof value === 'string' ? value : empty(value) ? '' : String(value)}
      onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
    />
  );
}
