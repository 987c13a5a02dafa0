import { Button, Code } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { NotFoundIcon } from '@/components';
import { StatusMessage } from './status-message';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <StatusMessage
      icon={NotFoundIcon}
      color="gray"
      title="Page not found"
      testId="not-found"
      actions={
        <Button component={Link} to="/" variant="default">
          Back to Home
        </Button>
      }
    >
      There is no page at <Code>{pathname}</Code>. Check the address, or use the navigation to find what you
      need.
    </StatusMessage>
  );
}
