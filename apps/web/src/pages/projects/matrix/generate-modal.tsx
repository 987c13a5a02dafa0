// The Generate dialog of the matrix (PRD-057): what is selected, which of its scenes to generate, what that costs
// (estimate), at which tier; then what started and what was skipped.
import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Radio,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { InfoIcon, LoadError, notifyError, StartProductionIcon } from '@/components';
import { countOf } from '@/format/count';
import { type SceneCellStatus, sceneStatusLabels, sceneStatusTones } from '../generation/generation-format';
import {
  type BatchGenerationResult,
  type GenerationSelection,
  type Tier,
  useGenerationEstimate,
  useStartGeneration,
} from '../generation/generation-queries';
import { GenerationEstimateView, SkippedCells } from './generation-estimate-view';
import { useCreateScenes } from './matrix-queries';
import type { SelectedCells } from './matrix-selection';

export type Only = GenerationSelection['only'];

/** What the dialog is opened for; the cells are counted live from the matrix, so they follow its refetches. */
export interface GenerateRequest {
  /** "Every character × Walk". */
  summary: string;
  rows: { characterIds?: string[]; sceneTypeIds?: string[] };
  cells: SelectedCells;
  /** Selected characters are on pages not loaded yet: the cell counts cover the loaded ones. */
  partial: boolean;
  /** The choice of scenes the dialog opens with. */
  only: Only;
}

const onlyHelp: Record<Only, string> = {
  not_started: 'Scenes never generated, and cells without a scene yet.',
  failed: 'Scenes whose last generation failed: they start again from the first segment.',
  all: 'Every selected scene that is not approved or generating now, also those generated before.',
};

const tierHelp: Record<Tier, string> = {
  production: 'Full resolution and quality: what gets delivered.',
  draft: 'Half resolution, fewer steps: quick to check, never delivered.',
};

/** The body for a choice of scenes: failed ones by their ids when every selected cell is known. */
function selectionFor(request: GenerateRequest, only: Only): GenerationSelection | null {
  if (only === 'failed' && !request.partial) {
    const ids = request.cells.failedSceneIds;
    return ids.length ? { sceneIds: ids, only } : null;
  }
  return { ...request.rows, only };
}

function StatusCounts({ cells }: { cells: SelectedCells }) {
  const entries = Object.entries(cells.byStatus) as [SceneCellStatus, number][];
  return (
    <Group gap={6} data-testid="selection-statuses">
      {entries.map(([status, n]) => (
        <Badge key={status} variant="light" color={sceneStatusTones[status]} tt="none">
          {n} {sceneStatusLabels[status].toLowerCase()}
        </Badge>
      ))}
    </Group>
  );
}

function GenerationResult({
  projectId,
  result,
  onClose,
}: {
  projectId: string;
  result: BatchGenerationResult;
  onClose: () => void;
}) {
  const started = result.started.length;
  return (
    <Stack gap="md" data-testid="generation-result">
      <Alert
        color={started > 0 ? 'green' : 'gray'}
        variant="light"
        title={started > 0 ? `Started ${countOf(started, 'scene')}` : 'Nothing started'}
      >
        <Text size="sm">
          <span data-testid="started-count">{started}</span> started ·{' '}
          <span data-testid="skipped-count">{result.skipped.length}</span> skipped.{' '}
          {started > 0 && 'The matrix and the Generation tab follow their progress.'}
        </Text>
      </Alert>
      <SkippedCells skipped={result.skipped} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" component={Link} to={`/projects/${projectId}?tab=generation`}>
          Open the Generation tab
        </Button>
        <Button onClick={onClose}>Done</Button>
      </Group>
    </Stack>
  );
}

