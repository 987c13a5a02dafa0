// The scene type editor (PRD-023 §1.1–1.5): name and delivered file names, workflow, LoRAs, durations,
// applicability, and the three position prompts with a live preview for a character of the project; below it, the
// generation and QA settings of a saved type (saved on their own).
// Reviewers, and everyone while the project is locked, read it without changing it.
import { roleCan } from '@i2v/domain';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Checkbox,
  Code,
  Grid,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type ReactNode, useEffect, useMemo } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '@/api/api-error';
import { formFieldOf } from '@/api/form-errors';
import type { ImageVariantType, Project, SceneType } from '@/api/types';
import { useCurrentUser } from '@/auth/use-session';
import {
  AddIcon,
  LoadError,
  NotFoundIcon,
  notifyError,
  notifySuccess,
  StudioScopeIcon,
  TrashIcon,
} from '@/components';
import { StatusMessage } from '@/pages/errors/status-message';
import { useVariantTypes } from '@/pages/settings/variant-types/variant-type-queries';
import { tones } from '@/theme/tokens';
import { ReadOnlyReason } from '../characters/read-only-reason';
import { useProject } from '../project-queries';
import { GenerationSettingsCard } from './generation-settings';
import { PromptPreview } from './prompt-preview';
import {
  blankSceneType,
  bodyOf,
  type ClipPosition,
  clipPositions,
  contentNameOf,
  exampleFileNames,
  loraLimit,
  promptsBodyOf,
  type SceneTypeFormValues,
  sceneTypeNameMaxLength,
  sceneTypeWriteBlockOf,
  segmentCountOfValues,
  valuesOf,
} from './scene-type-fields';
import { useCreateSceneType, useSceneType, useUpdateSceneType } from './scene-type-queries';
import { WorkflowPinFields } from './workflow-pin-fields';

const positionHelp: Record<ClipPosition, string> = {
  full_clip: 'Used for every segment unless the start or continuation prompt is set.',
  start_clip: 'Optional: the first segment of a chain. Empty = full_clip.',
  continuation_clip: 'Optional: every later segment, seeded by the previous frame. Empty = full_clip.',
};

/** Server field errors onto the form: `body.applicability.atSegment` → `applicability.atSegment`. */
function applyServerErrors(
  form: { setErrors: (e: Record<string, string>) => void },
  error: unknown,
): boolean {
  if (!isApiError(error) || error.fieldErrors.length === 0) return false;
  const errors: Record<string, string> = {};
  for (const fe of error.fieldErrors) {
    let field = formFieldOf(fe.field);
    if (field.startsWith('applicability.variantTypeIds')) field = 'applicability.variantTypeIds';
    if (/^prompts\.\w+$/.test(field)) field = `${field}.positive`;
    if (field.startsWith('slotBindings')) field = 'workflowVersionId';
    const message = fe.message.charAt(0).toUpperCase() + fe.message.slice(1);
    errors[field] = errors[field] ? `${errors[field]}; ${fe.message}` : message;
  }
  form.setErrors(errors);
  return true;
}

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card>
      <Stack gap="md">
        <Stack gap={2}>
          <Text fw={600}>{title}</Text>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Card>
  );
}

interface EditorProps {
  project: Project;
  sceneType: SceneType | null;
  variantTypes: ImageVariantType[];
  initialScope: 'project' | 'studio';
}

