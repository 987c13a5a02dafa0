// Scene type editor: pin a workflow version (upgrading is explicit) and bind values to its parameter slots.
import { Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import type { SceneType } from '@/api/types';
import { useWorkflow, useWorkflowPages, useWorkflowVersion } from '@/pages/workflows/workflow-queries';
import { ProductionReadyBadge } from '@/pages/workflows/workflows-page';

type Bindings = Record<string, string | number | boolean>;

interface Props {
  label: string;
  versionId: string | null;
  /** The pin as saved, for the "newer version available" hint. */
  saved: SceneType['workflow'];
  bindings?: Bindings;
  readOnly: boolean;
  error?: string | undefined;
  onVersion: (versionId: string | null) => void;
  onBindings?: (bindings: Bindings) => void;
}

/** The typed value of a slot from what was typed, following the type of the workflow's own value. */
function typed(text: string, like: unknown): string | number | boolean {
  if (typeof like === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (typeof like === 'boolean') return text === 'true';
  return text;
}

export function WorkflowPinFields({
  label,
  versionId,
  saved,
  bindings,
  readOnly,
  error,
  onVersion,
  onBindings,
}: Props) {
  const version = useWorkflowVersion(versionId);
  const workflowId = version.data?.workflowId ?? null;
  const workflows = useWorkflowPages('');
  const detail = useWorkflow(workflowId);
  const workflowOptions = (workflows.data?.pages.flatMap((p) => p.items) ?? [])
    .filter((w) => w.latestVersion)
    .map((w) => ({ value: w.id, label: w.name }));
  if (workflowId && version.data && !workflowOptions.some((o) => o.value === workflowId)) {
    workflowOptions.push({ value: workflowId, label: version.data.workflowName });
  }
  const versionOptions = (detail.data?.versions ?? []).map((v) => ({
    value: v.id,
    label: `v${v.number}${v.productionReady ? ' · production ready' : ''}`,
  }));
  const newer =
    saved && saved.versionId === versionId && saved.latestVersionNumber > saved.versionNumber
      ? detail.data?.versions[0]
      : undefined;

  return (
    <Stack gap="xs" data-testid={`workflow-pin-${label.toLowerCase().replace(/\W+/g, '-')}`}>
      <Group align="flex-end" gap="sm">
        <Select
          label={label}
          placeholder="No workflow pinned"
          data={workflowOptions}
          value={workflowId}
          readOnly={readOnly}
          clearable
          searchable
          error={error}
          w={280}
          onChange={(id) => {
            if (!id) return onVersion(null);
            const latest = workflows.data?.pages
              .flatMap((p) => p.items)
              .find((w) => w.id === id)?.latestVersion;
            onVersion(latest?.id ?? null);
          }}
        />
        {versionId && (
          <Select
            label="Version"
            data={versionOptions}
            value={versionId}
            readOnly={readOnly}
            allowDeselect={false}
            w={200}
            onChange={(v) => v && onVersion(v)}
          />
        )}
        {version.data && <ProductionReadyBadge ready={version.data.productionReady} />}
        {newer && (
          <Group gap={6}>
            <Badge color="blue" variant="light" data-testid="upgrade-available">
              v{newer.number} available
            </Badge>
            {!readOnly && (
              <Button size="compact-sm" variant="light" onClick={() => onVersion(newer.id)}>
                Upgrade
              </Button>
            )}
          </Group>
        )}
      </Group>
      {bindings && onBindings && version.data && (
        <>
          <Text size="sm" c="dimmed">
            Values this scene type sets; empty slots keep the workflow’s value.
          </Text>
          <Table verticalSpacing={4} data-testid="slot-bindings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Slot</Table.Th>
                <Table.Th>Workflow value</Table.Th>
                <Table.Th>Scene type value</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {version.data.parameters.map((s) => (
                <Table.Tr key={s.key}>
                  <Table.Td>
                    <Text size="sm">{s.label}</Text>
                    <Text size="xs" c="dimmed">
                      {s.key}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1} maw={260}>
                      {typeof s.value === 'string' ? s.value : JSON.stringify(s.value)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      readOnly={readOnly}
                      aria-label={`Value for ${s.key}`}
                      value={bindings[s.key] === undefined ? '' : String(bindings[s.key])}
                      onChange={(e) => {
                        const text = e.currentTarget.value;
                        const next = { ...bindings };
                        if (text === '') delete next[s.key];
                        else next[s.key] = typed(text, s.value);
                        onBindings(next);
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
