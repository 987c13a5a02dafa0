// Admin: the studio's user accounts; create, change roles, deactivate, reset passwords.
import { roleLabels } from '@i2v/domain';
import { Button, Card } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { Role, User, UserStatusFilter } from '@/api/types';
import { useCurrentUser } from '@/auth/use-session';
import {
  ClearFiltersIcon,
  EmptyList,
  LoadError,
  LoadMore,
  NewUserIcon,
  notifySuccess,
  PageHeader,
  SearchIcon,
  TemporaryPasswordModal,
} from '@/components';
import { CreateUserModal } from './create-user-modal';
import { type PendingUserAction, UserActionDialog } from './user-action-dialog';
import { UserFiltersBar } from './user-filters-bar';
import { useUpdateUser, useUserPages } from './user-queries';
import { UsersTable } from './users-table';

interface ShownPassword {
  owner: string;
  password: string;
}

export function UsersPage() {
  const me = useCurrentUser();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [role, setRole] = useState<Role | null>(null);
  const [status, setStatus] = useState<UserStatusFilter>('all');
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<PendingUserAction | null>(null);
  const [shownPassword, setShownPassword] = useState<ShownPassword | null>(null);

  const pages = useUserPages({ q, role, status });
  const changeRole = useUpdateUser();
  const users = pages.data?.pages.flatMap((page) => page.items);
  const filtered = search.trim() !== '' || role !== null || status !== 'all';
  const clearFilters = () => {
    setSearch('');
    setRole(null);
    setStatus('all');
  };

  const showPassword = (user: User, password: string) =>
    setShownPassword({ owner: `${user.displayName} (${user.email})`, password });

  const onRoleChange = (user: User, next: Role) =>
    changeRole.mutate(
      { user, changes: { role: next } },
      { onSuccess: () => notifySuccess(`${user.displayName} is now ${roleLabels[next]}.`) },
    );

  const empty = filtered ? (
    <EmptyList
      title="No users match these filters"
      icon={<SearchIcon size={28} />}
      description="Try another search or role, or clear the filters to see everyone."
      action={
        <Button variant="default" leftSection={<ClearFiltersIcon size={16} />} onClick={clearFilters}>
          Clear filters
        </Button>
      }
    />
  ) : (
    <EmptyList
      title="No users yet"
      description="Create an account for each person in the studio and give them a role."
      action={
        <Button leftSection={<NewUserIcon size={16} />} onClick={() => setCreating(true)}>
          New user
        </Button>
      }
    />
  );

  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone who can sign in to the studio. Roles decide what they may do; deactivated users keep their history."
        actions={
          <Button leftSection={<NewUserIcon size={16} />} onClick={() => setCreating(true)}>
            New user
          </Button>
        }
      />
      <UserFiltersBar
        search={search}
        onSearchChange={setSearch}
        role={role}
        onRoleChange={setRole}
        status={status}
        onStatusChange={setStatus}
        onClear={clearFilters}
        filtered={filtered}
      />
      {pages.isError && <LoadError what="users" error={pages.error} onRetry={() => void pages.refetch()} />}
      {!(pages.isError && !users) && (
        <Card p={0} mt={pages.isError ? 'md' : 0}>
          <UsersTable
            users={users}
            currentUserId={me.id}
            changingRoleOf={changeRole.isPending ? (changeRole.variables?.user.id ?? null) : null}
            onRoleChange={onRoleChange}
            onAction={(user, action) => setPending({ user, action })}
            empty={empty}
          />
          {users && users.length > 0 && (
            <LoadMore
              shown={users.length}
              hasMore={pages.hasNextPage}
              loading={pages.isFetchingNextPage}
              onLoadMore={() => void pages.fetchNextPage()}
              noun="user"
            />
          )}
        </Card>
      )}
      <CreateUserModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(user, temporaryPassword) => {
          if (temporaryPassword) showPassword(user, temporaryPassword);
          else notifySuccess(`${user.displayName} can now sign in with the password you set.`);
        }}
      />
      <UserActionDialog
        pending={pending}
        onDone={() => setPending(null)}
        onTemporaryPassword={showPassword}
      />
      <TemporaryPasswordModal
        password={shownPassword?.password ?? null}
        owner={shownPassword?.owner ?? ''}
        onClose={() => setShownPassword(null)}
      />
    </>
  );
}
