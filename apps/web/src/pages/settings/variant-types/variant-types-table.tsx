import { Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ImageVariantType } from '@/api/types';
import { TableSkeleton } from '@/components';
import { type VariantTypeAction, VariantTypeRow } from './variant-type-row';

interface VariantTypesTableProps {
  types: ImageVariantType[] | undefined;
  onAction: ((type: ImageVariantType, action: VariantTypeAction) => void) | null;
  empty: ReactNode;
}

export function VariantTypesTable({ types, onAction, empty }: VariantTypesTableProps) {
  const columns = ['Name', 'Slug', 'File prefix', 'Example file', 'Image-to-image workflow', 'Order'];
  if (onAction) columns.push('');
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table aria-label="Image variant types" data-testid="variant-types-table">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column || 'actions'}>
                {column || <VisuallyHidden>Actions</VisuallyHidden>}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        {types === undefined ? (
          <TableSkeleton columns={columns.length} rows={3} />
        ) : (
          <Table.Tbody>
            {types.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>{empty}</Table.Td>
              </Table.Tr>
            ) : (
              types.map((type) => <VariantTypeRow key={type.id} type={type} onAction={onAction} />)
            )}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
