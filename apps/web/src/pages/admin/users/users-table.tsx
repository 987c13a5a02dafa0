import { Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Role, User } from '@/api/types';
import { TableSkeleton } from '@/components';
import { type UserAction, UserRow } from './user-row';

interface UsersTableProps {
  users: User[] | undefined;
  currentUserId: string;
  changingRoleOf: string | null;
  onRoleChange: (user: User, role: Role) => void;
  onAction: (user: User, action: UserAction) => void;
  /** Shown in place of rows when the list is empty. */
  empty: ReactNode;
}

const columns = ['User', 'Role', 'Status', 'Last sign-in', 'Created', ''];

export function UsersTable({
  users,
  currentUserId,
  changingRoleOf,
  onRoleChange,
  onAction,
  empty,
}: UsersTableProps) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table aria-label="Users" data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column || 'actions'}>
                {column || <VisuallyHidden>Actions</VisuallyHidden>}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        {users === undefined ? (
          <TableSkeleton columns={columns.length} />
        ) : (
          <Table.Tbody>
            {users.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>{empty}</Table.Td>
              </Table.Tr>
            ) : (
              users.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  isSelf={user.id === currentUserId}
                  roleChanging={changingRoleOf === user.id}
                  onRoleChange={onRoleChange}
                  onAction={onAction}
                />
              ))
            )}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
