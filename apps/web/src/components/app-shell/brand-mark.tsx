import { Group, Text, ThemeIcon } from '@mantine/core';
import { typography } from '@/theme/tokens';
import { BrandIcon } from '../icons';

/** The product's name and mark, as shown in the header and on the sign-in page. */
export function BrandMark({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const large = size === 'lg';
  return (
    <Group gap="xs" wrap="nowrap">
      <ThemeIcon size={large ? 40 : 30} radius="md" variant="filled">
        <BrandIcon size={large ? 22 : 16} />
      </ThemeIcon>
      <Text fw={700} fz={large ? 'xl' : 'lg'} lts={typography.letterSpacing.tight}>
        i2v Studio
      </Text>
    </Group>
  );
}
