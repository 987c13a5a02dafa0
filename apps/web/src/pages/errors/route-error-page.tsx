// React Router's error element: a friendly message and a reload, instead of a blank screen.
import { Button, Code, Group, Stack } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ErrorIcon, ReloadIcon } from '@/components';
import { StatusMessage } from './status-message';

function technicalDetail(error: unknown): string | null {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`;
  if (error instanceof Error) return error.message;
  return null;
}

export function RouteErrorPage() {
  const error = useRouteError();
  const detail = technicalDetail(error);
  return (
    <StatusMessage
      icon={ErrorIcon}
      color="red"
      title="Something went wrong"
      testId="route-error"
      actions={
        <Group gap="sm">
          <Button leftSection={<ReloadIcon size={16} />} onClick={() => window.location.reload()}>
            Reload the page
          </Button>
          <Button component={Link} to="/" variant="default" reloadDocument>
            Back to Home
          </Button>
        </Group>
      }
    >
      <Stack gap="sm" align="center">
        This page ran into a problem it could not recover from. Reloading usually helps; your work on the
        server is safe.
        {detail && (
          <Code block maw={440} ta="left">
            {detail}
          </Code>
        )}
      </Stack>
    </StatusMessage>
  );
}