function SceneTypeEditor({ project, sceneType, variantTypes, initialScope }: EditorProps) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const projectBlock = sceneTypeWriteBlockOf(project, roleCan(user.role, 'content.write'));
  const create = useCreateSceneType();
  const update = useUpdateSceneType();
  // Saving the generation settings reloads the type too: the form resets only when its own fields changed, so
  // unsaved edits here survive that save.
  const loaded = sceneType ? JSON.stringify(valuesOf(sceneType)) : null;
  const initial = useMemo(
    () =>
      loaded
        ? (JSON.parse(loaded) as SceneTypeFormValues)
        : { ...blankSceneType(variantTypes), scope: initialScope },
    [loaded, variantTypes, initialScope],
  );
  const form = useForm<SceneTypeFormValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      name: (v) =>
        !v.trim()
          ? 'Enter a name'
          : contentNameOf(v) === ''
            ? 'Use Latin letters or digits, so delivered file names can be made from it'
            : null,
      loras: {
        name: (v) => (v.trim() ? null : 'Enter the LoRA name'),
        weight: (v) => (v === '' ? 'Enter a weight' : null),
      },
      targetDurationSeconds: (v) => (v === '' || Number(v) <= 0 ? 'Enter a duration above 0' : null),
      segmentDurationSeconds: (v) => (v === '' || Number(v) <= 0 ? 'Enter a duration above 0' : null),
      toleranceSeconds: (v, values) =>
        v === '' || Number(v) < 0
          ? 'Enter 0 or more'
          : Number(v) >= Number(values.segmentDurationSeconds)
            ? 'Must be less than the segment duration'
            : null,
      prompts: {
        full_clip: {
          positive: (_, values) =>
            values.prompts.full_clip.positive.trim() ||
            values.prompts.full_clip.negative.trim() ||
            values.prompts.start_clip.positive.trim()
              ? null
              : 'Write the full_clip prompt',
        },
      },
      applicability: {
        variantTypeIds: (v, values) =>
          values.applicability.kind === 'variants' && v.length === 0
            ? 'Choose at least one image variant type'
            : null,
        fromVariantTypeId: (v, values) =>
          values.applicability.kind === 'transition' && !v ? 'Choose the variant it starts from' : null,
        toVariantTypeId: (v, values) =>
          values.applicability.kind !== 'transition'
            ? null
            : !v
              ? 'Choose the variant it ends on'
              : v === values.applicability.fromVariantTypeId
                ? 'Must differ from the start variant'
                : null,
        suffix: (v, values) =>
          values.applicability.kind !== 'transition'
            ? null
            : /^[a-z0-9]+(_[a-z0-9]+)*$/.test(v.trim())
              ? null
              : 'Use snake_case: lowercase letters and digits separated by single underscores, e.g. to_formal',
      },
    },
  });
  // A saved type reloads into the form (e.g. after Save).
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the loaded type changes
  useEffect(() => {
    form.setValues(initial);
    form.resetDirty(initial);
  }, [initial]);

  const v = form.values;
  const studio = v.scope === 'studio';
  // Studio-wide types do not follow a project's lock, only the role.
  const blocked = studio && projectBlock && roleCan(user.role, 'content.write') ? null : projectBlock;
  const readOnly = blocked !== null;
  const segmentCount = segmentCountOfValues(v);
  const files = exampleFileNames(v, variantTypes);
  const content = contentNameOf(v.name);
  const typeOptions = variantTypes.map((t) => ({ value: t.id, label: t.name }));
  const saving = create.isPending || update.isPending;
  const back = `/projects/${project.id}?tab=scene-types`;

  const submit = form.onSubmit((values) => {
    const body = bodyOf(values);
    const onError = (error: Error) => {
      if (!applyServerErrors(form, error)) notifyError(error, 'Could not save the scene type');
    };
    if (sceneType) {
      update.mutate(
        { id: sceneType.id, changes: body, tags: values.tags },
        {
          onSuccess: (saved) => {
            notifySuccess(`"${saved.name}" was saved.`, 'Scene type saved');
            navigate(back);
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { ...body, projectId: values.scope === 'studio' ? null : project.id, tags: values.tags },
        {
          onSuccess: (saved) => {
            notifySuccess(`"${saved.name}" was created.`, 'Scene type created');
            navigate(back);
          },
          onError,
        },
      );
    }
  });

  const prefixHint = variantTypes
    .filter((t) => t.filePrefix)
    .map((t) => `${t.filePrefix}_${content || 'walk'}.mp4`)[0];

  return (
    <>
      <form onSubmit={submit} noValidate aria-label="Scene type">
        <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Stack gap="lg">
                <Section title="Name and scope">
                  {sceneType === null ? (
                    <Radio.Group
                      label="Scope"
                      value={v.scope}
                      onChange={(scope) => form.setFieldValue('scope', scope as 'project' | 'studio')}
                    >
                      <Group gap="lg" mt={6}>
                        <Radio value="project" label={`This project (${project.name})`} />
                        <Radio value="studio" label="Studio-wide (every project)" />
                      </Group>
                    </Radio.Group>
                  ) : (
                    studio && (
                      <Alert color="grape" variant="light" icon={<StudioScopeIcon size={18} />}>
                        Studio-wide: changes apply to every project that uses this scene type.
                      </Alert>
                    )
                  )}
                  <TextInput
                    label="Name"
                    autoComplete="off"
                    maxLength={sceneTypeNameMaxLength}
                    data-autofocus
                    description={
                      content ? (
                        <>
                          Content name <Code data-testid="content-name">{content}</Code>
                          {files.names.length > 0 && (
                            <>
                              {' '}
                              · delivers{' '}
                              {files.names.map((n, i) => (
                                <span key={n}>
                                  {i > 0 && ', '}
                                  <Code data-testid="example-file-name">{n}</Code>
                                </span>
                              ))}
                            </>
                          )}
                        </>
                      ) : (
                        `Delivered files are named after it, e.g. walk.mp4${prefixHint ? ` and ${prefixHint}` : ''}.`
                      )
                    }
                    {...form.getInputProps('name')}
                  />
                  {files.problem && (
                    <Text size="xs" c="orange" data-testid="naming-problem">
                      {files.problem}
                    </Text>
                  )}
                  <Textarea
                    label="Description"
                    autosize
                    minRows={2}
                    maxRows={6}
                    {...form.getInputProps('description')}
                  />
                  <TagsInput
                    label="Tags"
                    description="Labels to find and group scene types; namespace:value works too (motion:walk)."
                    placeholder="Add a tag and press Enter"
                    value={v.tags}
                    onChange={(tags) =>
                      form.setFieldValue('tags', [
                        ...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean)),
                      ])
                    }
                    error={form.errors['tags']}
                    clearable
                    data-testid="scene-type-tags"
                  />
                  <Switch
                    label="Enabled"
                    description="Enabled scene types are columns of the scene matrix."
                    {...form.getInputProps('enabled', { type: 'checkbox' })}
                  />
                </Section>

                <Section title="Workflow and LoRAs">
                  <WorkflowPinFields
                    label="Workflow"
                    versionId={v.workflowVersionId}
                    saved={sceneType?.workflow ?? null}
                    bindings={v.slotBindings}
                    readOnly={readOnly}
                    error={form.errors.workflowVersionId as string | undefined}
                    onVersion={(id) => form.setFieldValue('workflowVersionId', id)}
                    onBindings={(b) => form.setFieldValue('slotBindings', b)}
                  />
                  {v.applicability.kind === 'transition' && (
                    <WorkflowPinFields
                      label="Transition workflow"
                      versionId={v.transitionWorkflowVersionId}
                      saved={sceneType?.transitionWorkflow ?? null}
                      readOnly={readOnly}
                      error={form.errors.transitionWorkflowVersionId as string | undefined}
                      onVersion={(id) => form.setFieldValue('transitionWorkflowVersionId', id)}
                    />
                  )}
                  <TextInput
                    label="Workflow reference"
                    placeholder="e.g. wan-i2v-dance-v3"
                    description="A free-text reference kept from before workflows were imported; the pinned version above is what runs."
                    autoComplete="off"
                    {...form.getInputProps('workflowRef')}
                  />
                  <Stack gap="xs">
                    <Text size="sm" fw={500}>
                      LoRAs
                    </Text>
                    {v.loras.length === 0 && (
                      <Text size="sm" c="dimmed">
                        No LoRAs.
                      </Text>
                    )}
                    {v.loras.map((_, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: LoRA rows are edited in place by position
                      <Group key={i} gap="sm" align="flex-start" wrap="nowrap" data-testid="lora-row">
                        <TextInput
                          aria-label={`LoRA ${i + 1} name`}
                          placeholder="LoRA name"
                          style={{ flex: 1 }}
                          {...form.getInputProps(`loras.${i}.name`)}
                        />
                        <NumberInput
                          aria-label={`LoRA ${i + 1} weight`}
                          placeholder="Weight"
                          min={-5}
                          max={5}
                          step={0.05}
                          decimalScale={3}
                          w={120}
                          {...form.getInputProps(`loras.${i}.weight`)}
                        />
                        {!readOnly && (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            size={36}
                            aria-label={`Remove LoRA ${i + 1}`}
                            onClick={() => form.removeListItem('loras', i)}
                          >
                            <TrashIcon size={16} />
                          </ActionIcon>
                        )}
                      </Group>
                    ))}
                    {!readOnly && v.loras.length < loraLimit && (
                      <Button
                        variant="default"
                        size="xs"
                        leftSection={<AddIcon size={14} />}
                        onClick={() => form.insertListItem('loras', { name: '', weight: 1 })}
                        w="fit-content"
                      >
                        Add LoRA
                      </Button>
                    )}
                  </Stack>
                </Section>

                <Section
                  title="Durations"
                  description="The scene is generated in segments until it reaches the target within the tolerance."
                >
                  <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                    <NumberInput
                      label="Target (s)"
                      min={0}
                      step={1}
                      decimalScale={2}
                      {...form.getInputProps('targetDurationSeconds')}
                    />
                    <NumberInput
                      label="Segment (s)"
                      min={0}
                      step={1}
                      decimalScale={2}
                      {...form.getInputProps('segmentDurationSeconds')}
                    />
                    <NumberInput
                      label="Tolerance (s)"
                      min={0}
                      step={0.5}
                      decimalScale={2}
                      {...form.getInputProps('toleranceSeconds')}
                    />
                  </SimpleGrid>
                  <Text size="sm" data-testid="segment-count">
                    {segmentCount === null
                      ? 'Enter the durations to see the segment count.'
                      : `${segmentCount} segment${segmentCount === 1 ? '' : 's'}`}
                  </Text>
                </Section>

                <Section
                  title="Applies to"
                  description="Which image variants the scene starts from: one scene per character and variant, or a transition between two."
                >
                  <Radio.Group
                    value={v.applicability.kind}
                    onChange={(kind) =>
                      form.setFieldValue('applicability.kind', kind as 'variants' | 'transition')
                    }
                    aria-label="Applicability"
                  >
                    <Group gap="lg">
                      <Radio value="variants" label="Variants" />
                      <Radio value="transition" label="Transition" />
                    </Group>
                  </Radio.Group>
                  {v.applicability.kind === 'variants' ? (
                    <Checkbox.Group
                      label="Image variant types"
                      {...form.getInputProps('applicability.variantTypeIds')}
                    >
                      <Group gap="lg" mt={6}>
                        {variantTypes.map((t) => (
                          <Checkbox key={t.id} value={t.id} label={t.name} />
                        ))}
                      </Group>
                    </Checkbox.Group>
                  ) : (
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                      <Select
                        label="From"
                        data={typeOptions}
                        {...form.getInputProps('applicability.fromVariantTypeId')}
                      />
                      <Select
                        label="To"
                        data={typeOptions}
                        {...form.getInputProps('applicability.toVariantTypeId')}
                      />
                      <NumberInput
                        label="Switch at segment"
                        description={
                          segmentCount !== null && segmentCount >= 2
                            ? `The first segment from the target variant: 2…${segmentCount}`
                            : 'A transition needs at least two segments: raise the target duration'
                        }
                        min={2}
                        max={Math.max(2, segmentCount ?? 2)}
                        step={1}
                        allowDecimal={false}
                        {...form.getInputProps('applicability.atSegment')}
                      />
                      <TextInput
                        label="File-name suffix"
                        description="snake_case, e.g. to_formal"
                        autoComplete="off"
                        {...form.getInputProps('applicability.suffix')}
                      />
                      <TextInput
                        label="Transition workflow (optional)"
                        autoComplete="off"
                        {...form.getInputProps('applicability.transitionWorkflowRef')}
                      />
                    </SimpleGrid>
                  )}
                </Section>

                <Section
                  title="Prompts"
                  description={
                    <>
                      <Code>full_clip</Code> is used for every position unless <Code>start_clip</Code> or{' '}
                      <Code>continuation_clip</Code> are set. Placeholders: <Code>{'{character_name}'}</Code>,{' '}
                      <Code>{'{metadata.field}'}</Code> (dots for nested fields), the short{' '}
                      <Code>{'{field}'}</Code> for a top-level metadata field; write <Code>{'{{'}</Code> and{' '}
                      <Code>{'}}'}</Code> for literal braces.
                    </>
                  }
                >
                  {clipPositions.map((position) => (
                    <Stack key={position} gap="xs" data-testid={`prompt-${position}`}>
                      <Group gap="xs">
                        <Code fw={600}>{position}</Code>
                        <Text size="xs" c="dimmed">
                          {positionHelp[position]}
                        </Text>
                      </Group>
                      <Textarea
                        label={`${position} positive`}
                        autosize
                        minRows={2}
                        maxRows={8}
                        {...form.getInputProps(`prompts.${position}.positive`)}
                      />
                      <Textarea
                        label={`${position} negative`}
                        autosize
                        minRows={1}
                        maxRows={6}
                        {...form.getInputProps(`prompts.${position}.negative`)}
                      />
                    </Stack>
                  ))}
                </Section>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <div style={{ position: 'sticky', top: 72 }}>
                <PromptPreview
                  projectId={project.id}
                  sceneTypeId={sceneType?.id ?? null}
                  prompts={promptsBodyOf(v.prompts)}
                />
              </div>
            </Grid.Col>
          </Grid>
        </fieldset>
        <Group justify="flex-end" gap="sm" mt="lg">
          {blocked && <ReadOnlyReason reason={blocked} />}
          <Button variant="default" component={Link} to={back}>
            {readOnly ? 'Back' : 'Cancel'}
          </Button>
          {!readOnly && (
            <Button type="submit" loading={saving}>
              Save scene type
            </Button>
          )}
        </Group>
      </form>
      {sceneType ? (
        <GenerationSettingsCard
          // a saved change of the settings (here or elsewhere) starts the card afresh from it
          key={JSON.stringify(sceneType.generation)}
          sceneTypeId={sceneType.id}
          settings={sceneType.generation}
          readOnly={readOnly}
        />
      ) : (
        <Text size="sm" c="dimmed" mt="xl">
          Generation and QA settings (QA profile, auto-retry, boundary frames) can be set once the scene type
          is saved.
        </Text>
      )}
    </>
  );
}

