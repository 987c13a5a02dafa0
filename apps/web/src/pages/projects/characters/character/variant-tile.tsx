// One image variant in its type's gallery: the image, its status and provenance, who decided, and the decisions.
import { AspectRatio, Badge, Box, Button, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { CSSProperties } from 'react';
import type { ImageVariant } from '@/api/types';
import { ApproveIcon, DateTimeText, HeroIcon, RejectIcon, TrashIcon } from '@/components';
import { tones } from '@/theme/tokens';
import type { VariantDecision } from '../character-queries';
import classes from './images.module.css';
import { decisionOf, provenanceDescriptions, provenanceLabels, variantStatusLabels } from './variant-labels';

interface VariantTileProps {
  variant: ImageVariant;
  /** Null for people who may only look. */
  onDecide: ((variant: ImageVariant, decision: VariantDecision) => void) | null;
  /** The decision being sent for this variant, if any. */
  deciding: VariantDecision | null;
  onView: (variant: ImageVariant) => void;
  /** Null for people who may only look; never offered for the hero. */
  onDelete: ((variant: ImageVariant) => void) | null;
}

const heroStyle = { '--tile-hero-color': `var(--mantine-color-${tones.hero}-filled)` } as CSSProperties;

export function VariantTile({ variant, onDecide, deciding, onView, onDelete }: VariantTileProps) {
  const name = variant.file.originalFilename ?? `${variant.variantType.name} variant`;
  const decided = decisionOf(variant);
  const busy = deciding !== null;
  return (
    <Card
      padding={0}
      className={classes.tile}
      style={heroStyle}
      data-testid="variant-tile"
      data-variant-id={variant.id}
      data-status={variant.status}
      data-hero={variant.isHero}
      data-provenance={variant.provenance}
    >
      <Box pos="relative">
        <AspectRatio ratio={4 / 5}>
          <UnstyledButton
            className={classes.frame}
            onClick={() => onView(variant)}
            aria-label={`View ${name} full size`}
          >
            <img
              src={variant.file.thumbnailUrl ?? variant.file.url}
              alt={`${variant.variantType.name} variant ${name}`}
              className={classes.fit}
              loading="lazy"
            />
          </UnstyledButton>
        </AspectRatio>
        {variant.isHero && (
          <Badge
            className={classes.heroMarker}
            color={tones.hero}
            variant="filled"
            autoContrast
            leftSection={<HeroIcon size={12} />}
            data-testid="hero-marker"
          >
            Hero
          </Badge>
        )}
      </Box>
      <Stack gap={6} p="xs">
        <Text size="xs" fw={500} truncate="end" title={name}>
          {name}
        </Text>
        <Group gap={6} wrap="wrap">
          <Badge size="sm" color={tones.variantStatus[variant.status]} data-testid="variant-status">
            {variantStatusLabels[variant.status]}
          </Badge>
          <Text
            size="xs"
            c="dimmed"
            title={provenanceDescriptions[variant.provenance]}
            data-testid="variant-provenance"
          >
            {provenanceLabels[variant.provenance]}
          </Text>
        </Group>
        <Group gap={4} wrap="wrap" mih={18}>
          {decided ? (
            <>
              <Text size="xs" c="dimmed">
                {decided} ·
              </Text>
              <DateTimeText value={variant.decidedAt} relative size="xs" c="dimmed" />
            </>
          ) : (
            <Text size="xs" c="dimmed">
              Not decided yet
            </Text>
          )}
        </Group>
        {onDecide && (
          <Box className={classes.decisions} mt={2}>
            <Button
              size="compact-xs"
              variant="light"
              color={tones.success}
              leftSection={<ApproveIcon size={14} />}
              disabled={variant.status === 'approved' || (busy && deciding !== 'approve')}
              loading={deciding === 'approve'}
              onClick={() => onDecide(variant, 'approve')}
            >
              Approve
            </Button>
            <Button
              size="compact-xs"
              variant="light"
              color={tones.danger}
              leftSection={<RejectIcon size={14} />}
              disabled={variant.status === 'rejected' || (busy && deciding !== 'reject')}
              loading={deciding === 'reject'}
              onClick={() => onDecide(variant, 'reject')}
            >
              Reject
            </Button>
            <Button
              size="compact-xs"
              variant="light"
              color={tones.hero}
              leftSection={<HeroIcon size={14} />}
              disabled={variant.isHero || (busy && deciding !== 'hero')}
              loading={deciding === 'hero'}
              onClick={() => onDecide(variant, 'hero')}
            >
              Make hero
            </Button>
            {onDelete && !variant.isHero && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                leftSection={<TrashIcon size={14} />}
                disabled={busy}
                onClick={() => onDelete(variant)}
                aria-label={`Delete ${name}`}
              >
                Delete
              </Button>
            )}
          </Box>
        )}
      </Stack>
    </Card>
  );
}
