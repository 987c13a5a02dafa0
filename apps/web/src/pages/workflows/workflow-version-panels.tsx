// The panels of a workflow version: parameter slots (editable), validation matrix, dry run, diff between versions.
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  List,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { isApiError } from '@/api/api-error';
import { AddIcon, DateTimeText, DryRunIcon, EmptyList, TrashIcon, ValidateIcon } from '@/components';
import {
  type SlotsBody,
  useDryRun,
  useUpdateSlots,
  useValidateVersion,
  useWorkflowDiff,
  useWorkflowWorkers,
  type Workflow,
  type WorkflowVersion,
} from './workflow-queries';

const categories = ['generation', 'quality', 'content', 'video', 'model'] as const;
type SlotRow = SlotsBody['parameters'][number];

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
const errorText = (e: unknown) =>
  isApiError(e) ? [e.detail, ...e.fieldErrors.map((f) => `${f.field}: ${f.message}`)].join(' — ') : String(e);

export function SlotsPanel({ version, canWrite }: { version: WorkflowVersion; canWrite: boolean }) {
  const initial = useMemo<SlotRow[]>(
    () =>
      version.parameters.map((s) => ({
        key: s.key,
        label: s.label,
        nodeId: s.nodeId,
        input: s.input,
        category: s.category,
      })),
    [version.parameters],
  );
  const [rows, setRows] = useState(initial);
  useEffect(() => setRows(initial), [initial]);
  const [adding, setAdding] = useState<string | null>(null);
  const save = useUpdateSlots();
  const graph = version.apiJson as Record<string, { class_type: string; inputs: Record<string, unknown> }>;
  const slotValue = (r: SlotRow) => graph[r.nodeId]?.inputs[r.input];
  const dirty = JSON.stringify(rows) !== JSON.stringify(initial);
  const markable = Object.entries(graph).flatMap(([nodeId, node]) =>
    Object.entries(node.inputs)
      .filter(
        ([input, v]) => !Array.isArray(v) && !rows.some((r) => r.nodeId === nodeId && r.input === input),
      )
      .map(([input]) => ({ value: `${nodeId}|${input}`, label: `${nodeId} ${node.class_type} · ${input}` })),
  );
  const update = (i: number, patch: Partial<SlotRow>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Slots are the values a scene type may set. They were discovered in the workflow; mark more inputs by
        hand, rename them or remove them.
      </Text>
      {rows.length === 0 ? (
        <EmptyList title="No parameters" description="Mark an input below so scene types can set it." />
      ) : (
        <Table data-testid="workflow-slots" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Slot</Table.Th>
              <Table.Th>Category</Table.Th>
              <Table.Th>Node · input</Table.Th>
              <Table.Th>Value in the workflow</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={`${r.nodeId}|${r.input}`} data-testid="workflow-slot">
                <Table.Td>
                  <TextInput
                    size="xs"
                    value={r.key}
                    readOnly={!canWrite}
                    aria-label={`Slot key of ${r.nodeId}.${r.input}`}
                    onChange={(e) => update(i, { key: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    data={categories as unknown as string[]}
                    value={r.category}
                    readOnly={!canWrite}
                    allowDeselect={false}
                    aria-label={`Category of ${r.key}`}
                    onChange={(c) => c && update(i, { category: c as SlotRow['category'] })}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {r.nodeId} {graph[r.nodeId]?.class_type} · {r.input}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2} maw={360}>
                    {show(slotValue(r))}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {canWrite && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${r.key}`}
                      onClick={() => setRows((all) => all.filter((_, j) => j !== i))}
                    >
                      <TrashIcon size={14} />
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canWrite && (
        <Group align="flex-end">
          <Select
            label="Mark an input as a slot"
            placeholder="Node and input"
            searchable
            data={markable}
            value={adding}
            onChange={setAdding}
            w={360}
          />
          <Button
            variant="default"
            leftSection={<AddIcon size={16} />}
            disabled={!adding}
            onClick={() => {
              const [nodeId, input] = adding!.split('|') as [string, string];
              const key = input.toLowerCase().replace(/[^a-z0-9_]/g, '_');
              setRows((all) => [...all, { key, nodeId, input, category: 'generation' }]);
              setAdding(null);
            }}
          >
            Add
          </Button>
          <Button
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => save.mutate({ versionId: version.id, body: { parameters: rows } })}
          >
            Save parameters
          </Button>
        </Group>
      )}
      {save.isError && <Alert color="red">{errorText(save.error)}</Alert>}
    </Stack>
  );
}

export function ValidationPanel({ version, canWrite }: { version: WorkflowVersion; canWrite: boolean }) {
  const validate = useValidateVersion();
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Checks every node class, input and model file against each worker’s live catalogue.
        </Text>
        {canWrite && (
          <Button
            leftSection={<ValidateIcon size={16} />}
            loading={validate.isPending}
            onClick={() => validate.mutate(version.id)}
            data-testid="validate-all"
          >
            Validate on all workers
          </Button>
        )}
      </Group>
      {validate.isError && <Alert color="red">{errorText(validate.error)}</Alert>}
      {version.validation.length === 0 ? (
        <EmptyList
          title="Not validated yet"
          description="Validate on all workers to see which of them can run this version."
        />
      ) : (
        <Table data-testid="validation-matrix" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Worker</Table.Th>
              <Table.Th>Result</Table.Th>
              <Table.Th>Problems</Table.Th>
              <Table.Th>Checked</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {version.validation.map((v) => (
              <Table.Tr key={v.workerId ?? 'catalogue'} data-testid="validation-row">
                <Table.Td>{v.workerName}</Table.Td>
                <Table.Td>
                  <Badge color={v.ok ? 'green' : 'red'} variant="light">
                    {v.ok ? 'Passed' : 'Failed'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {v.error && (
                    <Text size="sm" c="red">
                      {v.error}
                    </Text>
                  )}
                  {v.problems.length === 0 && !v.error ? (
                    <Text size="sm" c="dimmed">
                      None
                    </Text>
                  ) : (
                    <List size="sm">
                      {v.problems.map((p) => (
                        <List.Item
                          key={`${p.code}${p.nodeId}${p.input}`}
                          c={p.severity === 'error' ? 'red' : 'dimmed'}
                        >
                          {p.message}
                        </List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
                <Table.Td>
                  <DateTimeText value={v.checkedAt} relative />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function DryRunPanel({ version, canWrite }: { version: WorkflowVersion; canWrite: boolean }) {
  const workers = useWorkflowWorkers();
  const run = useDryRun();
  const [workerId, setWorkerId] = useState<string | null>(null);
  const options = (workers.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.name} (${w.health})` }));
  const last = version.dryRun;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Runs this version once on a worker with a generated test image in every image input, and waits for it
        (at most 5 minutes).
      </Text>
      {canWrite &&
        (options.length === 0 ? (
          <Alert color="gray">No worker is registered yet: add one to dry-run workflows.</Alert>
        ) : (
          <Group align="flex-end">
            <Select label="Worker" data={options} value={workerId} onChange={setWorkerId} w={320} />
            <Button
              leftSection={<DryRunIcon size={16} />}
              disabled={!workerId}
              loading={run.isPending}
              onClick={() => run.mutate({ versionId: version.id, workerId: workerId! })}
            >
              Run dry run
            </Button>
          </Group>
        ))}
      {run.isError && <Alert color="red">{errorText(run.error)}</Alert>}
      {last ? (
        <Alert
          color={last.ok ? 'green' : 'red'}
          title={`Last dry run on ${last.workerName}: ${last.outcome} in ${(last.durationMs / 1000).toFixed(1)} s`}
          data-testid="dry-run-result"
        >
          <Stack gap={4}>
            {last.error && <Text size="sm">{last.error}</Text>}
            {last.nodeErrors.map((n) => (
              <Text size="sm" key={n.nodeId}>
                Node {n.nodeId} ({n.classType}): {n.messages.join('; ')}
              </Text>
            ))}
            <Text size="xs" c="dimmed">
              <DateTimeText value={last.finishedAt} relative />
            </Text>
          </Stack>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          No dry run yet.
        </Text>
      )}
    </Stack>
  );
}

export function DiffPanel({ workflow, versionId }: { workflow: Workflow; versionId: string }) {
  const options = workflow.versions.map((v) => ({ value: v.id, label: `v${v.number}` }));
  const index = workflow.versions.findIndex((v) => v.id === versionId);
  const [from, setFrom] = useState<string | null>(
    workflow.versions[index + 1]?.id ?? workflow.versions[1]?.id ?? null,
  );
  const [to, setTo] = useState<string | null>(versionId);
  const diff = useWorkflowDiff(workflow.id, from, to);
  const d = diff.data;
  return (
    <Stack gap="sm">
      <Group>
        <Select label="From" data={options} value={from} onChange={setFrom} w={120} allowDeselect={false} />
        <Select label="To" data={options} value={to} onChange={setTo} w={120} allowDeselect={false} />
      </Group>
      {from === to && (
        <Text size="sm" c="dimmed">
          Choose two different versions.
        </Text>
      )}
      {d && (
        <Stack gap="xs" data-testid="workflow-diff">
          {d.identical && <Text size="sm">The two versions are the same.</Text>}
          {d.added.map((n) => (
            <Text size="sm" c="green" key={`a${n.nodeId}`}>
              + node {n.nodeId} {n.classType}
            </Text>
          ))}
          {d.removed.map((n) => (
            <Text size="sm" c="red" key={`r${n.nodeId}`}>
              − node {n.nodeId} {n.classType}
            </Text>
          ))}
          {d.changed.map((n) => (
            <Stack gap={2} key={`c${n.nodeId}`}>
              <Text size="sm" fw={500}>
                ~ node {n.nodeId} {n.classType}
                {n.classChanged && ` (was ${n.classChanged.from})`}
              </Text>
              {n.inputs.map((c) => (
                <Text size="sm" key={c.input} pl="md">
                  {c.input}: <Code>{c.from === undefined ? '—' : show(c.from)}</Code> →{' '}
                  <Code>{c.to === undefined ? '—' : show(c.to)}</Code>
                </Text>
              ))}
            </Stack>
          ))}
          {(d.slotsAdded.length > 0 || d.slotsRemoved.length > 0) && (
            <Text size="sm">
              Slots added: {d.slotsAdded.join(', ') || 'none'} · removed:{' '}
              {d.slotsRemoved.join(', ') || 'none'}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
