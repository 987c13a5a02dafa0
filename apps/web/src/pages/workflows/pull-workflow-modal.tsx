// Pulls a workflow from a worker: pick a worker, then one of the prompts it ran recently; its workflow (the UI
// format when the prompt carried it) is imported as a new workflow.
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Radio,
  ScrollArea,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '@/api/api-error';
import { api } from '@/api/client';
import { unwrap } from '@/api/unwrap';
import { useWorkflowWorkers } from './workflow-queries';

export function PullWorkflowModal({
  opened,
  onClose,
  onPulled,
}: {
  opened: boolean;
  onClose: () => void;
  onPulled: (workflowId: string, versionId: string) => void;
}) {
  const workers = useWorkflowWorkers();
  const [workerId, setWorkerId] = useState<string | null>(null);
  const [promptId, setPromptId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const client = useQueryClient();
  const prompts = useQuery({
    queryKey: ['workflows', 'worker-prompts', workerId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/workflows/workers/{id}/prompts', { params: { path: { id: workerId ?? '' } } })),
    enabled: opened && workerId !== null,
    // prompts still running appear once they finish
    refetchInterval: opened ? 5000 : false,
    meta: { handlesErrors: true },
  });
  const pull = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workflows/pull', {
          body: { workerId: workerId ?? '', promptId: promptId ?? '', name: name.trim() },
        }),
      ),
    meta: { handlesErrors: true },
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: ['workflows'] });
      onPulled(r.workflow.id, r.version.id);
    },
    onError: (e) => setError(isApiError(e) ? e.detail : String(e)),
  });
  const items = prompts.data?.items ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title="Pull a workflow from a worker" size="lg">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Pick a prompt the worker ran recently. When the ComfyUI front end sent it, its full UI workflow
          comes along; otherwise the graph as it ran.
        </Text>
        <Select
          label="Worker"
          placeholder="Choose a worker"
          data={(workers.data?.items ?? []).map((w) => ({ value: w.id, label: `${w.name} (${w.health})` }))}
          value={workerId}
          onChange={(v) => {
            setWorkerId(v);
            setPromptId(null);
            setError(null);
          }}
        />
        {workerId && prompts.isError && (
          <Alert color="red">
            {isApiError(prompts.error) ? prompts.error.detail : 'The worker did not answer.'}
          </Alert>
        )}
        {workerId && prompts.data && items.length === 0 && (
          <Text size="sm">This worker has no prompts in its history yet.</Text>
        )}
        {items.length > 0 && (
          <ScrollArea.Autosize mah={260}>
            <Radio.Group value={promptId} onChange={setPromptId} label="Prompt" data-testid="worker-prompts">
              <Stack gap={6} mt={4}>
                {items.map((p) => (
                  <Radio
                    key={p.promptId}
                    value={p.promptId}
                    label={
                      <Group gap={6}>
                        <Text size="sm" ff="monospace">
                          {p.promptId.slice(0, 8)}
                        </Text>
                        <Text size="sm">
                          {p.nodeCount} nodes · {p.nodeClasses.slice(0, 3).join(', ')}
                        </Text>
                        <Badge size="xs" variant="light" color={p.status === 'success' ? 'green' : 'gray'}>
                          {p.status}
                        </Badge>
                        {p.hasUiWorkflow && (
                          <Badge size="xs" variant="outline">
                            UI workflow
                          </Badge>
                        )}
                      </Group>
                    }
                  />
                ))}
              </Stack>
            </Radio.Group>
          </ScrollArea.Autosize>
        )}
        <TextInput
          label="Name"
          placeholder="e.g. Image to video (render-01)"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          maxLength={120}
        />
        {error && (
          <Alert color="red" title="Not imported" data-testid="pull-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!workerId || !promptId || name.trim() === ''}
            loading={pull.isPending}
            onClick={() => {
              setError(null);
              pull.mutate();
            }}
          >
            Pull workflow
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
