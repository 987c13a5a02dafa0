import { Textarea, TextInput } from '@mantine/core';
import type { Project } from '@/api/types';
import { descriptionMaxLength, nameMaxLength, validateProjectName } from '../project-fields';
import type { VersionedProject } from '../project-queries';
import { FormCard } from './form-card';
import readOnly from './read-only-field.module.css';
import { useProjectForm } from './use-project-form';

// A type alias, not an interface: form values must be indexable records.
type OverviewValues = {
  name: string;
  description: string;
};

const valuesOf = (project: Project): OverviewValues => ({
  name: project.name,
  description: project.description,
});

export function OverviewForm({
  versioned,
  readOnlyReason,
}: {
  versioned: VersionedProject;
  readOnlyReason: string | null;
}) {
  const { form, submit, saving } = useProjectForm<OverviewValues>({
    versioned,
    valuesOf,
    fields: ['name', 'description'],
    validate: { name: validateProjectName },
    codeFields: { 'project.name_taken': 'name' },
    savedMessage: 'The project was saved.',
    toEdit: (values) => ({ name: values.name.trim(), description: values.description.trim() }),
  });
  const disabled = readOnlyReason !== null;
  return (
    <FormCard
      title="Name and description"
      description="How the project appears in lists, searches and the audit log."
      label="Project overview"
      onSubmit={submit}
      saving={saving}
      dirty={form.isDirty()}
      readOnlyReason={readOnlyReason}
    >
      <TextInput
        classNames={{ input: readOnly.input }}
        label="Name"
        autoComplete="off"
        maxLength={nameMaxLength}
        disabled={disabled}
        {...form.getInputProps('name')}
      />
      <Textarea
        classNames={{ input: readOnly.input }}
        label="Description"
        autosize
        minRows={3}
        maxRows={10}
        maxLength={descriptionMaxLength}
        placeholder={
          disabled ? 'No description' : 'What is delivered, for whom, and anything the team should know'
        }
        disabled={disabled}
        {...form.getInputProps('description')}
      />
    </FormCard>
  );
}
