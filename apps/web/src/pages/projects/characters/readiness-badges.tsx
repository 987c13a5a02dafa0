// Readiness hints of a character (PRD-107): is there a source image, and how many image variant types have a hero.
import { Badge, type BadgeProps, Tooltip } from '@mantine/core';
import { CheckIcon, HeroIcon, NoSourceImageIcon } from '@/components';
import { tones } from '@/theme/tokens';

interface ReadinessBadgesProps {
  hasSourceImage: boolean;
  heroCount: number;
  /** How many image variant types the studio has; undefined while they load. */
  typeCount: number | undefined;
  size?: BadgeProps['size'];
}

function heroTone(heroCount: number, typeCount: number) {
  if (heroCount >= typeCount) return tones.readiness.ready;
  return heroCount > 0 ? tones.readiness.partial : tones.readiness.notStarted;
}

function heroHint(heroCount: number, typeCount: number): string {
  if (heroCount >= typeCount) return 'Every image variant type has a hero to seed scenes.';
  const missing = typeCount - heroCount;
  return `${missing} of ${typeCount} image variant type${typeCount === 1 ? '' : 's'} still need${missing === 1 ? 's' : ''} a hero: the approved image that seeds its scenes.`;
}

export function ReadinessBadges({ hasSourceImage, heroCount, typeCount, size = 'sm' }: ReadinessBadgesProps) {
  const complete = typeCount !== undefined && typeCount > 0 && heroCount >= typeCount;
  return (
    <>
      {!hasSourceImage && (
        <Tooltip
          label="Upload a source image: it is the ground truth for the character's likeness."
          multiline
          w={240}
        >
          <Badge
            size={size}
            color={tones.readiness.missing}
            leftSection={<NoSourceImageIcon size={12} />}
            tt="none"
            data-testid="no-source-image"
          >
            No source image
          </Badge>
        </Tooltip>
      )}
      {typeCount !== 0 && (
        <Tooltip
          label={
            typeCount === undefined
              ? `${heroCount} hero image${heroCount === 1 ? '' : 's'} chosen`
              : heroHint(heroCount, typeCount)
          }
          multiline
          w={240}
        >
          <Badge
            size={size}
            color={typeCount === undefined ? tones.readiness.notStarted : heroTone(heroCount, typeCount)}
            variant={heroCount === 0 ? 'default' : 'light'}
            leftSection={complete ? <CheckIcon size={12} /> : <HeroIcon size={12} />}
            tt="none"
            data-testid="hero-count"
            data-complete={complete || undefined}
          >
            {typeCount === undefined ? `Heroes ${heroCount}` : `Heroes ${heroCount}/${typeCount}`}
          </Badge>
        </Tooltip>
      )}
    </>
  );
}
