// The "Generation and QA" card of a saved scene type: QA rule set (PRD-091), smart auto-retry (PRD-071), boundary
// frame choice (PRD-024) and continuity aids (PRD-026). Saved on its own through the scene type update, so it never
// touches unsaved edits of the form above it.
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Input,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '@/api/client';
import { unwrap } from '@/api/unwrap';
import { AddIcon, notifyError, notifySuccess, TrashIcon } from '@/components';
import {
  applyGenerationErrors,
  type BoundaryMode,
  type GenerationBody,
  type GenerationSettings,
  generationBodyOf,
  generationValuesOf,
  jitterMax,
  maxAttemptsRange,
  useGenerationForm,
  windowFramesRange,
} from './generation-settings-fields';
import { QaRuleSet } from './qa-rule-set';
import { sceneTypesKey } from './scene-type-queries';

const boundaryHelp: Record<BoundaryMode, string> = {
  last: 'The literal last frame seeds the next segment.',
  auto: 'The calmest, sharpest of the final frames: fewer jumps at the joins, the segment is trimmed there.',
  manual: 'Generation pauses after each segment until a person picks the frame.',
};

function useSaveGeneration(sceneTypeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (generation: GenerationBody) =>
      unwrap(
        api.PATCH('/api/v1/scene-types/{id}', {
          params: { path: { id: sceneTypeId } },
          body: { generation },
        }),
      ),
    meta: { handlesErrors: true },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sceneTypesKey }),
  });
}

