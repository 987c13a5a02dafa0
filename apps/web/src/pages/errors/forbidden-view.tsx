import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { ForbiddenIcon } from '@/components';
import { StatusMessage } from './status-message';

/** Shown instead of a page the user's role may not open. */
export function ForbiddenView({ requiredRole }: { requiredRole: string }) {
  return (
    <StatusMessage icon={ForbiddenIcon} color="orange" title="Access denied" testId="forbidden">
      You need the {requiredRole} role to open this page. If you need access, ask a studio administrator.
      <Button component={Link} to="/" variant="default" mt="lg" display="block" mx="auto" w="fit-content">
        Back to Home
      </Button>
    </StatusMessage>
  );
}
