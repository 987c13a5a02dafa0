import { Alert, Button, Group, Text } from '@mantine/core';
import { describeError } from '@/api/api-error';
import { ErrorIcon, ReloadIcon } from './icons';

interface LoadErrorProps {
  what: string;
  error: unknown;
  onRetry?: () => void;
}

/** Shown in place of a list or card whose data could not be loaded. */
export function LoadError({ what, error, onRetry }: LoadErrorProps) {
  return (
    <Alert
      color="red"
      variant="light"
      icon={<ErrorIcon size={20} />}
      title={`Could not load ${what}`}
      role="alert"
    >
      <Group justify="space-between" align="center" gap="md">
        <Text size="sm">{describeError(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="default" leftSection={<ReloadIcon size={14} />} onClick={onRetry}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}
