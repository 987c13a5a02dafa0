// The quick pick of a rejection (PRD-035 §1.2): a failure tag by its number key (1–6), an optional note, whether to
// requeue the segment for regeneration; Enter confirms, Escape cancels. Nothing needs the mouse.
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Kbd,
  Modal,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ReasonCode } from './review-queries';

export const reasonLabels: Record<ReasonCode, string> = {
  face_artifact: 'Face artifact',
  motion_artifact: 'Motion artifact',
  lighting_mismatch: 'Lighting mismatch',
  identity_drift: 'Identity drift',
  continuity_break: 'Continuity break',
  other: 'Other',
};
/** The failure tags in the order of their number keys. */
export const reasonCodes = Object.keys(reasonLabels) as ReasonCode[];

export interface Rejection {
  reasonCode: ReasonCode;
  note: string;
  regenerate: boolean;
}

interface RejectPickerProps {
  opened: boolean;
  /** What is being rejected, e.g. "Ada · Walk · segment 2". */
  subject: string;
  loading: boolean;
  onConfirm: (r: Rejection) => void;
  onCancel: () => void;
}

export function RejectPicker({ opened, subject, loading, onConfirm, onCancel }: RejectPickerProps) {
  const [reason, setReason] = useState<ReasonCode>('other');
  const [note, setNote] = useState('');
  const [regenerate, setRegenerate] = useState(false);

  // every rejection starts from a clean pick
  useEffect(() => {
    if (opened) {
      setReason('other');
      setNote('');
      setRegenerate(false);
    }
  }, [opened]);

  const confirm = () => onConfirm({ reasonCode: reason, note: note.trim(), regenerate });
  const latest = useRef({ confirm, loading });
  latest.current = { confirm, loading };

  // the keys work wherever focus is inside the dialog (it opens on the reason list)
  useEffect(() => {
    if (!opened) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const typing = e.target instanceof HTMLInputElement && e.target.type === 'text';
      if (e.key === 'Enter' && !e.shiftKey) {
        // Cancel, the close button and the confirm button answer Enter themselves
        if (e.target instanceof HTMLButtonElement && e.target.getAttribute('role') !== 'radio') return;
        e.preventDefault();
        if (!latest.current.loading) latest.current.confirm();
        return;
      }
      // number keys pick a reason and R toggles regeneration, except while typing the note
      if (typing) return;
      const n = Number(e.key);
      if (Number.isInteger(n) && n >= 1 && n <= reasonCodes.length) {
        e.preventDefault();
        setReason(reasonCodes[n - 1]!);
      } else if (e.key === 'r' || e.key === 'R') {
        e.preventDefault();
        setRegenerate((v) => !v);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [opened]);

  return (
    <Modal opened={opened} onClose={onCancel} title={`Reject ${subject}`} size="md" centered>
      <Stack gap="md" data-testid="reject-picker">
        <Text size="sm" c="dimmed">
          Why? Press a number, add a note if it helps, then Enter.
        </Text>
        {/* focused first, so the number keys pick at once; Tab reaches the note */}
        <Stack gap={4} role="radiogroup" aria-label="Reason" tabIndex={-1} data-autofocus>
          {reasonCodes.map((code, i) => (
            <UnstyledButton
              key={code}
              role="radio"
              aria-checked={reason === code}
              // the group takes the number keys; Tab goes on to the note
              tabIndex={-1}
              onClick={() => setReason(code)}
              data-testid="reject-reason"
              data-code={code}
              data-selected={reason === code || undefined}
              px="sm"
              py={6}
              style={{
                borderRadius: 'var(--mantine-radius-sm)',
                background: reason === code ? 'var(--mantine-color-red-light)' : undefined,
              }}
            >
              <Group gap="sm" wrap="nowrap">
                <Kbd size="xs">{i + 1}</Kbd>
                <Text size="sm" fw={reason === code ? 600 : 400}>
                  {reasonLabels[code]}
                </Text>
                {reason === code && (
                  <Badge size="xs" color="red" variant="light">
                    chosen
                  </Badge>
                )}
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
        <TextInput
          label="Note (optional)"
          placeholder="What should change, e.g. “hands blur at 0:02”"
          value={note}
          maxLength={2000}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-testid="reject-note"
        />
        <Checkbox
          label={
            <>
              Regenerate it from its seed frame <Kbd size="xs">R</Kbd>
            </>
          }
          description="Requeues this segment alone; the note stays with the rejection."
          checked={regenerate}
          onChange={(e) => setRegenerate(e.currentTarget.checked)}
          data-testid="reject-regenerate"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={loading}>
            Cancel
          </Button>
          <Button color="red" onClick={confirm} loading={loading} data-testid="reject-confirm">
            Reject{regenerate ? ' and regenerate' : ''}{' '}
            <Kbd size="xs" ml={6}>
              Enter
            </Kbd>
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
