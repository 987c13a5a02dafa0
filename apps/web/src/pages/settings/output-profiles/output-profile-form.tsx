// Create or edit an output profile. Hints say what each codec takes as you choose; the server decides, and its
// field errors (ProRes in MP4, an odd height in 4:2:0, …) land on the fields.
import { codecRules, type OutputProfileSpec, profileProblems } from '@i2v/domain';
import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { isApiError } from '@/api/api-error';
import { formFieldOf } from '@/api/form-errors';
import { notifyError, WarningIcon } from '@/components';
import { type OutputProfile, type OutputProfileBody, useSaveOutputProfile } from './output-profile-queries';

type Container = OutputProfile['container'];
type Codec = OutputProfile['videoCodec'];
type PixelFormat = OutputProfile['pixelFormat'];

interface FormValues {
  name: string;
  description: string;
  container: Container;
  videoCodec: Codec;
  width: number | string;
  height: number | string;
  fps: number | string;
  quality: 'crf' | 'bitrate';
  crf: number | string;
  bitrateKbps: number | string;
  pixelFormat: PixelFormat;
  audio: OutputProfile['audio'];
}

const containers: { value: Container; label: string }[] = [
  { value: 'mp4', label: 'MP4' },
  { value: 'mov', label: 'MOV (QuickTime)' },
  { value: 'webm', label: 'WebM' },
];
const codecs: { value: Codec; label: string }[] = [
  { value: 'h264', label: 'H.264' },
  { value: 'h265', label: 'H.265 (HEVC)' },
  { value: 'vp9', label: 'VP9' },
  { value: 'prores', label: 'ProRes' },
];
const codecLabel = (c: Codec) => codecs.find((x) => x.value === c)?.label ?? c;
const fieldLabels: Record<string, string> = {
  container: 'Container',
  pixelFormat: 'Pixel format',
  width: 'Width',
  height: 'Height',
  fps: 'Frame rate',
  crf: 'Quality',
  bitrateKbps: 'Bitrate',
};

const blank: FormValues = {
  name: '',
  description: '',
  container: 'mp4',
  videoCodec: 'h264',
  width: 1920,
  height: 1080,
  fps: '',
  quality: 'crf',
  crf: 20,
  bitrateKbps: '',
  pixelFormat: 'yuv420p',
  audio: 'drop',
};

function valuesOf(p: OutputProfile | null): FormValues {
  if (!p) return blank;
  return {
    name: p.name,
    description: p.description,
    container: p.container,
    videoCodec: p.videoCodec,
    width: p.width ?? '',
    height: p.height ?? '',
    fps: p.fps ?? '',
    quality: p.bitrateKbps !== null ? 'bitrate' : 'crf',
    crf: p.crf ?? '',
    bitrateKbps: p.bitrateKbps ?? '',
    pixelFormat: p.pixelFormat,
    audio: p.audio,
  };
}

const numberOrNull = (v: number | string) => (v === '' || v === null ? null : Number(v));

function bodyOf(v: FormValues): OutputProfileBody {
  return {
    name: v.name.trim(),
    description: v.description.trim(),
    container: v.container,
    videoCodec: v.videoCodec,
    width: numberOrNull(v.width),
    height: numberOrNull(v.height),
    fps: numberOrNull(v.fps),
    crf: v.quality === 'crf' ? numberOrNull(v.crf) : null,
    bitrateKbps: v.quality === 'bitrate' ? numberOrNull(v.bitrateKbps) : null,
    pixelFormat: v.pixelFormat,
    audio: v.audio,
  };
}

interface OutputProfileFormProps {
  opened: boolean;
  /** The profile to edit; null creates one. */
  profile: OutputProfile | null;
  onClose: () => void;
  onSaved: (profile: OutputProfile) => void;
}

