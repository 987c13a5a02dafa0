// The project's review watermark (PRD-039 §1.4): text or an uploaded image, where it sits, how opaque and how wide,
// and whether a running timecode is burnt in. Review cuts of the project's videos carry it; deliveries never do.
import {
  Button,
  FileButton,
  Group,
  Image,
  SegmentedControl,
  Select,
  Slider,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import type { ProjectSettings } from '@/api/types';
import { notifyError, UploadIcon } from '@/components';
import {
  uploadWatermarkImage,
  type Watermark,
} from '@/pages/settings/output-profiles/output-profile-queries';

/** The studio's own review watermark (as the server's default; not imported, to keep zod out of the bundle). */
export const studioWatermark: Watermark = {
  kind: 'text',
  text: 'REVIEW',
  position: 'bottom_right',
  opacity: 0.5,
  scale: 0.2,
  timecode: true,
};

const positions: { value: Watermark['position']; label: string }[] = [
  { value: 'bottom_right', label: 'Bottom right' },
  { value: 'bottom_left', label: 'Bottom left' },
  { value: 'top_right', label: 'Top right' },
  { value: 'top_left', label: 'Top left' },
  { value: 'center', label: 'Centre' },
];

const percent = (v: number) => `${Math.round(v * 100)} %`;

type SettingsForm = UseFormReturnType<{ settings: ProjectSettings }>;

export function ReviewWatermarkFields({ form, disabled }: { form: SettingsForm; disabled: boolean }) {
  const watermark = form.values.settings.reviewWatermark;
  const [uploading, setUploading] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const path = 'settings.reviewWatermark';
  const set = (patch: Partial<Watermark>) =>
    form.setFieldValue(path, { ...(watermark ?? studioWatermark), ...patch } as Watermark);

  const upload = async (file: File | null) => {
    if (!file) return;
    setUploading(true);
    try {
      const stored = await uploadWatermarkImage(file);
      setPreview(stored.thumbnailUrl ?? stored.url);
      set({ kind: 'image', imageFileId: stored.id });
    } catch (error) {
      notifyError(error, 'Could not upload the watermark image');
    } finally {
      setUploading(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="review-watermark">
      <Switch
        label="Use the studio's review watermark"
        description={'"REVIEW" at the bottom right, half opaque, with a timecode.'}
        disabled={disabled}
        checked={watermark === null}
        onChange={(e) => form.setFieldValue(path, e.currentTarget.checked ? null : { ...studioWatermark })}
      />
      {watermark && (
        <>
          <SegmentedControl
            aria-label="Watermark kind"
            disabled={disabled}
            data={[
              { value: 'text', label: 'Text' },
              { value: 'image', label: 'Image' },
            ]}
            value={watermark.kind}
            onChange={(kind) =>
              set(kind === 'text' ? { kind: 'text', text: watermark.text ?? 'REVIEW' } : { kind: 'image' })
            }
          />
          {watermark.kind === 'text' ? (
            <TextInput
              label="Watermark text"
              maxLength={100}
              disabled={disabled}
              {...form.getInputProps(`${path}.text`)}
            />
          ) : (
            <Stack gap={4}>
              <Group gap="sm">
                <FileButton accept="image/png,image/jpeg,image/webp" onChange={(f) => void upload(f)}>
                  {(props) => (
                    <Button
                      {...props}
                      size="xs"
                      variant="light"
                      leftSection={<UploadIcon size={14} />}
                      loading={uploading}
                      disabled={disabled}
                    >
                      {watermark.imageFileId ? 'Replace image' : 'Upload image'}
                    </Button>
                  )}
                </FileButton>
                {preview && <Image src={preview} h={32} w="auto" fit="contain" alt="Watermark image" />}
              </Group>
              <Text size="xs" c={form.errors[`${path}.imageFileId`] ? 'red' : 'dimmed'}>
                {form.errors[`${path}.imageFileId`] ??
                  (watermark.imageFileId
                    ? 'A PNG with transparency works best.'
                    : 'Upload a PNG, JPEG or WebP (a logo with transparency works best).')}
              </Text>
            </Stack>
          )}
          <Select
            label="Position"
            data={positions}
            allowDeselect={false}
            disabled={disabled}
            {...form.getInputProps(`${path}.position`)}
          />
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              Opacity: {percent(watermark.opacity)}
            </Text>
            <Slider
              min={0.05}
              max={1}
              step={0.05}
              label={percent}
              disabled={disabled}
              aria-label="Watermark opacity"
              {...form.getInputProps(`${path}.opacity`)}
            />
          </Stack>
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              Width: {percent(watermark.scale)}
            </Text>
            <Text size="xs" c="dimmed">
              Share of the video's width the watermark takes.
            </Text>
            <Slider
              min={0.05}
              max={1}
              step={0.05}
              label={percent}
              disabled={disabled}
              aria-label="Watermark width"
              {...form.getInputProps(`${path}.scale`)}
            />
          </Stack>
          <Switch
            label="Burn in a timecode"
            description="Hours:minutes:seconds:frames at the bottom centre, so reviewers can point at a frame."
            disabled={disabled}
            {...form.getInputProps(`${path}.timecode`, { type: 'checkbox' })}
          />
        </>
      )}
    </Stack>
  );
}
