import { Table, VisuallyHidden } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import type { AuditEvent } from '@/api/types';
import { TableSkeleton } from '@/components';
import { AuditRow } from './audit-row';

const columns = ['', 'Time', 'Actor', 'Action', 'Entity', 'Summary', 'IP'];

interface AuditTableProps {
  events: AuditEvent[] | undefined;
  empty: ReactNode;
}

export function AuditTable({ events, empty }: AuditTableProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table aria-label="Audit events" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column || 'expand'}>
                {column || <VisuallyHidden>Details</VisuallyHidden>}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        {events === undefined ? (
          <TableSkeleton columns={columns.length} />
        ) : (
          <Table.Tbody>
            {events.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>{empty}</Table.Td>
              </Table.Tr>
            ) : (
              events.map((event) => (
                <AuditRow
                  key={event.id}
                  event={event}
                  expanded={expanded.has(event.id)}
                  onToggle={() => toggle(event.id)}
                  columns={columns.length}
                />
              ))
            )}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
