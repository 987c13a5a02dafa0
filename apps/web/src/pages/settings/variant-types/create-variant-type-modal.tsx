import { Button, Checkbox, Code, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { applyProblemToForm } from '@/api/form-errors';
import type { ImageVariantType } from '@/api/types';
import { notifyError } from '@/components';
import {
  exampleFileName,
  nameMaxLength,
  slugMaxLength,
  suggestSlug,
  validateSlug,
} from './variant-type-naming';
import { type NewVariantType, useCreateVariantType } from './variant-type-queries';

interface CreateVariantTypeModalProps {
  opened: boolean;
  /** The current default type, named when the new one would replace it. */
  currentDefault: ImageVariantType | undefined;
  onClose: () => void;
  onCreated: (type: ImageVariantType) => void;
}

const fields = ['name', 'slug', 'filePrefix', 'isDefault'] as const;
const blank: NewVariantType = { name: '', slug: '', filePrefix: '', isDefault: false };

export function CreateVariantTypeModal({
  opened,
  currentDefault,
  onClose,
  onCreated,
}: CreateVariantTypeModalProps) {
  // The slug follows the name, and the prefix the slug, until the user types their own.
  const [slugEdited, setSlugEdited] = useState(false);
  const [prefixEdited, setPrefixEdited] = useState(false);
  const form = useForm<NewVariantType>({
    mode: 'controlled',
    initialValues: blank,
    validate: {
      name: (value) => {
        if (!value.trim()) return 'Enter a name';
        return value.trim().length > nameMaxLength ? `Use at most ${nameMaxLength} characters` : null;
      },
      slug: (value) => validateSlug(value),
      filePrefix: (value, values) =>
        values.isDefault
          ? null
          : value.trim()
            ? validateSlug(value, 'file prefix')
            : 'Only the default type goes without a prefix; enter one so its files are told apart',
    },
  });
  const create = useCreateVariantType();
  const { values } = form;

  const close = () => {
    form.reset();
    create.reset();
    setSlugEdited(false);
    setPrefixEdited(false);
    onClose();
  };

  const changeName = (name: string) => {
    const next: Partial<NewVariantType> = { name };
    if (!slugEdited) next.slug = suggestSlug(name);
    if (!prefixEdited && !values.isDefault && next.slug !== undefined) next.filePrefix = next.slug;
    form.setValues(next);
  };
  const changeSlug = (slug: string) => {
    setSlugEdited(true);
    form.setValues(!prefixEdited && !values.isDefault ? { slug, filePrefix: slug } : { slug });
  };
  const changePrefix = (filePrefix: string) => {
    setPrefixEdited(true);
    form.setFieldValue('filePrefix', filePrefix);
  };
  const changeDefault = (isDefault: boolean) =>
    form.setValues({
      isDefault,
      filePrefix: isDefault ? '' : prefixEdited ? values.filePrefix : values.slug,
    });

  const submit = form.onSubmit((v) =>
    create.mutate(
      {
        name: v.name.trim(),
        slug: v.slug.trim(),
        filePrefix: v.isDefault ? '' : v.filePrefix.trim(),
        isDefault: v.isDefault,
      },
      {
        onSuccess: (type) => {
          close();
          onCreated(type);
        },
        onError: (error) => {
          const shown = applyProblemToForm(form, error, fields, {
            'variant_type.slug_taken': 'slug',
            'variant_type.default_prefix': 'filePrefix',
          });
          if (!shown) notifyError(error, 'Could not create the variant type');
        },
      },
    ),
  );

  const example = exampleFileName(values.isDefault ? '' : values.filePrefix.trim());
  return (
    <Modal opened={opened} onClose={close} title="New variant type" size="md">
      <form onSubmit={submit} noValidate aria-label="New variant type">
        <Stack gap="md">
          <TextInput
            label="Name"
            description="As people call it, e.g. Formal."
            autoComplete="off"
            maxLength={nameMaxLength}
            data-autofocus
            {...form.getInputProps('name')}
            onChange={(event) => changeName(event.currentTarget.value)}
          />
          <TextInput
            label="Slug"
            description="Its permanent identifier, suggested from the name; it cannot be changed later."
            autoComplete="off"
            maxLength={slugMaxLength}
            {...form.getInputProps('slug')}
            onChange={(event) => changeSlug(event.currentTarget.value)}
          />
          <TextInput
            label="File prefix"
            description={
              values.isDefault ? (
                'The default type has no prefix.'
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
            disabled={values.isDefault}
            {...form.getInputProps('filePrefix')}
            onChange={(event) => changePrefix(event.currentTarget.value)}
          />
          <Checkbox
            label="Default type"
            description={
              currentDefault
                ? `Its videos get no prefix (a walk scene is just walk.mp4). Replaces ${currentDefault.name} as the default.`
                : 'Its videos get no prefix (a walk scene is just walk.mp4).'
            }
            checked={values.isDefault}
            onChange={(event) => changeDefault(event.currentTarget.checked)}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create variant type
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
