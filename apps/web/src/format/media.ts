// Facts about an image file as people read them: "1024 × 1536 px", "PNG", "1.4 MB".

const formats: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP' };

export function formatImageFormat(mimeType: string): string {
  return formats[mimeType] ?? mimeType.replace(/^image\//, '').toUpperCase();
}

export function formatDimensions(width: number | null, height: number | null): string | null {
  return width && height ? `${width} × ${height} px` : null;
}

const sizeUnits = [
  { unit: 'byte', size: 1 },
  { unit: 'kilobyte', size: 1e3 },
  { unit: 'megabyte', size: 1e6 },
  { unit: 'gigabyte', size: 1e9 },
] as const;

/** Decimal units, as file managers show them. */
export function formatFileSize(bytes: number): string {
  const { unit, size } = [...sizeUnits].reverse().find((u) => bytes >= u.size) ?? sizeUnits[0];
  return new Intl.NumberFormat(undefined, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: size === 1 ? 0 : 1,
  }).format(bytes / size);
}

/** What a file is, for captions: "1024 × 1536 px · PNG · 1.4 MB". */
export function describeImageFile(file: {
  width: number | null;
  height: number | null;
  mimeType: string;
  sizeBytes: number;
}): string {
  return [
    formatDimensions(file.width, file.height),
    formatImageFormat(file.mimeType),
    formatFileSize(file.sizeBytes),
  ]
    .filter(Boolean)
    .join(' · ');
}