function GenerateForm({
  projectId,
  request,
  onClose,
  onStarted,
}: {
  projectId: string;
  request: GenerateRequest;
  onClose: () => void;
  onStarted: (result: BatchGenerationResult) => void;
}) {
  const [only, setOnly] = useState<Only>(request.only);
  const [tier, setTier] = useState<Tier>('production');
  const selection = selectionFor(request, only);
  const estimate = useGenerationEstimate(projectId, selection);
  const start = useStartGeneration(projectId);
  const createScenes = useCreateScenes(projectId);
  const missing = only === 'failed' ? 0 : (request.cells.byStatus.not_created ?? 0);
  /** Failed scenes go by their ids: the cells of other statuses do not matter then. */
  const failedOnly = only === 'failed' && !request.partial;
  // Missing scenes are created by the start; with none and nothing estimated, nothing would start.
  const nothing =
    selection === null || (estimate.data !== undefined && estimate.data.scenes === 0 && missing === 0);

  const submit = () => {
    if (!selection) return;
    start.mutate(
      { ...selection, tier },
      {
        onSuccess: onStarted,
        onError: (error) => notifyError(error, 'Could not start generation'),
      },
    );
  };
  const createMissing = () =>
    createScenes.mutate(request.rows, {
      onSuccess: () => void estimate.refetch(),
      onError: (error) => notifyError(error, 'Could not create the scenes'),
    });

  return (
    <Stack gap="md" data-testid="generate-form">
      <Stack gap={6}>
        <Text size="sm">
          <Text span fw={600}>
            Selection:
          </Text>{' '}
          <span data-testid="selection-summary">{request.summary}</span> —{' '}
          {failedOnly
            ? countOf(request.cells.failedSceneIds.length, 'failed scene')
            : request.partial
              ? `${countOf(request.cells.cells, 'cell')} among the loaded characters, more on later pages`
              : countOf(request.cells.cells, 'cell')}
        </Text>
        {!failedOnly && <StatusCounts cells={request.cells} />}
      </Stack>

      <Stack gap={4}>
        <Text size="sm" fw={500} id="generate-only-label">
          Scenes to generate
        </Text>
        <SegmentedControl
          aria-labelledby="generate-only-label"
          value={only}
          onChange={(value) => setOnly(value as Only)}
          data={[
            { value: 'not_started', label: 'Not started' },
            { value: 'failed', label: 'Failed' },
            { value: 'all', label: 'All' },
          ]}
        />
        <Text size="xs" c="dimmed">
          {onlyHelp[only]}
        </Text>
      </Stack>

      {missing > 0 && (
        <Alert color="blue" variant="light" icon={<InfoIcon size={18} />} p="sm" data-testid="missing-scenes">
          <Group justify="space-between" gap="sm" wrap="nowrap" align="center">
            <Text size="sm">
              {countOf(missing, 'selected cell')} {missing === 1 ? 'has' : 'have'} no scene yet. Starting
              creates and generates {missing === 1 ? 'it' : 'them'}, but the estimate below only counts scenes
              that exist.
            </Text>
            <Button
              size="xs"
              variant="default"
              style={{ flex: 'none' }}
              loading={createScenes.isPending}
              onClick={createMissing}
            >
              Create and estimate
            </Button>
          </Group>
        </Alert>
      )}

      <Text size="sm" fw={500} mb={-8}>
        Estimate
      </Text>
      {selection === null ? (
        <Text size="sm" c="dimmed" data-testid="nothing-failed">
          No selected scene has failed.
        </Text>
      ) : estimate.isError ? (
        <LoadError what="the estimate" error={estimate.error} onRetry={() => void estimate.refetch()} />
      ) : estimate.data ? (
        <div style={{ opacity: estimate.isPlaceholderData ? 0.5 : 1 }}>
          <GenerationEstimateView estimate={estimate.data} />
        </div>
      ) : (
        <Stack gap="xs" data-testid="estimate-loading">
          <Skeleton height={64} />
          <Skeleton height={20} width="70%" />
        </Stack>
      )}

      <Radio.Group label="Tier" value={tier} onChange={(value) => setTier(value as Tier)}>
        <Group gap="xl" mt={6} align="flex-start">
          <Radio value="production" label="Production" description={tierHelp.production} />
          <Radio value="draft" label="Draft" description={tierHelp.draft} />
        </Group>
      </Radio.Group>

      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button
          leftSection={<StartProductionIcon size={16} />}
          onClick={submit}
          disabled={nothing || estimate.isFetching}
          loading={start.isPending}
        >
          Start generation
        </Button>
      </Group>
    </Stack>
  );
}

export function GenerateModal({
  projectId,
  request,
  onClose,
}: {
  projectId: string;
  request: GenerateRequest | null;
  onClose: () => void;
}) {
  const [result, setResult] = useState<BatchGenerationResult | null>(null);
  const close = () => {
    setResult(null);
    onClose();
  };
  return (
    <Modal opened={request !== null} onClose={close} title="Generate scenes" size="xl">
      {result ? (
        <GenerationResult projectId={projectId} result={result} onClose={close} />
      ) : (
        request && (
          <GenerateForm projectId={projectId} request={request} onClose={close} onStarted={setResult} />
        )
      )}
    </Modal>
  );
}
