import { Alert, Anchor, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useCurrentUser } from '@/auth/use-session';
import { WarningIcon } from '../icons';

/** Across every page while the user still has a password an admin set for them. */
export function PasswordChangeBanner() {
  const user = useCurrentUser();
  const { pathname } = useLocation();
  if (!user.mustChangePassword) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<WarningIcon size={20} />}
      title="Choose your own password"
      mb="lg"
      data-testid="must-change-password-banner"
    >
      <Text size="sm">
        Your password was set by an administrator.{' '}
        {pathname === '/profile' ? (
          'Change it below to keep your account secure.'
        ) : (
          <>
            <Anchor component={Link} to="/profile" size="sm" fw={600}>
              Change your password
            </Anchor>{' '}
            to keep your account secure.
          </>
        )}
      </Text>
    </Alert>
  );
}
