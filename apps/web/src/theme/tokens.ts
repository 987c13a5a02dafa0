// The design tokens of i2v Studio (PRD-029): the only place raw colors, sizes and timings are written.
// Changing the brand color or the font is a one-line edit here.

type Shades = readonly [string, string, string, string, string, string, string, string, string, string];

/** Raw palettes; feature code never uses these directly, only the semantic tokens below. */
export const palettes = {
  /** Brand accent: a calm indigo-blue that reads well on slate in both schemes. */
  brand: [
    '#edf2ff',
    '#dbe4ff',
    '#bac8ff',
    '#91a7ff',
    '#748ffc',
    '#5c7cfa',
    '#4c6ef5',
    '#4263eb',
    '#3b5bdb',
    '#364fc7',
  ],
  /** Neutral slate for light surfaces, borders and text (light scheme). */
  slate: [
    '#f8fafc',
    '#f1f5f9',
    '#e2e8f0',
    '#cbd5e1',
    '#94a3b8',
    '#64748b',
    '#475569',
    '#334155',
    '#1e293b',
    '#0f172a',
  ],
  /** Low-luminance slate for the dark scheme (Mantine's `dark` palette: 0 = text, 7 = body). */
  night: [
    '#d5dce6',
    '#b4bfcd',
    '#8e9aab',
    '#6b7789',
    '#465163',
    '#333c4b',
    '#252c38',
    '#1b212b',
    '#151a22',
    '#0f1319',
  ],
} as const satisfies Record<string, Shades>;

export const brandFont =
  "Inter, 'Segoe UI', system-ui, -apple-system, Roboto, 'Helvetica Neue', Arial, sans-serif";
export const monoFont = "'JetBrains Mono', 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace";

/** Semantic color names used by feature code, one value per color scheme. */
export const colorTokens = {
  light: {
    'surface-primary': palettes.slate[0],
    'surface-raised': '#ffffff',
    'surface-sunken': palettes.slate[1],
    'surface-chrome': '#ffffff',
    'border-subtle': palettes.slate[2],
    'border-strong': palettes.slate[3],
    'text-primary': palettes.slate[9],
    'text-muted': palettes.slate[5],
    'action-primary': palettes.brand[7],
    'action-danger': '#e03131',
    'status-success': '#2f9e44',
    'status-warning': '#e8590c',
    'status-danger': '#e03131',
    'status-info': palettes.brand[7],
  },
  dark: {
    'surface-primary': palettes.night[8],
    'surface-raised': palettes.night[7],
    'surface-sunken': palettes.night[9],
    'surface-chrome': palettes.night[7],
    'border-subtle': palettes.night[5],
    'border-strong': palettes.night[4],
    'text-primary': palettes.night[0],
    'text-muted': palettes.night[2],
    'action-primary': palettes.brand[4],
    'action-danger': '#ff6b6b',
    'status-success': '#51cf66',
    'status-warning': '#ff922b',
    'status-danger': '#ff6b6b',
    'status-info': palettes.brand[4],
  },
} as const;

export type ColorToken = keyof (typeof colorTokens)['light'];

/** A semantic color as a CSS value, e.g. `bg={color('surface-raised')}`. */
export function color(token: ColorToken): string {
  return `var(--i2v-${token})`;
}

/** Typography scale, `text-xs` (12px) to `text-3xl` (32px). */
export const typography = {
  fontFamily: brandFont,
  fontFamilyMonospace: monoFont,
  sizes: {
    'text-xs': 12,
    'text-sm': 14,
    'text-md': 16,
    'text-lg': 18,
    'text-xl': 20,
    'text-2xl': 24,
    'text-3xl': 32,
  },
  weights: { regular: 400, medium: 500, semibold: 600, bold: 700 },
  lineHeights: { tight: 1.25, normal: 1.5, relaxed: 1.65 },
  letterSpacing: { tight: '-0.01em', normal: '0', wide: '0.04em' },
} as const;

/** Spacing on a 4px base: `space(3)` is 12px. */
export const spacingUnit = 4;
export function space(steps: number): string {
  return `${(steps * spacingUnit) / 16}rem`;
}
export const spacing = { xs: 2, sm: 3, md: 4, lg: 6, xl: 8 } as const;

export const radii = { xs: 2, sm: 4, md: 6, lg: 8, xl: 12 } as const;

export const shadows = {
  xs: '0 1px 2px rgba(15, 23, 42, 0.06)',
  sm: '0 1px 3px rgba(15, 23, 42, 0.08), 0 1px 2px rgba(15, 23, 42, 0.04)',
  md: '0 4px 12px rgba(15, 23, 42, 0.10)',
  lg: '0 10px 24px rgba(15, 23, 42, 0.14)',
  xl: '0 20px 40px rgba(15, 23, 42, 0.18)',
} as const;

/** Responsive breakpoints in em. */
export const breakpoints = { xs: 36, sm: 48, md: 62, lg: 75, xl: 88 } as const;

/** Animation durations (ms) and easing curves. */
export const motion = {
  durations: { fast: 120, normal: 200, slow: 320 },
  easing: { standard: 'cubic-bezier(0.2, 0, 0, 1)', exit: 'cubic-bezier(0.3, 0, 1, 1)' },
} as const;

/** Layout sizes of the app shell, in px. */
export const layout = { headerHeight: 56, navbarWidth: 248, contentMaxWidth: 1280 } as const;

/** Mantine color names for roles and states, so every badge of a kind looks the same. */
export const tones = {
  role: { admin: 'grape', creator: 'brand', reviewer: 'teal' },
  /** Project lifecycle (PRD-072): work in progress is colourful, finished work fades to grey. */
  projectStatus: { setup: 'cyan', active: 'green', delivered: 'brand', archived: 'gray', closed: 'gray' },
  /** The default image variant type. */
  defaultType: 'yellow',
  /** Image variants (PRD-021): undecided ones stay neutral, decisions are green or red. */
  variantStatus: { pending: 'gray', generated: 'cyan', approved: 'green', rejected: 'red' },
  /** The hero of an image variant type: the one image that seeds generation stands out. */
  hero: 'yellow',
  /** Readiness hints of a character (PRD-107): done is green, partly done yellow, not started grey, and a missing
   * prerequisite (the source image) orange. */
  readiness: { ready: 'green', partial: 'yellow', notStarted: 'gray', missing: 'orange' },
  /** Cells of the scene matrix (PRD-023 §1.6): not created stays neutral, work in progress is blue to yellow,
   * decisions are green or red. */
  sceneStatus: {
    not_created: 'gray',
    pending: 'indigo',
    generating: 'cyan',
    review: 'yellow',
    approved: 'green',
    rejected: 'red',
    failed: 'pink',
  },
  /** Scene types shared by every project. */
  studioScope: 'grape',
  active: 'green',
  inactive: 'gray',
  locked: 'orange',
  danger: 'red',
  success: 'green',
  warning: 'orange',
} as const;
