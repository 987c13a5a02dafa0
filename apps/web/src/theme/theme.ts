// Builds the Mantine theme and the semantic CSS variables from the design tokens.
import { type CSSVariablesResolver, createTheme, localStorageColorSchemeManager, rem } from '@mantine/core';
import {
  breakpoints,
  color,
  colorTokens,
  layout,
  motion,
  palettes,
  radii,
  shadows,
  spacing,
  spacingUnit,
  typography,
} from './tokens';

const px = (n: number) => rem(n);
const sizes = typography.sizes;

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: { light: 7, dark: 5 },
  colors: { brand: palettes.brand, gray: palettes.slate, dark: palettes.night },
  white: colorTokens.light['surface-raised'],
  black: colorTokens.light['text-primary'],
  fontFamily: typography.fontFamily,
  fontFamilyMonospace: typography.fontFamilyMonospace,
  fontSizes: {
    xs: px(sizes['text-xs']),
    sm: px(sizes['text-sm']),
    md: px(sizes['text-md']),
    lg: px(sizes['text-lg']),
    xl: px(sizes['text-xl']),
  },
  lineHeights: {
    xs: String(typography.lineHeights.normal),
    sm: String(typography.lineHeights.normal),
    md: String(typography.lineHeights.normal),
    lg: String(typography.lineHeights.tight),
    xl: String(typography.lineHeights.tight),
  },
  headings: {
    fontFamily: typography.fontFamily,
    fontWeight: String(typography.weights.semibold),
    sizes: {
      h1: { fontSize: px(sizes['text-3xl']), lineHeight: String(typography.lineHeights.tight) },
      h2: { fontSize: px(sizes['text-2xl']), lineHeight: String(typography.lineHeights.tight) },
      h3: { fontSize: px(sizes['text-xl']), lineHeight: String(typography.lineHeights.tight) },
      h4: { fontSize: px(sizes['text-lg']), lineHeight: String(typography.lineHeights.tight) },
      h5: { fontSize: px(sizes['text-md']), lineHeight: String(typography.lineHeights.normal) },
      h6: { fontSize: px(sizes['text-sm']), lineHeight: String(typography.lineHeights.normal) },
    },
  },
  spacing: {
    xs: px(spacing.xs * spacingUnit),
    sm: px(spacing.sm * spacingUnit),
    md: px(spacing.md * spacingUnit),
    lg: px(spacing.lg * spacingUnit),
    xl: px(spacing.xl * spacingUnit),
  },
  radius: { xs: px(radii.xs), sm: px(radii.sm), md: px(radii.md), lg: px(radii.lg), xl: px(radii.xl) },
  defaultRadius: 'md',
  shadows,
  breakpoints: {
    xs: `${breakpoints.xs}em`,
    sm: `${breakpoints.sm}em`,
    md: `${breakpoints.md}em`,
    lg: `${breakpoints.lg}em`,
    xl: `${breakpoints.xl}em`,
  },
  cursorType: 'pointer',
  respectReducedMotion: true,
  other: { layout, motion },
  components: {
    AppShell: {
      styles: {
        header: { background: color('surface-chrome') },
        navbar: { background: color('surface-chrome') },
        main: { background: color('surface-primary') },
      },
    },
    Card: {
      defaultProps: { withBorder: true, radius: 'lg', padding: 'lg' },
      styles: { root: { background: color('surface-raised') } },
    },
    Paper: { defaultProps: { radius: 'lg' } },
    Modal: {
      defaultProps: { radius: 'lg', centered: true, overlayProps: { backgroundOpacity: 0.55, blur: 2 } },
    },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
    Badge: { defaultProps: { radius: 'sm', variant: 'light' } },
    Tooltip: { defaultProps: { withArrow: true, openDelay: 250 } },
    // The eye button's label must not contain "password", or it would share the field's label.
    PasswordInput: {
      defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Show or hide the characters' } },
    },
  },
});

/** Exposes the semantic color tokens as `--i2v-*` CSS variables and maps Mantine's base colors onto them. */
export const cssVariablesResolver: CSSVariablesResolver = () => {
  const schemeVariables = (scheme: 'light' | 'dark') => {
    const tokens = colorTokens[scheme];
    const vars: Record<string, string> = {};
    for (const [name, value] of Object.entries(tokens)) vars[`--i2v-${name}`] = value;
    vars['--mantine-color-body'] = tokens['surface-primary'];
    vars['--mantine-color-text'] = tokens['text-primary'];
    vars['--mantine-color-dimmed'] = tokens['text-muted'];
    vars['--mantine-color-default-border'] = tokens['border-subtle'];
    return vars;
  };
  return {
    variables: {
      '--i2v-duration-fast': `${motion.durations.fast}ms`,
      '--i2v-duration-normal': `${motion.durations.normal}ms`,
      '--i2v-easing-standard': motion.easing.standard,
    },
    light: schemeVariables('light'),
    dark: schemeVariables('dark'),
  };
};

/** Remembers the chosen color scheme; with nothing stored, the system preference (`auto`) applies. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'i2v-color-scheme' });