export function OutputProfileForm({ opened, profile, onClose, onSaved }: OutputProfileFormProps) {
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: valuesOf(profile),
    validate: { name: (v) => (v.trim() ? null : 'Enter a name') },
  });
  const save = useSaveOutputProfile();
  const { values } = form;
  const rule = codecRules[values.videoCodec];

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another profile is opened
  useEffect(() => {
    if (!opened) return;
    form.setInitialValues(valuesOf(profile));
    form.setValues(valuesOf(profile));
    form.clearErrors();
  }, [opened, profile?.id]);

  const close = () => {
    save.reset();
    onClose();
  };

  // A codec takes only some pixel formats; choosing the codec picks one it takes.
  const changeCodec = (codec: Codec) => {
    const next = codecRules[codec];
    form.setValues({
      videoCodec: codec,
      pixelFormat: next.pixelFormats.includes(values.pixelFormat)
        ? values.pixelFormat
        : (next.pixelFormats[0] as PixelFormat),
      quality: next.bitrate ? values.quality : 'crf',
    });
  };

  const hints = profileProblems(bodyOf(values) as OutputProfileSpec);

  const submit = form.onSubmit((v) =>
    save.mutate(
      { id: profile?.id ?? null, body: bodyOf(v) },
      {
        onSuccess: (saved) => {
          close();
          onSaved(saved);
        },
        onError: (error) => {
          if (!isApiError(error) || error.fieldErrors.length === 0) {
            if (isApiError(error) && error.code === 'output_profile.name_taken') {
              form.setFieldError('name', error.detail);
              return;
            }
            notifyError(error, 'Could not save the output profile');
            return;
          }
          const errors: Record<string, string> = {};
          for (const fe of error.fieldErrors) {
            let field = formFieldOf(fe.field);
            // "crf or bitrate" shows on whichever quality input is visible
            if (field === 'crf' && v.quality === 'bitrate') field = 'bitrateKbps';
            const message = fe.message.charAt(0).toUpperCase() + fe.message.slice(1);
            errors[field] = errors[field] ? `${errors[field]}; ${fe.message}` : message;
          }
          form.setErrors(errors);
        },
      },
    ),
  );

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={profile ? `Edit ${profile.name}` : 'New output profile'}
      size="lg"
    >
      <form onSubmit={submit} noValidate aria-label="Output profile">
        <Stack gap="md">
          <TextInput label="Name" maxLength={100} data-autofocus {...form.getInputProps('name')} />
          <Textarea
            label="Description"
            autosize
            minRows={1}
            maxLength={500}
            {...form.getInputProps('description')}
          />
          <SimpleGrid cols={2}>
            <Select
              label="Video codec"
              data={codecs}
              allowDeselect={false}
              {...form.getInputProps('videoCodec')}
              onChange={(v) => v && changeCodec(v as Codec)}
            />
            <Select
              label="Container"
              description={`${codecLabel(values.videoCodec)} goes in ${rule.containers.map((c) => c.toUpperCase()).join(' or ')}`}
              data={containers}
              allowDeselect={false}
              {...form.getInputProps('container')}
            />
            <NumberInput
              label="Width"
              description="Empty (with height) keeps the source size"
              min={16}
              max={7680}
              allowDecimal={false}
              {...form.getInputProps('width')}
            />
            <NumberInput
              label="Height"
              description={
                values.pixelFormat.startsWith('yuv420') ? 'Even in 4:2:0 formats' : 'Letterboxed to fit'
              }
              min={16}
              max={4320}
              allowDecimal={false}
              {...form.getInputProps('height')}
            />
            <NumberInput
              label="Frame rate"
              description="Empty keeps the source rate"
              min={1}
              max={120}
              decimalScale={3}
              {...form.getInputProps('fps')}
            />
            <Select
              label="Pixel format"
              description={`${codecLabel(values.videoCodec)} takes ${rule.pixelFormats.join(', ')}`}
              data={
                rule.pixelFormats.includes(values.pixelFormat)
                  ? rule.pixelFormats
                  : [...rule.pixelFormats, values.pixelFormat]
              }
              allowDeselect={false}
              {...form.getInputProps('pixelFormat')}
            />
          </SimpleGrid>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Quality
            </Text>
            <SegmentedControl
              data={[
                { value: 'crf', label: 'Constant quality (CRF)' },
                { value: 'bitrate', label: 'Bitrate', disabled: !rule.bitrate },
              ]}
              {...form.getInputProps('quality')}
            />
            {values.quality === 'crf' ? (
              <NumberInput
                aria-label="CRF"
                description={`${rule.crf[0]}–${rule.crf[1]} for ${codecLabel(values.videoCodec)}; lower is better and larger`}
                allowDecimal={false}
                {...form.getInputProps('crf')}
              />
            ) : (
              <NumberInput
                aria-label="Bitrate (kbit/s)"
                description="Target bitrate in kbit/s, e.g. 8000 for 8 Mbps"
                suffix=" kbit/s"
                allowDecimal={false}
                {...form.getInputProps('bitrateKbps')}
              />
            )}
          </Stack>
          <Select
            label="Audio"
            data={[
              { value: 'drop', label: 'No audio track' },
              { value: 'silent', label: 'A silent track (for platforms that require one)' },
            ]}
            allowDeselect={false}
            {...form.getInputProps('audio')}
          />
          {hints.length > 0 && (
            <Alert
              color="yellow"
              icon={<WarningIcon size={16} />}
              title="This cannot be encoded yet"
              data-testid="profile-hints"
            >
              <Stack gap={2}>
                {hints.map((h) => (
                  <Text key={`${h.field}:${h.message}`} size="sm">
                    {fieldLabels[h.field] ?? h.field}: {h.message}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={save.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {profile ? 'Save' : 'Create profile'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
