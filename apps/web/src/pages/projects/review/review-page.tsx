// A project's review page (PRD-035 one-key approval, PRD-092 batch review): the queue of segments waiting for a
// person, filtered by state, scene type, character and QA verdict; the current one large with its QA; decisions by
// key (Enter approve, Backspace/Delete reject with a reason, F flag, U undo, ↑ ↓ move) with a flash and an
// auto-advance to the next unreviewed segment; batch approval for those who may finalize. Filters live in the address.
import { roleCan } from '@i2v/domain';
import { Anchor, Breadcrumbs, Button, Grid, Kbd, Skeleton, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCurrentUser } from '@/auth/use-session';
import {
  ApproveIcon,
  ConfirmDialog,
  LoadError,
  LoadMore,
  notifyError,
  notifySuccess,
  notifyWarning,
  PageHeader,
} from '@/components';
import { useProject } from '../project-queries';
import { type Rejection, RejectPicker } from './reject-picker';
import { type Decision, ReviewCurrent, reviewerWhy } from './review-current';
import { EndOfQueue, isNarrowed, qaFilters, ReviewFilters, stateFilters } from './review-filters';
import { isWaiting, nextItemId, readAdvanceDelay, storeAdvanceDelay } from './review-flow';
import {
  type QaFilter,
  type ReviewBody,
  type ReviewCounts,
  type ReviewFilter,
  type ReviewItem,
  type ReviewStateFilter,
  useBatchApprove,
  useReviewDecision,
  useReviewQueue,
  useUndoReview,
} from './review-queries';
import { ReviewQueueList } from './review-queue-list';

function filterOf(params: URLSearchParams): ReviewFilter {
  const state = params.get('state') as ReviewStateFilter | null;
  const qa = params.get('qa') as QaFilter | null;
  return {
    state: state && stateFilters.includes(state) ? state : 'unreviewed',
    sceneTypeId: params.get('sceneTypeId'),
    characterId: params.get('characterId'),
    qa: qa && qaFilters.includes(qa) ? qa : null,
  };
}

