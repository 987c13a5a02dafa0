import { Switch } from '@mantine/core';
import type { Project, ProjectSettings } from '@/api/types';
import type { VersionedProject } from '../project-queries';
import { FormCard } from './form-card';
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
    fields: ['settings.requireIndependentApproval'],
    savedMessage: 'The project settings were saved.',
    toEdit: (values) => ({ settings: values.settings }),
  });
  return (
    <FormCard
      title="Review rules"
      description="How scenes of this project are approved."
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
    </FormCard>
  );
}
