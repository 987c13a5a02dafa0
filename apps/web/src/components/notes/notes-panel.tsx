// Notes on one entity (PRD-038/095): a threaded list with filters, a composer with @mention autocomplete, category,
// failure tags and an "at frame N" pin to the frame on screen, and per-thread reply, pin, resolve, edit and delete.
// Reusable: give it the entity, and for a video the frame shown (`currentFrame`) and a way to seek (`onSeek`).
import type { FailureTag, Note, NoteCategory, NoteEntityType, NoteThread } from '@i2v/contracts';
import { roleCan } from '@i2v/domain';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  Skeleton,
  Stack,
  Switch,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { Fragment, type ReactNode, useState } from 'react';
import { useCurrentUser } from '@/auth/use-session';
import { ConfirmDialog } from '../confirm-dialog';
import { DateTimeText } from '../date-time-text';
import {
  ApproveIcon,
  EditIcon,
  NotesIcon,
  PinIcon,
  ReopenIcon,
  ReplyIcon,
  TrashIcon,
  UnpinIcon,
} from '../icons';
import { LoadError } from '../load-error';
import { notifyError } from '../notify';
import { type Mentioned, MentionTextarea, stillMentioned } from './mention-textarea';
import {
  categoryColors,
  categoryLabels,
  categoryOptions,
  failureTagColors,
  failureTagLabels,
  failureTagOptions,
} from './note-labels';
import { type NoteFilters, type NoteTarget, useNoteActions, useNoteThreads } from './notes-queries';

export interface NotesPanelProps {
  entityType: NoteEntityType;
  entityId: string;
  /** The frame on screen; the composer offers to attach the note to it. Leave out for entities without video. */
  currentFrame?: number | null;
  /** Moves the player to a note's frame (its "at frame N" chip). */
  onSeek?: (frame: number) => void;
  title?: string;
}

/** The body with `@Display Name` mentions in bold. */
function NoteBody({ note }: { note: Note }) {
  if (note.deleted) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        This note was deleted.
      </Text>
    );
  }
  const names = note.mentions.map((m) => `@${m.displayName}`).sort((a, b) => b.length - a.length);
  const parts: ReactNode[] = [];
  let rest = note.body;
  let key = 0;
  while (rest.length > 0) {
    const lower = rest.toLowerCase();
    let at = -1;
    let name = '';
    for (const n of names) {
      const i = lower.indexOf(n.toLowerCase());
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
        name = n;
      }
    }
    if (at < 0) {
      parts.push(rest);
      break;
    }
    parts.push(rest.slice(0, at));
    parts.push(
      <Text key={key++} span fw={600} c="blue">
        {rest.slice(at, at + name.length)}
      </Text>,
    );
    rest = rest.slice(at + name.length);
  }
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="note-body">
      {parts.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one body never reorder
        <Fragment key={i}>{p}</Fragment>
      ))}
    </Text>
  );
}

/** The "at frame N" chip: seeks the player when there is one. */
export function FrameChip({ note, onSeek }: { note: Note; onSeek?: ((frame: number) => void) | undefined }) {
  if (note.frame === null) return null;
  const label = `Frame ${note.frame}${note.timecode ? ` · ${note.timecode}` : ''}`;
  return onSeek ? (
    <Badge
      component="button"
      type="button"
      variant="light"
      color="blue"
      style={{ cursor: 'pointer' }}
      onClick={() => onSeek(note.frame!)}
      data-testid="note-frame-chip"
      data-frame={note.frame}
      title="Show this frame"
    >
      {label}
    </Badge>
  ) : (
    <Badge variant="light" color="blue" data-testid="note-frame-chip" data-frame={note.frame}>
      {label}
    </Badge>
  );
}

