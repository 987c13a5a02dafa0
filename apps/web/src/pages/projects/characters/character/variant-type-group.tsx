// The image variants of one type: its drop zone, generation from the source image, its gallery, and whether it has a
// hero yet.
import { Badge, Card, Code, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { Character, ImageVariant, ImageVariantType } from '@/api/types';
import {
  CheckIcon,
  ConfirmDialog,
  ImageDropZone,
  notifyError,
  notifySuccess,
  WarningIcon,
} from '@/components';
import { tones } from '@/theme/tokens';
import {
  uploadVariant,
  useDeleteVariant,
  useRememberUpload,
  type VariantDecision,
} from '../character-queries';
import { useImageUpload } from './use-image-upload';
import { VariantGeneration } from './variant-generation';
import { VariantTile } from './variant-tile';

export interface VariantGroupType {
  slug: string;
  name: string;
  isDefault: boolean;
  /** Its image-to-image workflow and prompt; null for a type no longer listed. */
  generation: ImageVariantType['generation'] | null;
}

interface VariantTypeGroupProps {
  character: Character;
  type: VariantGroupType;
  variants: ImageVariant[];
  /** Why variants cannot be uploaded or decided now; null when they can. */
  blocked: string | null;
  onDecide: (variant: ImageVariant, decision: VariantDecision) => void;
  /** The decision being sent, if any. */
  deciding: { variantId: string; decision: VariantDecision } | null;
  onView: (variant: ImageVariant) => void;
}

const galleryColumns = { base: 2, xs: 3, md: 4, lg: 5 };

function HeroState({ hero, type }: { hero: ImageVariant | undefined; type: VariantGroupType }) {
  if (hero) {
    return (
      <Badge
        color={tones.readiness.ready}
        leftSection={<CheckIcon size={12} />}
        tt="none"
        data-testid="has-hero"
      >
        Hero chosen
      </Badge>
    );
  }
  return (
    <Tooltip
      label={`Scenes made from the ${type.name} image need a hero: approve the best variant and make it the hero.`}
      multiline
      w={260}
    >
      <Badge
        color={tones.readiness.missing}
        leftSection={<WarningIcon size={12} />}
        tt="none"
        data-testid="no-hero"
      >
        No hero yet
      </Badge>
    </Tooltip>
  );
}

export function VariantTypeGroup({
  character,
  type,
  variants,
  blocked,
  onDecide,
  deciding,
  onView,
}: VariantTypeGroupProps) {
  const remember = useRememberUpload();
  const upload = useImageUpload({
    upload: (file, options) => uploadVariant(character, type.slug, file, options),
    onUploaded: (variant) => remember.variant(character, variant),
  });
  const hero = variants.find((variant) => variant.isHero);
  const count = variants.length;
  const [deleting, setDeleting] = useState<ImageVariant | null>(null);
  const remove = useDeleteVariant(character);

  return (
    <Card data-testid="variant-group" data-slug={type.slug} data-has-hero={hero !== undefined}>
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete this variant?"
        confirmLabel="Delete variant"
        danger
        loading={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting, {
            onSuccess: () => notifySuccess('The variant and its file were deleted.'),
            onError: (error) => notifyError(error, 'Could not delete the variant'),
            onSettled: () => setDeleting(null),
          })
        }
      >
        {deleting?.file.originalFilename ?? 'The image'} is removed from {character.name}'s {type.name}{' '}
        variants and its file is deleted. Decisions on other variants stay as they are.
      </ConfirmDialog>
      <Stack gap="md">
        <Group justify="space-between" align="center" gap="sm" wrap="wrap">
          <Group gap="sm" align="center" wrap="wrap">
            <Title order={3} size="h5">
              {type.name}
            </Title>
            <Code>{type.slug}</Code>
            {type.isDefault && (
              <Badge size="sm" color={tones.defaultType} variant="outline" tt="none">
                Default type
              </Badge>
            )}
            <Text size="sm" c="dimmed">
              {count === 0 ? 'no variants' : `${count} variant${count === 1 ? '' : 's'}`}
            </Text>
          </Group>
          <HeroState hero={hero} type={type} />
        </Group>
        {!blocked && (
          <ImageDropZone
            testId={`variant-drop-${type.slug}`}
            label={`Upload ${type.name} variants`}
            hint="Several files at once are fine; each waits for your decision."
            multiple
            compact
            progress={upload.progress}
            errors={upload.errors}
            onFiles={upload.start}
          />
        )}
        {!blocked && type.generation && <VariantGeneration character={character} type={type} />}
        {count === 0 ? (
          <Text size="sm" c="dimmed" ta="center" py="sm">
            {blocked
              ? `No ${type.name} variants.`
              : `No ${type.name} variants yet: ${type.generation?.workflowVersionId ? 'upload or generate' : 'upload'} the first candidates above.`}
          </Text>
        ) : (
          <SimpleGrid cols={galleryColumns} spacing="sm" aria-label={`${type.name} variants`}>
            {variants.map((variant) => (
              <VariantTile
                key={variant.id}
                variant={variant}
                onDecide={blocked ? null : onDecide}
                deciding={deciding?.variantId === variant.id ? deciding.decision : null}
                onView={onView}
                onDelete={blocked ? null : setDeleting}
              />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}
