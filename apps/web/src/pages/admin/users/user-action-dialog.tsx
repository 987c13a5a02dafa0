// Confirms deactivate / reactivate / reset password, then performs it.
import type { User } from '@/api/types';
import { ConfirmDialog, notifySuccess } from '@/components';
import { useResetPassword, useUpdateUser } from './user-queries';
import type { UserAction } from './user-row';

export interface PendingUserAction {
  user: User;
  action: UserAction;
}

interface UserActionDialogProps {
  pending: PendingUserAction | null;
  onDone: () => void;
  onTemporaryPassword: (user: User, password: string) => void;
}

const wording: Record<UserAction, { title: string; confirm: string; danger: boolean }> = {
  deactivate: { title: 'Deactivate user', confirm: 'Deactivate', danger: true },
  reactivate: { title: 'Reactivate user', confirm: 'Reactivate', danger: false },
  'reset-password': { title: 'Reset password', confirm: 'Reset password', danger: true },
};

function Explanation({ pending }: { pending: PendingUserAction }) {
  const who = (
    <b>
      {pending.user.displayName} ({pending.user.email})
    </b>
  );
  switch (pending.action) {
    case 'deactivate':
      return (
        <>
          {who} will be signed out and can no longer sign in. Their history and audit trail stay. You can
          reactivate the account later.
        </>
      );
    case 'reactivate':
      return <>{who} will be able to sign in again with their current password.</>;
    case 'reset-password':
      return (
        <>
          {who} gets a new temporary password, shown to you once, and must choose their own at the next
          sign-in. Their current password stops working immediately.
        </>
      );
  }
}

export function UserActionDialog({ pending, onDone, onTemporaryPassword }: UserActionDialogProps) {
  const update = useUpdateUser();
  const reset = useResetPassword();
  const busy = update.isPending || reset.isPending;

  const confirm = () => {
    if (!pending) return;
    const { user, action } = pending;
    if (action === 'reset-password') {
      reset.mutate(user, {
        onSuccess: ({ temporaryPassword }) => {
          onDone();
          onTemporaryPassword(user, temporaryPassword);
        },
      });
      return;
    }
    const isActive = action === 'reactivate';
    update.mutate(
      { user, changes: { isActive } },
      {
        onSuccess: () => {
          onDone();
          notifySuccess(`${user.displayName} was ${isActive ? 'reactivated' : 'deactivated'}.`);
        },
      },
    );
  };

  const text = pending ? wording[pending.action] : wording.deactivate;
  return (
    <ConfirmDialog
      opened={pending !== null}
      title={text.title}
      confirmLabel={text.confirm}
      danger={text.danger}
      loading={busy}
      onConfirm={confirm}
      onCancel={() => !busy && onDone()}
    >
      {pending && <Explanation pending={pending} />}
    </ConfirmDialog>
  );
}
