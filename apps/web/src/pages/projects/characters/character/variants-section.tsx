// Image variants of a character, one group per image variant type in the studio's order (PRD-021 §1.3, §1.5).
import { Card, Skeleton, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Character, ImageVariant } from '@/api/types';
import { LoadError, notifyError, notifySuccess } from '@/components';
import { useVariantTypes } from '@/pages/settings/variant-types/variant-type-queries';
import { useDecideVariant, type VariantDecision } from '../character-queries';
import type { ViewedImage } from './image-viewer';
import { SectionTitle } from './section-title';
import { type VariantGroupType, VariantTypeGroup } from './variant-type-group';

interface VariantsSectionProps {
  character: Character;
  blocked: string | null;
  onView: (image: ViewedImage) => void;
}

const decisionFailures: Record<VariantDecision, string> = {
  approve: 'Could not approve the variant',
  reject: 'Could not reject the variant',
  hero: 'Could not make the variant the hero',
};

/** The studio's types in order; a type that has variants here but is no longer listed still gets its group. */
function groupsOf(types: VariantGroupType[], variants: ImageVariant[]): VariantGroupType[] {
  const known = new Set(types.map((type) => type.slug));
  const extra = new Map<string, VariantGroupType>();
  for (const { variantType } of variants) {
    if (!known.has(variantType.slug))
      extra.set(variantType.slug, {
        slug: variantType.slug,
        name: variantType.name,
        isDefault: false,
        generation: null,
      });
  }
  return [...types, ...extra.values()];
}

export function VariantsSection({ character, blocked, onView }: VariantsSectionProps) {
  const types = useVariantTypes();
  const decide = useDecideVariant(character);
  const deciding =
    decide.isPending && decide.variables
      ? { variantId: decide.variables.variant.id, decision: decide.variables.decision }
      : null;

  const onDecide = (variant: ImageVariant, decision: VariantDecision) =>
    decide.mutate(
      { variant, decision },
      {
        onSuccess: (decided) => {
          if (decision === 'hero') {
            notifySuccess(
              `${decided.file.originalFilename ?? 'The variant'} is now the ${decided.variantType.name} hero.`,
              'Hero chosen',
            );
          }
        },
        onError: (error) => notifyError(error, decisionFailures[decision]),
      },
    );
  const view = (variant: ImageVariant) =>
    onView({
      title: `${variant.variantType.name} variant of ${character.name}${variant.isHero ? ' (hero)' : ''}`,
      file: variant.file,
    });

  let groups: ReactNode;
  if (types.isError) {
    groups = (
      <LoadError what="image variant types" error={types.error} onRetry={() => void types.refetch()} />
    );
  } else if (!types.data) {
    groups = (
      <Card>
        <Stack gap="sm">
          <Skeleton height={18} width={160} />
          <Skeleton height={64} />
          <Skeleton height={120} />
        </Stack>
      </Card>
    );
  } else {
    groups = groupsOf(types.data, character.variants).map((type) => (
      <VariantTypeGroup
        key={type.slug}
        character={character}
        type={type}
        variants={character.variants.filter((variant) => variant.variantType.slug === type.slug)}
        blocked={blocked}
        onDecide={onDecide}
        deciding={deciding}
        onView={view}
      />
    ));
  }

  return (
    <Stack gap="md" data-testid="variants-section">
      <SectionTitle
        title="Image variants"
        description="Candidate seed images, one group per image variant type. Approve or reject each; the hero is the approved image that seeds its type's scenes, and making a new hero keeps the previous one approved."
      />
      {groups}
    </Stack>
  );
}