function EditorSkeleton() {
  return (
    <Stack gap="lg" data-testid="scene-type-skeleton">
      <Skeleton height={14} width={200} />
      <Skeleton height={32} width={280} />
      <Card>
        <Stack gap="md">
          <Skeleton height={36} />
          <Skeleton height={90} />
        </Stack>
      </Card>
    </Stack>
  );
}

function SceneTypeNotFound({ projectId }: { projectId: string }) {
  return (
    <StatusMessage
      icon={NotFoundIcon}
      color="gray"
      title="Scene type not found"
      testId="scene-type-not-found"
      actions={
        <Button component={Link} to={`/projects/${projectId}?tab=scene-types`} variant="default">
          Back to scene types
        </Button>
      }
    >
      There is no scene type at this address. It may have been deleted, or the link is out of date.
    </StatusMessage>
  );
}

export function SceneTypePage() {
  const { projectId = '', sceneTypeId = 'new' } = useParams();
  const [params] = useSearchParams();
  const isNew = sceneTypeId === 'new';
  const project = useProject(projectId);
  const sceneType = useSceneType(isNew ? null : sceneTypeId);
  const types = useVariantTypes();

  const missing = (error: unknown) => isApiError(error) && (error.status === 404 || error.status === 400);
  if (project.isError)
    return missing(project.error) ? (
      <SceneTypeNotFound projectId={projectId} />
    ) : (
      <LoadError what="the project" error={project.error} onRetry={() => void project.refetch()} />
    );
  if (sceneType.isError)
    return missing(sceneType.error) ? (
      <SceneTypeNotFound projectId={projectId} />
    ) : (
      <LoadError what="the scene type" error={sceneType.error} onRetry={() => void sceneType.refetch()} />
    );
  if (types.isError)
    return <LoadError what="image variant types" error={types.error} onRetry={() => void types.refetch()} />;
  if (!project.data || (!isNew && !sceneType.data) || !types.data) return <EditorSkeleton />;

  const p = project.data.data;
  const st = isNew ? null : (sceneType.data ?? null);
  // A project-level type belongs to one project: opened under another, it would save to the wrong place.
  if (st && st.projectId !== null && st.projectId !== p.id)
    return <SceneTypeNotFound projectId={projectId} />;
  const title = st ? st.name : 'New scene type';

  return (
    <>
      <Stack gap="sm" mb="lg">
        <Breadcrumbs separator="/" separatorMargin={6} aria-label="Breadcrumb">
          <Anchor component={Link} to="/projects" size="sm" c="dimmed">
            Projects
          </Anchor>
          <Anchor component={Link} to={`/projects/${p.id}`} size="sm" c="dimmed">
            {p.name}
          </Anchor>
          <Anchor component={Link} to={`/projects/${p.id}?tab=scene-types`} size="sm" c="dimmed">
            Scene types
          </Anchor>
          <Text size="sm" aria-current="page" truncate="end" maw={320}>
            {title}
          </Text>
        </Breadcrumbs>
        <Group gap="sm" align="center">
          <Title order={1} size="h2" data-testid="scene-type-title">
            {title}
          </Title>
          {st && !st.enabled && (
            <Badge variant="light" color={tones.inactive}>
              Disabled
            </Badge>
          )}
          {st && st.projectId === null && (
            <Badge variant="light" color={tones.studioScope} leftSection={<StudioScopeIcon size={12} />}>
              Studio
            </Badge>
          )}
        </Group>
      </Stack>
      <SceneTypeEditor
        key={st?.id ?? 'new'}
        project={p}
        sceneType={st}
        variantTypes={types.data}
        initialScope={params.get('scope') === 'studio' ? 'studio' : 'project'}
      />
    </>
  );
}
