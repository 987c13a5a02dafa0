// The QA rule set of a scene type (PRD-091): a preset profile and, per gate, hard and soft overrides, with the rule in
// force shown beside them as it will apply.
import { gateLabels, type QaGateKey, type QaProfile, qaGateKeys, qaPresets } from '@i2v/domain';
import {
  ActionIcon,
  Badge,
  Group,
  Input,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { RestoreIcon } from '@/components';
import { effectiveThresholds, type GenerationForm, ruleText } from './generation-settings-fields';

const profileHelp: Record<QaProfile, string> = {
  strict: 'Hard gates on likeness, faces and duplicates: for hero content.',
  standard: 'The default: fails broken segments, flags doubtful ones.',
  lenient: 'Only fails clearly broken segments: for stylised or faceless scenes.',
};

/** What each score measures, so a threshold can be read. */
const gateScales: Record<QaGateKey, string> = {
  continuity: 'SSIM of seed and first frame, 0–1',
  facePresence: 'share of frames with a face, 0–1',
  faceConfidence: 'lowest detector score, 0–1',
  likeness: 'lowest similarity to the source image, 0–1',
  likenessDrift: 'likeness lost since segment 1, 0–1',
  motion: 'mean change between frames, 0–255',
  blackFrames: 'share of frames, 0–1',
  frozenFrames: 'share of frames, 0–1',
  nearDuplicates: 'share of frame pairs, 0–1',
  sharpness: 'Laplacian variance; low is blurry',
};

const profileValue = (value: number | null) => (value === null ? 'off' : String(value));

function GateRow({
  gate,
  form,
  effective,
  profile,
}: {
  gate: QaGateKey;
  form: GenerationForm;
  effective: { hard: number | null; soft: number | null };
  profile: QaProfile;
}) {
  const preset = qaPresets[profile][gate];
  const o = form.values.overrides[gate];
  const overridden = o.hard.trim() !== '' || o.soft.trim() !== '';
  return (
    <Table.Tr data-testid="qa-gate" data-gate={gate} data-overridden={overridden ? 'true' : 'false'}>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{gateLabels[gate]}</Text>
          {overridden && (
            <Badge size="xs" variant="outline" color="brand" tt="none">
              custom
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {gateScales[gate]}
        </Text>
      </Table.Td>
      {(['hard', 'soft'] as const).map((side) => (
        <Table.Td key={side}>
          <TextInput
            size="xs"
            w={110}
            aria-label={`${gateLabels[gate]} ${side}`}
            placeholder={profileValue(preset[side])}
            autoComplete="off"
            inputMode="decimal"
            {...form.getInputProps(`overrides.${gate}.${side}`)}
          />
        </Table.Td>
      ))}
      <Table.Td data-testid="qa-gate-effective">
        <Group gap={6} wrap="nowrap">
          <Badge size="sm" variant="light" color={effective.hard === null ? 'gray' : 'red'} tt="none">
            {ruleText(gate, 'hard', effective.hard)}
          </Badge>
          <Badge size="sm" variant="light" color={effective.soft === null ? 'gray' : 'yellow'} tt="none">
            {ruleText(gate, 'soft', effective.soft)}
          </Badge>
        </Group>
      </Table.Td>
      <Table.Td w={40}>
        {overridden && (
          <Tooltip label="Back to the profile's values">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Reset ${gateLabels[gate]}`}
              onClick={() => form.setFieldValue(`overrides.${gate}`, { hard: '', soft: '' })}
            >
              <RestoreIcon size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function QaRuleSet({ form, readOnly }: { form: GenerationForm; readOnly: boolean }) {
  const effective = effectiveThresholds(form.values);
  return (
    <Stack gap="xs">
      <Input.Wrapper label="QA profile" description={profileHelp[form.values.qaProfile]}>
        <SegmentedControl
          mt={6}
          aria-label="QA profile"
          data={[
            { value: 'strict', label: 'Strict' },
            { value: 'standard', label: 'Standard' },
            { value: 'lenient', label: 'Lenient' },
          ]}
          value={form.values.qaProfile}
          onChange={(value) => form.setFieldValue('qaProfile', value as QaProfile)}
          disabled={readOnly}
          data-testid="qa-profile"
        />
      </Input.Wrapper>
      <Text size="xs" c="dimmed">
        A hard threshold fails the segment (it is retried or the run stops); a soft one flags it for review.
        An empty override keeps the profile's value (shown greyed); type a number to change it, or <b>off</b>{' '}
        to turn that side of the gate off.
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing={6} aria-label="QA gates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Gate</Table.Th>
              <Table.Th>Hard override</Table.Th>
              <Table.Th>Soft override</Table.Th>
              <Table.Th>In force</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {qaGateKeys.map((gate) => (
              <GateRow
                key={gate}
                gate={gate}
                form={form}
                effective={effective[gate]}
                profile={form.values.qaProfile}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
