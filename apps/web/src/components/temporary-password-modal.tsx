import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { CheckIcon, CopyIcon, WarningIcon } from './icons';

interface TemporaryPasswordModalProps {
  /** The password to show once; the modal is open while it is set. */
  password: string | null;
  /** Whom it belongs to, e.g. "Ada Lovelace (ada@studio.test)". */
  owner: string;
  onClose: () => void;
}

/** Shows a server-generated password exactly once, with a copy button. */
export function TemporaryPasswordModal({ password, owner, onClose }: TemporaryPasswordModalProps) {
  return (
    <Modal opened={password !== null} onClose={onClose} title="Temporary password" size="md">
      <Stack gap="md">
        <Text size="sm">
          Give this password to <b>{owner}</b>. They will be asked to choose their own password after signing
          in.
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Code
            data-testid="temporary-password"
            fz="md"
            px="md"
            py="xs"
            style={{ flex: 1, wordBreak: 'break-all', userSelect: 'all' }}
          >
            {password}
          </Code>
          <CopyButton value={password ?? ''}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy to clipboard'}>
                <Button
                  variant={copied ? 'light' : 'default'}
                  color={copied ? 'green' : undefined}
                  onClick={copy}
                  leftSection={copied ? <CheckIcon size={16} /> : <CopyIcon size={16} />}
                >
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Alert color="orange" variant="light" icon={<WarningIcon size={18} />}>
          This password is shown only once. Copy it now; it cannot be displayed again.
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
