// Sign-in: email and password; afterwards back to the page the user was going to.
import { Alert, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError } from '@/api/api-error';
import { signIn } from '@/api/auth-api';
import { applyProblemToForm } from '@/api/form-errors';
import { redirectTargetOf } from '@/auth/redirect-target';
import { useSession } from '@/auth/use-session';
import { BrandMark, ColorSchemeToggle, FullPageLoader, InfoIcon } from '@/components';
import { color } from '@/theme/tokens';
import { SignInError } from './sign-in-error';

interface Credentials {
  email: string;
  password: string;
}

export function LoginPage() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const target = redirectTargetOf(location.state);
  const form = useForm<Credentials>({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : 'Enter your email address'),
      password: (value) => (value ? null : 'Enter your password'),
    },
  });
  const login = useMutation({
    mutationFn: (values: Credentials) => signIn(values.email.trim(), values.password),
    meta: { handlesErrors: true },
    onSuccess: () => navigate(target, { replace: true }),
    onError: (error) => {
      applyProblemToForm(form, error, ['email', 'password']);
      if (isApiError(error) && error.code === 'auth.invalid_credentials') form.setFieldValue('password', '');
    },
  });

  if (session.status === 'restoring') return <FullPageLoader label="Restoring your session…" />;
  if (session.status === 'signed-in' && !login.isPending) return <Navigate to={target} replace />;

  return (
    <Box mih="100vh" bg={color('surface-primary')} pos="relative">
      <Box pos="absolute" top={16} right={16}>
        <ColorSchemeToggle />
      </Box>
      <Center mih="100vh" px="md">
        <Stack w="100%" maw={400} gap="lg">
          <Stack align="center" gap={6}>
            <BrandMark size="lg" />
            <Text c="dimmed" size="sm">
              Sign in to the production studio
            </Text>
          </Stack>
          <Paper withBorder shadow="md" p="xl" bg={color('surface-raised')}>
            <form onSubmit={form.onSubmit((values) => login.mutate(values))} noValidate aria-label="Sign in">
              <Stack gap="md">
                {session.endReason === 'expired' && !login.error && (
                  <Alert
                    color="brand"
                    variant="light"
                    icon={<InfoIcon size={18} />}
                    data-testid="session-ended"
                  >
                    Your session has ended. Sign in again to continue.
                  </Alert>
                )}
                {login.error && <SignInError error={login.error} />}
                <TextInput
                  label="Email"
                  type="email"
                  autoComplete="username"
                  placeholder="you@studio.example"
                  data-autofocus
                  autoFocus
                  {...form.getInputProps('email')}
                />
                <PasswordInput
                  label="Password"
                  autoComplete="current-password"
                  {...form.getInputProps('password')}
                />
                <Button type="submit" fullWidth loading={login.isPending} mt="xs">
                  Sign in
                </Button>
              </Stack>
            </form>
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            No account yet? Ask a studio administrator to create one for you.
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
