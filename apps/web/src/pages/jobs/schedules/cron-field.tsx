// The "when" of a schedule: a cron expression with presets and its next runs as it is typed, and the time zone the
// expression is read in (the browser's by default).
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { cronPresets, describeRun, formatRunTime, previewRuns, timeZoneOptions } from './schedule-format';

interface CronFieldProps {
  input: GetInputPropsReturnType;
  timezone: string;
  onPreset: (cron: string) => void;
}

export function CronField({ input, timezone, onPreset }: CronFieldProps) {
  const value = String(input.value ?? '');
  const runs = previewRuns(value, timezone || 'UTC');
  return (
    <Stack gap={6}>
      <TextInput
        label="Cron expression"
        description="Minute, hour, day of month, month, weekday; e.g. 0 3 * * * runs every day at 03:00."
        placeholder="0 3 * * *"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        autoComplete="off"
        spellCheck={false}
        {...input}
      />
      <Group gap={6}>
        {cronPresets.map((p) => (
          <Button
            key={p.cron}
            size="compact-xs"
            variant={value.trim() === p.cron ? 'light' : 'default'}
            onClick={() => onPreset(p.cron)}
          >
            {p.label}
          </Button>
        ))}
      </Group>
      {!input.error && (
        <Text size="xs" c="dimmed" data-testid="cron-preview">
          {runs && runs.length > 0
            ? `Next: ${[describeRun(runs[0]!), ...runs.slice(1).map(formatRunTime)].join(' · ')}`
            : value.trim()
              ? 'Not a cron expression yet.'
              : 'Choose a preset or type an expression.'}
        </Text>
      )}
    </Stack>
  );
}

export function TimeZoneSelect({ input }: { input: GetInputPropsReturnType }) {
  return (
    <Select
      label="Time zone"
      description="The cron expression is read in this zone."
      data={timeZoneOptions()}
      searchable
      allowDeselect={false}
      nothingFoundMessage="No time zone by that name"
      {...input}
    />
  );
}
