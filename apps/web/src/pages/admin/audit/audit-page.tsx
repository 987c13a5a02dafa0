// Admin: the tamper-evident audit trail, newest first, with filters and a chain check.
import { Button, Card } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { ClearFiltersIcon, EmptyList, LoadError, LoadMore, PageHeader, SearchIcon } from '@/components';
import { AuditFiltersBar } from './audit-filters-bar';
import { type AuditFilters, useAuditPages, useVerifyChain } from './audit-queries';
import { AuditTable } from './audit-table';
import { VerificationResult, VerifyChainButton } from './verify-chain';

const noFilters: AuditFilters = { action: '', actorId: null, q: '', from: '', to: '' };

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>(noFilters);
  const [applied] = useDebouncedValue(filters, 300);
  const pages = useAuditPages(applied);
  const verify = useVerifyChain();
  const events = pages.data?.pages.flatMap((page) => page.items);
  const filtered = JSON.stringify(filters) !== JSON.stringify(noFilters);

  const empty = filtered ? (
    <EmptyList
      title="No events match these filters"
      icon={<SearchIcon size={28} />}
      description="Widen the date range, try an action prefix such as user., or clear the filters."
      action={
        <Button
          variant="default"
          leftSection={<ClearFiltersIcon size={16} />}
          onClick={() => setFilters(noFilters)}
        >
          Clear filters
        </Button>
      }
    />
  ) : (
    <EmptyList
      title="No events recorded yet"
      description="Sign-ins, user changes and other important actions appear here as they happen."
    />
  );

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what, and when. Each event is chained to the one before it, so any later change is detectable."
        actions={<VerifyChainButton loading={verify.isPending} onVerify={() => verify.mutate()} />}
      />
      {verify.data && <VerificationResult result={verify.data} onClose={() => verify.reset()} />}
      <AuditFiltersBar
        filters={filters}
        onChange={setFilters}
        onClear={() => setFilters(noFilters)}
        filtered={filtered}
      />
      {pages.isError && (
        <LoadError what="audit events" error={pages.error} onRetry={() => void pages.refetch()} />
      )}
      {!(pages.isError && !events) && (
        <Card p={0} mt={pages.isError ? 'md' : 0}>
          <AuditTable events={events} empty={empty} />
          {events && events.length > 0 && (
            <LoadMore
              shown={events.length}
              hasMore={pages.hasNextPage}
              loading={pages.isFetchingNextPage}
              onLoadMore={() => void pages.fetchNextPage()}
              noun="event"
            />
          )}
        </Card>
      )}
    </>
  );
}
