// "Generate from source image" in one variant type's group (PRD-021): starts the type's image-to-image workflow on
// the character's source image and shows where it stands (queued, rendering, registering, done or failed).
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  CloseButton,
  Group,
  Progress,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError, isApiError } from '@/api/api-error';
import type { Character, ImageVariantType } from '@/api/types';
import { ErrorIcon, ExternalLinkIcon, WorkflowsIcon } from '@/components';
import {
  useGenerateVariant,
  useVariantGenerationJobs,
  type VariantGenerationJobs,
} from './variant-generation-queries';
import { type GenerationStatus, generationStatusOf } from './variant-generation-status';

interface VariantGenerationProps {
  character: Character;
  type: { slug: string; name: string; generation: ImageVariantType['generation'] | null };
}

const settingsLink = (
  <Anchor component={Link} to="/settings/variant-types" inherit>
    Settings → Variant types
  </Anchor>
);

/** What to do about a refused request: the server's sentence, and where to fix what it names. */
function Refusal({ error, onClose }: { error: unknown; onClose: () => void }) {
  const fields = isApiError(error) ? error.fieldErrors.map((f) => f.field) : [];
  let fix = null;
  if (fields.includes('variantType.generationWorkflowVersionId'))
    fix = <>Choose an image-to-image workflow for this type in {settingsLink}.</>;
  else if (fields.includes('character.sourceImage')) fix = 'Upload a source image above, then try again.';
  return (
    <Alert
      color="red"
      variant="light"
      icon={<ErrorIcon size={18} />}
      title="Could not start the generation"
      withCloseButton
      onClose={onClose}
      p="xs"
      data-testid="variant-generation-error"
    >
      <Text size="sm">
        {describeError(error)} {fix}
      </Text>
    </Alert>
  );
}

function StatusLine({ status, onClose }: { status: GenerationStatus; onClose: (() => void) | null }) {
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      align="center"
      data-testid="variant-generation-status"
      data-phase={status.phase}
      aria-live="polite"
    >
      <Badge color={status.color} variant="light" miw="max-content">
        {status.label}
        {status.progress !== null && ` ${Math.round(status.progress * 100)}%`}
      </Badge>
      {status.progress !== null && (
        <Progress value={status.progress * 100} w={80} size="sm" animated aria-label="Render progress" />
      )}
      {status.detail && (
        <Text size="xs" c={status.phase === 'failed' ? 'red' : 'dimmed'} lineClamp={2}>
          {status.detail}
        </Text>
      )}
      {status.jobId && (
        <Anchor
          component={Link}
          to={`/jobs/${status.jobId}`}
          size="xs"
          miw="max-content"
          data-testid="variant-generation-job"
        >
          <Group gap={2} wrap="nowrap">
            {status.phase === 'failed' ? 'Open the job' : 'Job'}
            <ExternalLinkIcon size={12} aria-hidden />
          </Group>
        </Anchor>
      )}
      {onClose && <CloseButton size="sm" aria-label="Dismiss" onClick={onClose} />}
    </Group>
  );
}

export function VariantGeneration({ character, type }: VariantGenerationProps) {
  const generate = useGenerateVariant(character);
  const [run, setRun] = useState<VariantGenerationJobs | null>(null);
  const jobs = useVariantGenerationJobs(run);
  const workflowName = type.generation?.workflowName ?? null;

  if (!type.generation?.workflowVersionId) {
    return (
      <Text size="xs" c="dimmed" data-testid="variant-generation-hint">
        {type.name} variants are uploaded, not generated: to derive them from the source image, choose an
        image-to-image workflow in {settingsLink}.
      </Text>
    );
  }

  const running = generate.isPending || (run !== null && !jobs.ended);
  const noSource = character.sourceImage === null;
  const status = run ? generationStatusOf(jobs.render, jobs.collect) : null;
  const start = () => {
    setRun(null);
    generate.mutate(type.slug, { onSuccess: setRun });
  };

  return (
    <Stack gap={6}>
      <Group gap="sm" wrap="wrap" align="center">
        <Tooltip
          label="Upload a source image first: the variant is derived from it."
          disabled={!noSource}
          multiline
          w={240}
        >
          {/* A disabled button gets no hover: the wrapper keeps the explanation reachable. */}
          <Box component="span" display="inline-flex">
            <Button
              size="xs"
              variant="light"
              leftSection={<WorkflowsIcon size={14} />}
              disabled={noSource || (running && !generate.isPending)}
              loading={generate.isPending}
              onClick={start}
              data-testid={`variant-generate-${type.slug}`}
            >
              Generate from source image
            </Button>
          </Box>
        </Tooltip>
        {workflowName && (
          <Text size="xs" c="dimmed">
            with {workflowName}
          </Text>
        )}
      </Group>
      {generate.isError && <Refusal error={generate.error} onClose={() => generate.reset()} />}
      {status && (
        <StatusLine
          status={jobs.error && !jobs.render ? { ...status, detail: describeError(jobs.error) } : status}
          onClose={jobs.ended ? () => setRun(null) : null}
        />
      )}
    </Stack>
  );
}