function Composer({
  placeholder,
  submitLabel,
  initial = '',
  initialMentions = [],
  busy,
  autoFocus,
  onSubmit,
  onCancel,
  extra,
}: {
  placeholder: string;
  submitLabel: string;
  initial?: string;
  initialMentions?: Mentioned[];
  busy: boolean;
  autoFocus?: boolean;
  onSubmit: (body: string, mentions: string[]) => Promise<unknown>;
  onCancel?: () => void;
  extra?: ReactNode;
}) {
  const [body, setBody] = useState(initial);
  const [mentioned, setMentioned] = useState<Mentioned[]>(initialMentions);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!body.trim()) {
      setError('Write something first.');
      return;
    }
    setError(null);
    try {
      await onSubmit(
        body,
        stillMentioned(body, mentioned).map((m) => m.id),
      );
      setBody('');
      setMentioned([]);
    } catch (err) {
      notifyError(err, 'The note was not saved');
    }
  };
  return (
    <Stack gap="xs">
      <MentionTextarea
        value={body}
        onChange={(v) => {
          setBody(v);
          if (error) setError(null);
        }}
        mentioned={mentioned}
        onMentionedChange={setMentioned}
        onSubmit={() => void submit()}
        placeholder={placeholder}
        aria-label={placeholder}
        error={error}
        autoFocus={autoFocus}
        data-testid="note-input"
      />
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs">{extra}</Group>
        <Group gap="xs">
          {onCancel && (
            <Button variant="default" size="xs" onClick={onCancel} disabled={busy}>
              Cancel
            </Button>
          )}
          <Button size="xs" loading={busy} onClick={() => void submit()} data-testid="note-submit">
            {submitLabel}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

function NoteItem({
  note,
  target,
  onSeek,
  canComment,
  isReply,
  onReply,
}: {
  note: Note;
  target: NoteTarget;
  onSeek?: ((frame: number) => void) | undefined;
  canComment: boolean;
  isReply: boolean;
  onReply?: () => void;
}) {
  const user = useCurrentUser();
  const actions = useNoteActions(target);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const mine = note.author.id === user.id;
  const flag = (action: 'pin' | 'unpin' | 'resolve' | 'reopen') =>
    actions.flag.mutate({ id: note.id, action }, { onError: (e) => notifyError(e) });
  return (
    <Stack
      gap={4}
      data-testid={isReply ? 'note-reply' : 'note'}
      data-note-id={note.id}
      data-pinned={note.pinned}
      data-resolved={note.resolved}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {note.author.displayName}
          </Text>
          <DateTimeText value={note.createdAt} relative size="xs" c="dimmed" />
          {note.editedAt && !note.deleted && (
            <Text size="xs" c="dimmed">
              (edited)
            </Text>
          )}
          {!isReply && (
            <Badge size="xs" variant="light" color={categoryColors[note.category]}>
              {categoryLabels[note.category]}
            </Badge>
          )}
          {!isReply && note.visibility === 'internal' && (
            <Badge size="xs" variant="outline" color="gray">
              Internal
            </Badge>
          )}
          {note.pinned && (
            <Badge size="xs" variant="filled" color="yellow" leftSection={<PinIcon size={10} />}>
              Pinned
            </Badge>
          )}
          {note.resolved && (
            <Badge size="xs" variant="light" color="green">
              Resolved
            </Badge>
          )}
          <FrameChip note={note} onSeek={onSeek} />
        </Group>
        {!note.deleted && canComment && (
          <Group gap={2} wrap="nowrap">
            {!isReply && onReply && (
              <Tooltip label="Reply">
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  aria-label="Reply"
                  onClick={onReply}
                  data-testid="note-reply-button"
                >
                  <ReplyIcon size={16} />
                </ActionIcon>
              </Tooltip>
            )}
            {!isReply && (
              <Tooltip label={note.pinned ? 'Unpin' : 'Pin as a banner'}>
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  aria-label={note.pinned ? 'Unpin' : 'Pin'}
                  onClick={() => flag(note.pinned ? 'unpin' : 'pin')}
                  data-testid="note-pin-button"
                >
                  {note.pinned ? <UnpinIcon size={16} /> : <PinIcon size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
            {!isReply && (
              <Tooltip label={note.resolved ? 'Reopen' : 'Resolve'}>
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  aria-label={note.resolved ? 'Reopen' : 'Resolve'}
                  onClick={() => flag(note.resolved ? 'reopen' : 'resolve')}
                  data-testid="note-resolve-button"
                >
                  {note.resolved ? <ReopenIcon size={16} /> : <ApproveIcon size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
            {mine && (
              <Tooltip label="Edit">
                <ActionIcon variant="subtle" size="sm" aria-label="Edit" onClick={() => setEditing(true)}>
                  <EditIcon size={16} />
                </ActionIcon>
              </Tooltip>
            )}
            {(mine || user.role === 'admin') && (
              <Tooltip label="Delete">
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  color="red"
                  aria-label="Delete"
                  onClick={() => setConfirmDelete(true)}
                >
                  <TrashIcon size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        )}
      </Group>
      {editing ? (
        <Composer
          placeholder="Edit the note"
          submitLabel="Save"
          initial={note.body}
          initialMentions={note.mentions}
          busy={actions.edit.isPending}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (body, mentions) => {
            await actions.edit.mutateAsync({ id: note.id, body, mentions });
            setEditing(false);
          }}
        />
      ) : (
        <NoteBody note={note} />
      )}
      {note.failureTags.length > 0 && !note.deleted && (
        <Group gap={4}>
          {note.failureTags.map((t) => (
            <Badge key={t} size="xs" variant="dot" color={failureTagColors[t]} data-testid="note-failure-tag">
              {failureTagLabels[t]}
            </Badge>
          ))}
        </Group>
      )}
      <ConfirmDialog
        opened={confirmDelete}
        title="Delete this note?"
        confirmLabel="Delete"
        danger
        loading={actions.remove.isPending}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() =>
          actions.remove.mutate(note.id, {
            onSuccess: () => setConfirmDelete(false),
            onError: (e) => notifyError(e),
          })
        }
      >
        {isReply
          ? 'The reply disappears from the thread.'
          : 'Replies stay in the thread; the note itself is removed.'}
      </ConfirmDialog>
    </Stack>
  );
}

function Thread({
  thread,
  target,
  onSeek,
  canComment,
}: {
  thread: NoteThread;
  target: NoteTarget;
  onSeek?: ((frame: number) => void) | undefined;
  canComment: boolean;
}) {
  const actions = useNoteActions(target);
  const [replying, setReplying] = useState(false);
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="note-thread"
      style={thread.pinned ? { borderColor: 'var(--mantine-color-yellow-5)' } : undefined}
    >
      <Stack gap="sm">
        <NoteItem
          note={thread}
          target={target}
          onSeek={onSeek}
          canComment={canComment}
          isReply={false}
          onReply={() => setReplying(true)}
        />
        {thread.replies.length > 0 && (
          <Stack gap="sm" pl="md" style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}>
            {thread.replies.map((r) => (
              <NoteItem key={r.id} note={r} target={target} onSeek={onSeek} canComment={canComment} isReply />
            ))}
          </Stack>
        )}
        {replying && (
          <div style={{ paddingLeft: 'var(--mantine-spacing-md)' }}>
            <Composer
              placeholder="Reply… (@ to mention)"
              submitLabel="Reply"
              busy={actions.reply.isPending}
              autoFocus
              onCancel={() => setReplying(false)}
              onSubmit={async (body, mentions) => {
                await actions.reply.mutateAsync({ id: thread.id, body, mentions });
                setReplying(false);
              }}
            />
          </div>
        )}
      </Stack>
    </Card>
  );
}

export function NotesPanel({ entityType, entityId, currentFrame, onSeek, title = 'Notes' }: NotesPanelProps) {
  const user = useCurrentUser();
  const canComment = roleCan(user.role, 'review.flag');
  const canInternal = roleCan(user.role, 'content.write');
  const target: NoteTarget = { entityType, entityId };
  const [filters, setFilters] = useState<NoteFilters>({ category: null, tag: null, openOnly: false });
  const threads = useNoteThreads(target, filters);
  const actions = useNoteActions(target);
  const [category, setCategory] = useState<NoteCategory>('general');
  const [tags, setTags] = useState<FailureTag[]>([]);
  const [atFrame, setAtFrame] = useState(true);
  const [internal, setInternal] = useState(false);
  const hasFrame = currentFrame !== undefined && currentFrame !== null;
  const items = threads.data?.pages.flatMap((p) => p.items) ?? [];
  const total = threads.data?.pages[0]?.total;

  return (
    <Card withBorder padding="md" data-testid="notes-panel" data-entity-type={entityType}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <NotesIcon size={18} aria-hidden />
            <Title order={2} size="h4">
              {title}
            </Title>
            {total !== undefined && (
              <Badge variant="light" color="gray" data-testid="notes-count">
                {total}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            <Select
              size="xs"
              w={130}
              placeholder="Any category"
              aria-label="Filter by category"
              clearable
              data={categoryOptions}
              value={filters.category}
              onChange={(v) => setFilters({ ...filters, category: v as NoteCategory | null })}
            />
            <Select
              size="xs"
              w={160}
              placeholder="Any failure tag"
              aria-label="Filter by failure tag"
              clearable
              data={failureTagOptions}
              value={filters.tag}
              onChange={(v) => setFilters({ ...filters, tag: v as FailureTag | null })}
            />
            <Switch
              size="xs"
              label="Open only"
              checked={filters.openOnly}
              onChange={(e) => setFilters({ ...filters, openOnly: e.currentTarget.checked })}
            />
          </Group>
        </Group>
        {canComment && (
          <Composer
            placeholder="Add a note… (@ to mention)"
            submitLabel="Add note"
            busy={actions.create.isPending}
            onSubmit={async (body, mentions) => {
              await actions.create.mutateAsync({
                body,
                mentions,
                category,
                failureTags: tags,
                ...(hasFrame && atFrame ? { frame: currentFrame } : {}),
                ...(internal ? { visibility: 'internal' as const } : {}),
              });
              setTags([]);
            }}
            extra={
              <>
                <Select
                  size="xs"
                  w={120}
                  aria-label="Category"
                  data={categoryOptions}
                  value={category}
                  allowDeselect={false}
                  onChange={(v) => v && setCategory(v as NoteCategory)}
                  data-testid="note-category"
                />
                <MultiSelect
                  size="xs"
                  w={220}
                  aria-label="Failure tags"
                  placeholder={tags.length ? undefined : 'Failure tags'}
                  data={failureTagOptions}
                  value={tags}
                  onChange={(v) => setTags(v as FailureTag[])}
                  data-testid="note-failure-tags"
                />
                {hasFrame && (
                  <Checkbox
                    size="xs"
                    label={`At frame ${currentFrame}`}
                    checked={atFrame}
                    onChange={(e) => setAtFrame(e.currentTarget.checked)}
                    data-testid="note-at-frame"
                  />
                )}
                {canInternal && (
                  <Checkbox
                    size="xs"
                    label="Internal"
                    title="Hidden from reviewers"
                    checked={internal}
                    onChange={(e) => setInternal(e.currentTarget.checked)}
                  />
                )}
              </>
            }
          />
        )}
        {threads.isError ? (
          <LoadError what="the notes" error={threads.error} onRetry={() => void threads.refetch()} />
        ) : !threads.data ? (
          <Skeleton height={80} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="notes-empty">
            {filters.category || filters.tag || filters.openOnly
              ? 'No notes match these filters.'
              : 'No notes yet.'}
          </Text>
        ) : (
          <Stack gap="sm" data-testid="note-threads">
            {items.map((t) => (
              <Thread key={t.id} thread={t} target={target} onSeek={onSeek} canComment={canComment} />
            ))}
            {threads.hasNextPage && (
              <Button
                variant="subtle"
                size="xs"
                onClick={() => void threads.fetchNextPage()}
                loading={threads.isFetchingNextPage}
              >
                Show older notes
              </Button>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
