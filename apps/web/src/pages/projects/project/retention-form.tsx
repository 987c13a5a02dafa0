import { NumberInput, SimpleGrid } from '@mantine/core';
import type { Project, ProjectRetention } from '@/api/types';
import type { VersionedProject } from '../project-queries';
import { FormCard } from './form-card';
import readOnly from './read-only-field.module.css';
import { useProjectForm } from './use-project-form';

type Days = number | string;

type RetentionValues = {
  retention: Record<keyof ProjectRetention, Days>;
};

const valuesOf = (project: Project): RetentionValues => ({ retention: { ...project.retention } });

const minDays = 1;
const maxDays = 3650;

function validateDays(value: Days): string | null {
  if (typeof value !== 'number' || !Number.isInteger(value)) return 'Enter a whole number of days';
  return value < minDays || value > maxDays ? `Use ${minDays} to ${maxDays} days` : null;
}

/** The retention fields (PRD-015 §1.2–1.3), in the words people use for them. */
const periods: { key: keyof ProjectRetention; label: string; description: string }[] = [
  {
    key: 'failedOutputsDays',
    label: 'Failed outputs',
    description: 'Outputs of failed generations become reclaimable after this many days.',
  },
  {
    key: 'cancelledArtifactsDays',
    label: 'Cancelled job artifacts',
    description: 'Files left behind by cancelled jobs become reclaimable after this many days.',
  },
  {
    key: 'trashGraceDays',
    label: 'Trash grace period',
    description: 'Deleted items stay restorable in the trash this long before they are removed for good.',
  },
];

export function RetentionForm({
  versioned,
  readOnlyReason,
}: {
  versioned: VersionedProject;
  readOnlyReason: string | null;
}) {
  const { form, submit, saving } = useProjectForm<RetentionValues>({
    versioned,
    valuesOf,
    fields: periods.map((period) => `retention.${period.key}`),
    validate: {
      retention: {
        failedOutputsDays: validateDays,
        cancelledArtifactsDays: validateDays,
        trashGraceDays: validateDays,
      },
    },
    savedMessage: 'The retention policy was saved.',
    toEdit: (values) => ({
      retention: {
        failedOutputsDays: Number(values.retention.failedOutputsDays),
        cancelledArtifactsDays: Number(values.retention.cancelledArtifactsDays),
        trashGraceDays: Number(values.retention.trashGraceDays),
      },
    }),
  });
  return (
    <FormCard
      title="Retention policy"
      description="When the studio may reclaim disk space from this project. Source images, approved variants and delivered outputs are always protected; only supporting files are ever reclaimed."
      label="Retention policy"
      onSubmit={submit}
      saving={saving}
      dirty={form.isDirty()}
      readOnlyReason={readOnlyReason}
    >
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        {periods.map((period) => (
          <NumberInput
            classNames={{ input: readOnly.input }}
            key={period.key}
            label={period.label}
            description={period.description}
            suffix=" days"
            min={minDays}
            max={maxDays}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            disabled={readOnlyReason !== null}
            {...form.getInputProps(`retention.${period.key}`)}
          />
        ))}
      </SimpleGrid>
    </FormCard>
  );
}
