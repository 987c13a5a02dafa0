import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { signOut } from '@/api/auth-api';

/** Signs out (the session store then forgets cached server data) and goes to the sign-in page. */
export function useSignOut(): () => Promise<void> {
  const navigate = useNavigate();
  return useCallback(async () => {
    await signOut();
    navigate('/login', { replace: true });
  }, [navigate]);
}
