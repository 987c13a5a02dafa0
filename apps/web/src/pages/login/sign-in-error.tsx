import { Alert } from '@mantine/core';
import { describeError, isApiError } from '@/api/api-error';
import { ErrorIcon, LockedIcon } from '@/components';

const titles: Record<string, string> = {
  'auth.invalid_credentials': 'Sign-in failed',
  'auth.account_locked': 'Account locked',
  'auth.account_inactive': 'Account deactivated',
  'request.rate_limited': 'Too many attempts',
};

/** Why signing in failed, in the server's words. */
export function SignInError({ error }: { error: unknown }) {
  const code = isApiError(error) ? error.code : '';
  const title = titles[code] ?? 'Could not sign in';
  const Icon = code === 'auth.account_locked' ? LockedIcon : ErrorIcon;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<Icon size={18} />}
      title={title}
      role="alert"
      data-testid="login-error"
    >
      {describeError(error)}
    </Alert>
  );
}