/** Text fields keep their keys; everything else on the page answers the review keys. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && target.type !== 'radio' && target.type !== 'checkbox';
}

export function ReviewPage() {
  const { projectId = '' } = useParams();
  return <ReviewView key={projectId} projectId={projectId} />;
}

function ReviewView({ projectId }: { projectId: string }) {
  const user = useCurrentUser();
  const canFinalize = roleCan(user.role, 'review.finalize');
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const filterKey = `${filter.state}|${filter.sceneTypeId}|${filter.characterId}|${filter.qa}`;
  const project = useProject(projectId);
  const queue = useReviewQueue(projectId, filter);
  const decide = useReviewDecision(projectId);
  const undo = useUndoReview(projectId);
  const batch = useBatchApprove(projectId);

  const items = useMemo(() => queue.data?.pages.flatMap((p) => p.items) ?? [], [queue.data]);
  const counts: ReviewCounts | undefined = queue.data?.pages[0]?.counts;
  const [currentId, setCurrentId] = useState<string | null>(null);
  /** Decided here and not undone: skipped by the advance even before the queue reads again. */
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  /** The answer to the last decision: the item as it is now, shown until the page moves on. */
  const [answered, setAnswered] = useState<ReviewItem | null>(null);
  const [flash, setFlash] = useState<{ kind: Decision; key: number } | null>(null);
  const [advancing, setAdvancing] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [confirmingBatch, setConfirmingBatch] = useState(false);
  const [delayMs, setDelayMs] = useState(readAdvanceDelay);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // items seen on this page, so the item shown stays while the queue reads again around it
  const seen = useRef(new Map<string, ReviewItem>());
  for (const i of items) seen.current.set(i.segment.id, i);

  // a new filter starts a new pass over the queue
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for the filter
  useEffect(() => {
    clearTimeout(timer.current);
    setAdvancing(false);
    setCurrentId(null);
    setDecided(new Set());
  }, [filterKey]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const waiting = (i: ReviewItem) => isWaiting(i, filter.state, decided);
  const current: ReviewItem | null =
    (currentId !== null &&
      ((answered?.segment.id === currentId ? answered : undefined) ??
        items.find((i) => i.segment.id === currentId) ??
        seen.current.get(currentId))) ||
    items.find(waiting) ||
    null;
  const busy = decide.isPending || undo.isPending || advancing;

  // the advance reads the queue as it is when the delay ends
  const latest = useRef({ items, state: filter.state, decided });
  latest.current = { items, state: filter.state, decided };
  const advanceFrom = (id: string) => {
    clearTimeout(timer.current);
    setAdvancing(true);
    timer.current = setTimeout(() => {
      setAdvancing(false);
      const now = latest.current;
      setCurrentId(nextItemId(now.items, id, now.state, now.decided));
      setAnswered(null);
    }, delayMs);
  };

  const send = (item: ReviewItem, body: ReviewBody, onDone?: () => void) =>
    decide.mutate(
      { segmentId: item.segment.id, body },
      {
        onSuccess: (res) => {
          onDone?.();
          setFlash({ kind: body.decision, key: Date.now() });
          setAnswered(res.item);
          setCurrentId(item.segment.id);
          setDecided((prev) => new Set(prev).add(item.segment.id));
          if (res.sceneApproved) {
            notifySuccess(
              `Every segment of ${item.character.name} · ${item.sceneType.name} is approved: the scene is approved and its assembly requested.`,
              'Scene approved',
            );
          }
          if (res.decision.regenerationRunId) {
            notifySuccess(
              `Segment ${item.segment.index} of ${item.character.name} · ${item.sceneType.name} is being regenerated; its new version joins the queue when QA has checked it.`,
              'Requeued',
            );
          }
          advanceFrom(item.segment.id);
        },
        onError: (error) => notifyError(error, `Could not ${body.decision} this segment`),
      },
    );

  const act = (kind: Decision) => {
    if (!current || busy) return;
    if (kind === 'approve' && !canFinalize) {
      notifyWarning(reviewerWhy, 'Approval needs a creator or an admin');
      return;
    }
    if (kind === 'approve' && current.state === 'approved') return;
    send(current, { decision: kind });
  };

  const openReject = () => {
    if (!current || busy) return;
    if (!canFinalize) {
      notifyWarning(reviewerWhy, 'Rejection needs a creator or an admin');
      return;
    }
    setRejecting(true);
  };

  const confirmReject = (r: Rejection) => {
    if (!current) return;
    send(
      current,
      {
        decision: 'reject',
        reasonCode: r.reasonCode,
        ...(r.note ? { note: r.note } : {}),
        ...(r.regenerate ? { regenerate: true } : {}),
      },
      () => setRejecting(false),
    );
  };

  const runUndo = () => {
    if (undo.isPending || decide.isPending) return;
    undo.mutate(undefined, {
      onSuccess: (res) => {
        const ids = res.undone.map((d) => d.segmentId);
        clearTimeout(timer.current);
        setAdvancing(false);
        setAnswered(null);
        setDecided((prev) => new Set([...prev].filter((id) => !ids.includes(id))));
        setCurrentId(ids[0] ?? null);
        notifySuccess(
          ids.length === 1
            ? 'The segment is back as it was.'
            : `${ids.length} segments are back as they were.`,
          'Undone',
        );
      },
      onError: (error) => notifyError(error, 'Could not undo'),
    });
  };

  const move = (delta: number) => {
    if (!current || !items.length) return;
    const at = items.findIndex((i) => i.segment.id === current.segment.id);
    const next = items[Math.min(items.length - 1, Math.max(0, at + delta))];
    if (next) {
      clearTimeout(timer.current);
      setAdvancing(false);
      setAnswered(null);
      setCurrentId(next.segment.id);
    }
  };

  const onKey = useRef<(e: KeyboardEvent) => void>(() => undefined);
  onKey.current = (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (rejecting || confirmingBatch || typingIn(e.target)) return;
    switch (e.key) {
      case 'Enter':
        e.preventDefault();
        act('approve');
        return;
      case 'Backspace':
      case 'Delete':
        e.preventDefault();
        openReject();
        return;
      case 'f':
      case 'F':
        e.preventDefault();
        if (current) act(current.state === 'flagged' ? 'unflag' : 'flag');
        return;
      case 'u':
      case 'U':
        e.preventDefault();
        runUndo();
        return;
      case 'ArrowDown':
      case 'ArrowUp':
        if (e.target instanceof HTMLVideoElement) return;
        e.preventDefault();
        move(e.key === 'ArrowDown' ? 1 : -1);
        return;
    }
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const setFilters = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || (k === 'state' && v === 'unreviewed')) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  const narrowed = isNarrowed(filter);
  const batchCount = counts?.unreviewed ?? 0;

  const confirmBatch = () =>
    batch.mutate(
      { filter, expectedCount: batchCount },
      {
        onSuccess: (res) => {
          setConfirmingBatch(false);
          setCurrentId(null);
          notifySuccess(
            `Approved ${res.approved} segment${res.approved === 1 ? '' : 's'}${
              res.scenesApproved
                ? `; ${res.scenesApproved} scene${res.scenesApproved === 1 ? ' is' : 's are'} approved and go${res.scenesApproved === 1 ? 'es' : ''} to assembly`
                : ''
            }. Undo (U) takes the whole batch back.`,
            'Batch approved',
          );
        },
        onError: (error) => {
          setConfirmingBatch(false);
          notifyError(error, 'Could not approve the batch');
        },
      },
    );

  const subject = current
    ? `${current.character.name} · ${current.sceneType.name} · segment ${current.segment.index}`
    : '';

  return (
    <Stack gap="md" data-testid="review-page">
      <Breadcrumbs separator="/" separatorMargin={6} aria-label="Breadcrumb">
        <Anchor component={Link} to="/projects" size="sm" c="dimmed">
          Projects
        </Anchor>
        <Anchor component={Link} to={`/projects/${projectId}`} size="sm" c="dimmed">
          {project.data?.data.name ?? 'Project'}
        </Anchor>
        <Text size="sm" aria-current="page">
          Review
        </Text>
      </Breadcrumbs>
      <PageHeader
        title="Review"
        description="Watch each generated segment and decide with one key. Approved segments go to assembly once every segment of their scene is approved; rejected ones can be regenerated; flagged ones wait for a discussion."
        actions={
          canFinalize && (
            <Button
              variant="light"
              color="green"
              leftSection={<ApproveIcon size={16} />}
              disabled={filter.state !== 'unreviewed' || batchCount === 0 || batch.isPending}
              onClick={() => setConfirmingBatch(true)}
              title={
                filter.state !== 'unreviewed'
                  ? 'Batch approval works on the unreviewed segments: show them first'
                  : undefined
              }
              data-testid="batch-approve"
            >
              Approve all {filter.state === 'unreviewed' ? batchCount : ''}
            </Button>
          )
        }
      />
      <ReviewFilters
        projectId={projectId}
        filter={filter}
        counts={counts}
        onChange={setFilters}
        delayMs={delayMs}
        onDelayChange={(ms) => {
          setDelayMs(ms);
          storeAdvanceDelay(ms);
        }}
      />
      {queue.isError ? (
        <LoadError what="the review queue" error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.isPending ? (
        <Grid>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Skeleton height={420} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Skeleton height={420} />
          </Grid.Col>
        </Grid>
      ) : !current ? (
        <EndOfQueue
          projectId={projectId}
          view={filter.state}
          narrowed={narrowed}
          counts={counts}
          onShow={(state) => setFilters({ state })}
        />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <ReviewCurrent
              item={current}
              projectId={projectId}
              canFinalize={canFinalize}
              flash={flash}
              busy={busy}
              onDecide={act}
              onReject={openReject}
              onUndo={runUndo}
              undoing={undo.isPending}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="xs">
              <Text size="xs" c="dimmed" data-testid="review-keys">
                <Kbd size="xs">Enter</Kbd> approve · <Kbd size="xs">⌫</Kbd> reject · <Kbd size="xs">F</Kbd>{' '}
                flag · <Kbd size="xs">U</Kbd> undo · <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> move
              </Text>
              <ReviewQueueList
                items={items}
                currentId={current.segment.id}
                onSelect={(id) => {
                  clearTimeout(timer.current);
                  setAdvancing(false);
                  setAnswered(null);
                  setCurrentId(id);
                }}
                footer={
                  <LoadMore
                    shown={items.length}
                    hasMore={queue.hasNextPage}
                    loading={queue.isFetchingNextPage}
                    onLoadMore={() => void queue.fetchNextPage()}
                    noun="segment"
                  />
                }
              />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
      <RejectPicker
        opened={rejecting}
        subject={subject}
        loading={decide.isPending}
        onConfirm={confirmReject}
        onCancel={() => setRejecting(false)}
      />
      <ConfirmDialog
        opened={confirmingBatch}
        title={`Approve ${batchCount} segment${batchCount === 1 ? '' : 's'}?`}
        confirmLabel={`Approve ${batchCount}`}
        loading={batch.isPending}
        onConfirm={confirmBatch}
        onCancel={() => setConfirmingBatch(false)}
      >
        Every unreviewed segment {narrowed ? 'matching these filters ' : 'of this project '}is approved at
        once, as one batch; scenes whose every segment is then approved go to assembly. Undo (U) takes the
        whole batch back.
      </ConfirmDialog>
    </Stack>
  );
}
