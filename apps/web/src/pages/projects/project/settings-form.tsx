import { Divider, Stack, Switch, TagsInput, Text } from '@mantine/core';
import type { Project, ProjectSettings } from '@/api/types';
import type { VersionedProject } from '../project-queries';
import { FormCard } from './form-card';
import { ReviewWatermarkFields } from './review-watermark-fields';
import { useProjectForm } from './use-project-form';

type SettingsValues = {
  settings: ProjectSettings;
};

const valuesOf = (project: Project): SettingsValues => ({ settings: { ...project.settings } });

export function SettingsForm({
  versioned,
  readOnlyReason,
}: {
  versioned: VersionedProject;
  readOnlyReason: string | null;
}) {
  const { form, submit, saving } = useProjectForm<SettingsValues>({
    versioned,
    valuesOf,
    fields: [
      'settings.requireIndependentApproval',
      'settings.reviewWatermark',
      'settings.reviewWatermark.text',
      'settings.reviewWatermark.imageFileId',
      'settings.reviewWatermark.position',
      'settings.reviewWatermark.opacity',
      'settings.reviewWatermark.scale',
      'settings.reviewWatermark.timecode',
    ],
    savedMessage: 'The project settings were saved.',
    toEdit: (values) => ({ settings: values.settings }),
  });
  return (
    <FormCard
      title="Review rules"
      description="How scenes of this project are approved, and how review cuts are watermarked."
      label="Project settings"
      onSubmit={submit}
      saving={saving}
      dirty={form.isDirty()}
      readOnlyReason={readOnlyReason}
    >
      <Switch
        label="Require independent approval"
        description="When on, a creator cannot give final approval to scenes they generated themselves: another creator or an admin must approve them. Turn it on when every delivered video needs a second pair of eyes."
        disabled={readOnlyReason !== null}
        {...form.getInputProps('settings.requireIndependentApproval', { type: 'checkbox' })}
      />
      <Divider />
      <Stack gap={2}>
        <Text fw={500} size="sm">
          Review watermark
        </Text>
        <Text size="xs" c="dimmed">
          Review cuts (watermarked copies to share before delivery) carry it; delivered files never do.
        </Text>
      </Stack>
      <ReviewWatermarkFields form={form} disabled={readOnlyReason !== null} />
    </FormCard>
  );
}

/** What a character needs to count as ready in this project (PRD-107 §1.5); shown in the Readiness view. */
export function ReadinessCriteriaForm({
  versioned,
  readOnlyReason,
}: {
  versioned: VersionedProject;
  readOnlyReason: string | null;
}) {
  const { form, submit, saving } = useProjectForm<SettingsValues>({
    versioned,
    valuesOf,
    fields: ['settings.readiness'],
    savedMessage: 'The readiness criteria were saved.',
    toEdit: (values) => ({ settings: { readiness: values.settings.readiness } }),
  });
  const disabled = readOnlyReason !== null;
  return (
    <FormCard
      title="Readiness criteria"
      description="What a character needs before it counts as ready in the characters' Readiness view. A project without an enabled scene type blocks every character either way."
      label="Readiness criteria"
      onSubmit={submit}
      saving={saving}
      dirty={form.isDirty()}
      readOnlyReason={readOnlyReason}
    >
      <Stack gap="sm">
        <Switch
          label="A source image"
          disabled={disabled}
          {...form.getInputProps('settings.readiness.sourceImage', { type: 'checkbox' })}
        />
        <Switch
          label="A hero for every image variant type the enabled scene types use"
          disabled={disabled}
          {...form.getInputProps('settings.readiness.heroes', { type: 'checkbox' })}
        />
        <Switch
          label="Complete metadata (valid against the metadata schema)"
          disabled={disabled}
          {...form.getInputProps('settings.readiness.metadata', { type: 'checkbox' })}
        />
        <TagsInput
          label="Required settings"
          description="Keys of the character's pipeline settings that must have a value, e.g. voice or lora."
          placeholder={disabled ? undefined : 'Type a key and press Enter'}
          disabled={disabled}
          maxTags={50}
          data-testid="required-settings"
          {...form.getInputProps('settings.readiness.requiredSettings')}
        />
      </Stack>
    </FormCard>
  );
}
