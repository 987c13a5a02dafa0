import { Alert, Button } from '@mantine/core';
import type { AuditVerification } from '@/api/types';
import { ChainBrokenIcon, ChainIntactIcon } from '@/components';

export function VerifyChainButton({ loading, onVerify }: { loading: boolean; onVerify: () => void }) {
  return (
    <Button
      variant="default"
      leftSection={<ChainIntactIcon size={16} />}
      loading={loading}
      onClick={onVerify}
    >
      Verify chain
    </Button>
  );
}

/** The outcome of re-hashing the audit chain: intact, or where it was first altered. */
export function VerificationResult({ result, onClose }: { result: AuditVerification; onClose: () => void }) {
  const checked = `${result.checked} event${result.checked === 1 ? '' : 's'} checked`;
  if (result.ok) {
    return (
      <Alert
        color="green"
        variant="light"
        icon={<ChainIntactIcon size={20} />}
        title="The audit chain is intact"
        withCloseButton
        onClose={onClose}
        mb="md"
        data-testid="audit-verify-result"
        data-ok="true"
      >
        {checked}; no event has been altered or removed.
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      variant="light"
      icon={<ChainBrokenIcon size={20} />}
      title="The audit chain is broken"
      withCloseButton
      onClose={onClose}
      mb="md"
      role="alert"
      data-testid="audit-verify-result"
      data-ok="false"
    >
      {checked}. The first event that does not match its hash is <b>#{result.firstBrokenId ?? 'unknown'}</b>:
      it, or an event before it, was changed outside the studio.
    </Alert>
  );
}
