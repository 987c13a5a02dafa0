import { Code, SimpleGrid, Stack, Text } from '@mantine/core';
import type { AuditEvent } from '@/api/types';
import { Overline } from '@/components';

function Field({ label, value }: { label: string; value: string | null }) {
  return (
    <Stack gap={2} miw={0}>
      <Overline>{label}</Overline>
      <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {value ?? '—'}
      </Text>
    </Stack>
  );
}

/** Everything recorded about one event, shown when its row is expanded. */
export function AuditEventDetails({ event }: { event: AuditEvent }) {
  return (
    <Stack gap="md" py="sm" px="md" data-testid="audit-event-details">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        <Field label="Event" value={`#${event.id}`} />
        <Field label="Actor email" value={event.actor.email} />
        <Field
          label="Entity"
          value={event.entityType ? `${event.entityType} ${event.entityId ?? ''}` : null}
        />
        <Field label="Request id" value={event.requestId} />
        <Field label="User agent" value={event.userAgent} />
        <Field label="Hash" value={event.hash} />
      </SimpleGrid>
      <Stack gap={4}>
        <Overline>Details</Overline>
        <Code block>{JSON.stringify(event.details, null, 2)}</Code>
      </Stack>
    </Stack>
  );
}
