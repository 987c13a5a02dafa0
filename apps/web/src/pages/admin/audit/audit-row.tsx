import { ActionIcon, Badge, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { AuditEvent } from '@/api/types';
import { CollapsedIcon, ExpandIcon } from '@/components';
import { formatDateTime, formatRelative } from '@/format/date-time';
import { actionTone } from './action-tone';
import { AuditEventDetails } from './audit-event-details';
import classes from './audit-row.module.css';

interface AuditRowProps {
  event: AuditEvent;
  expanded: boolean;
  onToggle: () => void;
  columns: number;
}

export function AuditRow({ event, expanded, onToggle, columns }: AuditRowProps) {
  return (
    <>
      <Table.Tr
        className={classes.row}
        onClick={onToggle}
        data-testid="audit-row"
        data-event-id={event.id}
        data-expanded={expanded || undefined}
      >
        <Table.Td w={40}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={`${expanded ? 'Hide' : 'Show'} details of event ${event.id}`}
            aria-expanded={expanded}
            onClick={(e) => {
              e.stopPropagation();
              onToggle();
            }}
          >
            {expanded ? <ExpandIcon size={16} /> : <CollapsedIcon size={16} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Tooltip label={formatRelative(event.occurredAt)}>
            <Text size="sm" component="time" dateTime={event.occurredAt} style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(event.occurredAt, true)}
            </Text>
          </Tooltip>
        </Table.Td>
        <Table.Td>
          <Stack gap={0}>
            <Text size="sm">{event.actor.label}</Text>
            {event.actor.email && event.actor.email !== event.actor.label && (
              <Text size="xs" c="dimmed">
                {event.actor.email}
              </Text>
            )}
          </Stack>
        </Table.Td>
        <Table.Td>
          <Badge
            color={actionTone(event.action)}
            tt="none"
            ff="monospace"
            fw={500}
            className={classes.action}
          >
            {event.action}
          </Badge>
        </Table.Td>
        <Table.Td>
          {event.entityType ? (
            <Tooltip label={`${event.entityType} ${event.entityId ?? ''}`}>
              <Text size="xs" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {event.entityType}
                {event.entityId ? ` …${event.entityId.slice(-8)}` : ''}
              </Text>
            </Tooltip>
          ) : (
            <Text size="sm" c="dimmed">
              —
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Text size="sm">{event.summary}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="xs" ff="monospace" c="dimmed">
            {event.ip ?? '—'}
          </Text>
        </Table.Td>
      </Table.Tr>
      {expanded && (
        <Table.Tr className={classes.details}>
          <Table.Td colSpan={columns} p={0}>
            <AuditEventDetails event={event} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
