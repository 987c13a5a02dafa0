// Why a job failed: the error's kind in words, its message, the node it failed in, and the traceback on demand.
import { Alert, Button, Code, Collapse, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Job } from '@/api/types';
import { ErrorIcon, WarningIcon } from '@/components';

const titles: Record<string, string> = {
  content: 'The workflow failed',
  infrastructure: 'The worker or the connection to it failed',
  cancelled: 'Cancelled',
  dependency: 'A job it depends on did not complete',
};

export function JobErrorPanel({ job }: { job: Job }) {
  const [tracebackShown, traceback] = useDisclosure(false);
  const error = job.error;
  if (!error) return null;
  const warning = job.state === 'retrying' || error.code === 'cancelled';
  return (
    <Alert
      color={warning ? 'orange' : 'red'}
      variant="light"
      icon={warning ? <WarningIcon size={20} /> : <ErrorIcon size={20} />}
      title={titles[error.code] ?? 'The job failed'}
      mb="lg"
      data-testid="job-error"
    >
      <Stack gap="xs">
        <Text size="sm">{error.message}</Text>
        {error.nodeId && (
          <Text size="sm">
            In node <Code>{error.nodeId}</Code>
            {error.nodeType && (
              <>
                {' '}
                (<Code>{error.nodeType}</Code>)
              </>
            )}
          </Text>
        )}
        {job.state === 'retrying' && <Text size="sm">It runs again after a short pause.</Text>}
        {error.traceback && error.traceback.length > 0 && (
          <>
            <Button variant="subtle" size="compact-sm" onClick={traceback.toggle} w="fit-content" px={0}>
              {tracebackShown ? 'Hide traceback' : 'Show traceback'}
            </Button>
            <Collapse expanded={tracebackShown}>
              <Code block style={{ whiteSpace: 'pre-wrap', maxHeight: 320, overflow: 'auto' }}>
                {error.traceback.join('')}
              </Code>
            </Collapse>
          </>
        )}
      </Stack>
    </Alert>
  );
}