export function GenerationSettingsCard({
  sceneTypeId,
  settings,
  readOnly,
}: {
  sceneTypeId: string;
  settings: GenerationSettings;
  readOnly: boolean;
}) {
  const initial = useMemo(() => generationValuesOf(settings), [settings]);
  const form = useGenerationForm(initial);
  const save = useSaveGeneration(sceneTypeId);
  const v = form.values;

  const submit = form.onSubmit((values) => {
    save.mutate(generationBodyOf(values), {
      onSuccess: () => {
        form.resetDirty(values);
        notifySuccess('The generation settings were saved.', 'Generation settings saved');
      },
      onError: (error) => {
        if (!applyGenerationErrors(form, error, values))
          notifyError(error, 'Could not save the generation settings');
      },
    });
  });

  return (
    <Card data-testid="generation-settings" mt="xl">
      <form onSubmit={submit} noValidate aria-label="Generation and QA">
        <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="lg">
            <Stack gap={2}>
              <Group gap="xs">
                <Text fw={600}>Generation and QA</Text>
                {form.isDirty() && (
                  <Badge variant="light" color="yellow" size="sm" data-testid="generation-unsaved">
                    Unsaved
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                How segments of this scene type are checked, retried and joined. Saved on its own with the
                button below; applies to runs started afterwards.
              </Text>
            </Stack>

            <QaRuleSet form={form} readOnly={readOnly} />

            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
              <Stack gap="sm">
                <Text fw={600} size="sm">
                  Smart auto-retry
                </Text>
                <Switch
                  label="Retry a segment that fails a hard gate"
                  description="With a new seed and slightly changed settings; the best attempt is kept."
                  {...form.getInputProps('retryEnabled', { type: 'checkbox' })}
                />
                <NumberInput
                  label="Attempts per segment"
                  description="The first included"
                  min={maxAttemptsRange.min}
                  max={maxAttemptsRange.max}
                  allowDecimal={false}
                  w={200}
                  disabled={readOnly || !v.retryEnabled}
                  {...form.getInputProps('maxAttempts')}
                />
                <Input.Wrapper
                  label="Jitter per slot"
                  description={`Each retry moves these numeric slots by at most ± this fraction of their value (0–${jitterMax}; cfg 0.1 = ±10 %).`}
                >
                  <Stack gap={6} mt={6}>
                    {v.jitter.length === 0 && (
                      <Text size="xs" c="dimmed">
                        No jitter: retries change only the seed.
                      </Text>
                    )}
                    {v.jitter.map((_, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: jitter rows are edited in place by position
                      <Group key={i} gap="xs" align="flex-start" wrap="nowrap" data-testid="jitter-row">
                        <TextInput
                          size="xs"
                          placeholder="slot, e.g. cfg"
                          aria-label={`Jitter ${i + 1} slot`}
                          autoComplete="off"
                          style={{ flex: 1 }}
                          disabled={readOnly || !v.retryEnabled}
                          {...form.getInputProps(`jitter.${i}.slot`)}
                        />
                        <NumberInput
                          size="xs"
                          w={110}
                          min={0}
                          max={jitterMax}
                          step={0.05}
                          decimalScale={3}
                          aria-label={`Jitter ${i + 1} fraction`}
                          disabled={readOnly || !v.retryEnabled}
                          {...form.getInputProps(`jitter.${i}.fraction`)}
                        />
                        {!readOnly && (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            size={30}
                            aria-label={`Remove jitter ${i + 1}`}
                            onClick={() => form.removeListItem('jitter', i)}
                          >
                            <TrashIcon size={14} />
                          </ActionIcon>
                        )}
                      </Group>
                    ))}
                    {!readOnly && (
                      <Button
                        variant="default"
                        size="xs"
                        w="fit-content"
                        leftSection={<AddIcon size={14} />}
                        disabled={!v.retryEnabled}
                        onClick={() => form.insertListItem('jitter', { slot: '', fraction: 0.1 })}
                      >
                        Add slot
                      </Button>
                    )}
                  </Stack>
                </Input.Wrapper>
              </Stack>

              <Stack gap="sm">
                <Stack gap={0}>
                  <Text fw={600} size="sm">
                    Boundary frame
                  </Text>
                  <Text size="xs" c="dimmed">
                    The frame that ends a segment and seeds the next.
                  </Text>
                </Stack>
                <Radio.Group
                  aria-label="Boundary frame"
                  value={v.boundaryMode}
                  onChange={(value) => form.setFieldValue('boundaryMode', value as BoundaryMode)}
                  error={form.errors.boundaryMode}
                >
                  <Stack gap={8}>
                    <Radio value="last" label="Last frame" description={boundaryHelp.last} />
                    <Radio value="auto" label="Automatic" description={boundaryHelp.auto} />
                    <Radio value="manual" label="Manual" description={boundaryHelp.manual} />
                  </Stack>
                </Radio.Group>
                {v.boundaryMode === 'auto' && (
                  <NumberInput
                    label="Search window (frames)"
                    description="How many final frames the automatic choice looks at"
                    min={windowFramesRange.min}
                    max={windowFramesRange.max}
                    allowDecimal={false}
                    w={240}
                    {...form.getInputProps('boundaryWindowFrames')}
                  />
                )}
                <Text fw={600} size="sm" mt="xs">
                  Continuity
                </Text>
                <NumberInput
                  label="Re-anchor on the hero below likeness"
                  description="When a boundary frame's likeness falls below this, the next segment starts from the hero instead. Empty = off."
                  placeholder="off"
                  min={0}
                  max={1}
                  step={0.05}
                  decimalScale={3}
                  w={320}
                  {...form.getInputProps('anchorBelow')}
                />
                <Switch
                  label="Colour matching"
                  description="Match each boundary frame's colours to the hero before seeding, against drift."
                  {...form.getInputProps('colourMatch', { type: 'checkbox' })}
                />
              </Stack>
            </SimpleGrid>

            {!readOnly && (
              <Group justify="flex-end" gap="sm">
                <Button
                  variant="default"
                  disabled={!form.isDirty()}
                  onClick={() => {
                    form.setValues(initial);
                    form.resetDirty(initial);
                    form.clearErrors();
                  }}
                >
                  Discard changes
                </Button>
                <Button type="submit" loading={save.isPending}>
                  Save generation settings
                </Button>
              </Group>
            )}
          </Stack>
        </fieldset>
      </form>
    </Card>
  );
}
