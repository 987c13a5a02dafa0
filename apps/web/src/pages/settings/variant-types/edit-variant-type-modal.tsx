import {
  Button,
  Code,
  Divider,
  Group,
  Modal,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { applyProblemToForm } from '@/api/form-errors';
import type { ImageVariantType } from '@/api/types';
import { notifyError, notifySuccess } from '@/components';
import { WorkflowPinFields } from '@/pages/projects/scene-types/workflow-pin-fields';
import { exampleFileName, nameMaxLength, slugMaxLength, validateSlug } from './variant-type-naming';
import { useUpdateVariantType, type VariantTypeChange } from './variant-type-queries';

interface EditValues {
  name: string;
  filePrefix: string;
  sortOrder: number | string;
  generationWorkflowVersionId: string | null;
  generationPrompt: string;
}

const fields = [
  'name',
  'filePrefix',
  'sortOrder',
  'generationWorkflowVersionId',
  'generationPrompt',
] as const;
const maxOrder = 10_000;
const generationPromptMaxLength = 4000;
/** The placeholders the server's prompt templates fill in per character. */
const generationPlaceholders = ['{character_name}', '{metadata.field}'] as const;
const generationPromptExample = '{character_name} in a formal dark suit, studio portrait';

const valuesOf = (type: ImageVariantType): EditValues => ({
  name: type.name,
  filePrefix: type.filePrefix,
  sortOrder: type.sortOrder,
  generationWorkflowVersionId: type.generation.workflowVersionId,
  generationPrompt: type.generation.prompt,
});

/**
 * Renames, re-prefixes or reorders one type, and sets how it is generated from a source image (an image-to-image
 * workflow and its prompt); the slug is permanent. The modal is open while `type` is set.
 */
export function EditVariantTypeModal({
  type,
  onClose,
}: {
  type: ImageVariantType | null;
  onClose: () => void;
}) {
  const form = useForm<EditValues>({
    mode: 'controlled',
    initialValues: {
      name: '',
      filePrefix: '',
      sortOrder: 0,
      generationWorkflowVersionId: null,
      generationPrompt: '',
    },
    validate: {
      name: (value) => {
        if (!value.trim()) return 'Enter a name';
        return value.trim().length > nameMaxLength ? `Use at most ${nameMaxLength} characters` : null;
      },
      filePrefix: (value) =>
        type?.isDefault
          ? null
          : value.trim()
            ? validateSlug(value, 'file prefix')
            : 'Only the default type goes without a prefix; enter one so its files are told apart',
      sortOrder: (value) =>
        typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= maxOrder
          ? null
          : `Enter a whole number from 0 to ${maxOrder}`,
      generationPrompt: (value) =>
        value.trim().length > generationPromptMaxLength
          ? `Use at most ${generationPromptMaxLength} characters`
          : null,
    },
  });
  const update = useUpdateVariantType({ handlesErrors: true });
  const { setInitialValues, setValues } = form;
  useEffect(() => {
    if (!type) return;
    setInitialValues(valuesOf(type));
    setValues(valuesOf(type));
  }, [type, setInitialValues, setValues]);

  const close = () => {
    if (update.isPending) return;
    form.clearErrors();
    update.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    if (!type) return;
    const changes: VariantTypeChange['changes'] = {};
    if (values.name.trim() !== type.name) changes.name = values.name.trim();
    if (!type.isDefault && values.filePrefix.trim() !== type.filePrefix)
      changes.filePrefix = values.filePrefix.trim();
    if (Number(values.sortOrder) !== type.sortOrder) changes.sortOrder = Number(values.sortOrder);
    if (values.generationWorkflowVersionId !== type.generation.workflowVersionId)
      changes.generationWorkflowVersionId = values.generationWorkflowVersionId;
    if (values.generationPrompt.trim() !== type.generation.prompt)
      changes.generationPrompt = values.generationPrompt.trim();
    if (Object.keys(changes).length === 0) {
      close();
      return;
    }
    update.mutate(
      { type, changes },
      {
        onSuccess: (saved) => {
          notifySuccess(`"${saved.name}" was saved.`);
          onClose();
        },
        onError: (error) => {
          const shown = applyProblemToForm(form, error, fields, {
            'variant_type.default_prefix': 'filePrefix',
            'workflow.version_not_found': 'generationWorkflowVersionId',
          });
          if (!shown) notifyError(error, 'Could not save the variant type');
        },
      },
    );
  });

  const example = exampleFileName(form.values.filePrefix.trim());
  return (
    <Modal opened={type !== null} onClose={close} title="Edit variant type" size="lg">
      <form onSubmit={submit} noValidate aria-label="Edit variant type">
        <Stack gap="md">
          <TextInput
            label="Name"
            autoComplete="off"
            maxLength={nameMaxLength}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput
            label="Slug"
            description="Slugs are permanent."
            value={type?.slug ?? ''}
            disabled
            readOnly
          />
          <TextInput
            label="File prefix"
            description={
              type?.isDefault ? (
                'The default type has no prefix: a walk scene is just walk.mp4.'
              ) : example ? (
                <>
                  Starts the names of delivered videos: a walk scene becomes <Code>{example}</Code>.
                </>
              ) : (
                'Starts the names of delivered videos.'
              )
            }
            autoComplete="off"
            maxLength={slugMaxLength}
            disabled={type?.isDefault}
            {...form.getInputProps('filePrefix')}
          />
          <NumberInput
            label="Order"
            description="Types are listed by this number, lowest first."
            min={0}
            max={maxOrder}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            {...form.getInputProps('sortOrder')}
          />
          <Divider label="Generation from the source image" labelPosition="left" />
          <Text size="sm" c="dimmed">
            With an image-to-image workflow, character pages offer "Generate from source image" for this type;
            choosing a workflow picks its latest version. Without one, its variants are only uploaded.
          </Text>
          <WorkflowPinFields
            label="Image-to-image workflow"
            versionId={form.values.generationWorkflowVersionId}
            saved={null}
            readOnly={false}
            error={form.errors.generationWorkflowVersionId as string | undefined}
            onVersion={(versionId) => {
              form.setFieldValue('generationWorkflowVersionId', versionId);
              form.clearFieldError('generationWorkflowVersionId');
            }}
          />
          <Textarea
            label="Generation prompt"
            description={
              <>
                Describes the variant to derive.{' '}
                {generationPlaceholders.map((p, i) => (
                  <span key={p}>
                    {i > 0 && ' and '}
                    <Code>{p}</Code>
                  </span>
                ))}{' '}
                are filled in per character, e.g. <Code>{generationPromptExample}</Code>.
              </>
            }
            placeholder={generationPromptExample}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={generationPromptMaxLength}
            {...form.getInputProps('generationPrompt')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close} disabled={update.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
