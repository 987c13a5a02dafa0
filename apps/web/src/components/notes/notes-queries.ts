// Server calls for notes (threads on an entity), the people who can be @mentioned, and poster frames.
import type { FailureTag, NoteCategory, NoteEntityType, NoteThread, NoteVisibility } from '@i2v/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap, unwrapNoContent } from '@/api/unwrap';

export interface NoteTarget {
  entityType: NoteEntityType;
  entityId: string;
}

export interface NoteFilters {
  category: NoteCategory | null;
  tag: FailureTag | null;
  /** Hide resolved threads. */
  openOnly: boolean;
}

const notesKey = ['notes'] as const;
/** Every query of one entity's notes; live `note.changed` events invalidate this. */
export const entityNotesKey = (t: NoteTarget) => [...notesKey, t.entityType, t.entityId] as const;
const pageSize = 20;

export function useNoteThreads(target: NoteTarget, filters: NoteFilters) {
  return useInfiniteQuery({
    queryKey: [...entityNotesKey(target), 'threads', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/notes', {
          params: {
            query: {
              entityType: target.entityType,
              entityId: target.entityId,
              category: filters.category ?? undefined,
              tag: filters.tag ?? undefined,
              resolved: filters.openOnly ? 'false' : undefined,
              order: 'newest',
              limit: pageSize,
              cursor: pageParam,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    meta: { handlesErrors: true },
  });
}

/** The pinned threads of an entity: its banners. */
export function usePinnedNotes(target: NoteTarget) {
  return useQuery({
    queryKey: [...entityNotesKey(target), 'pinned'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/notes', {
          params: {
            query: { entityType: target.entityType, entityId: target.entityId, pinned: 'true', limit: 20 },
          },
        }),
      ),
    meta: { handlesErrors: true },
  });
}

export function useMentionCandidates(q: string | null) {
  return useQuery({
    queryKey: [...notesKey, 'people', q],
    queryFn: () => unwrap(api.GET('/api/v1/notes/people', { params: { query: { q: q ?? '', limit: 8 } } })),
    enabled: q !== null,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export interface NewNote {
  body: string;
  mentions: string[];
  frame?: number;
  category?: NoteCategory;
  visibility?: NoteVisibility;
  failureTags?: FailureTag[];
}

/** Mutations of one entity's notes; each refreshes the entity's lists when it settles. */
export function useNoteActions(target: NoteTarget) {
  const client = useQueryClient();
  const settle = () => client.invalidateQueries({ queryKey: entityNotesKey(target) });
  const options = { meta: { handlesErrors: true }, onSettled: settle };
  const create = useMutation({
    ...options,
    mutationFn: (n: NewNote) =>
      unwrap(
        api.POST('/api/v1/notes', {
          body: { entityType: target.entityType, entityId: target.entityId, ...n },
        }),
      ),
  });
  const reply = useMutation({
    ...options,
    mutationFn: ({ id, body, mentions }: { id: string; body: string; mentions: string[] }) =>
      unwrap(api.POST('/api/v1/notes/{id}/replies', { params: { path: { id } }, body: { body, mentions } })),
  });
  const edit = useMutation({
    ...options,
    mutationFn: ({ id, body, mentions }: { id: string; body: string; mentions: string[] }) =>
      unwrap(api.PATCH('/api/v1/notes/{id}', { params: { path: { id } }, body: { body, mentions } })),
  });
  const remove = useMutation({
    ...options,
    mutationFn: (id: string) =>
      unwrapNoContent(api.DELETE('/api/v1/notes/{id}', { params: { path: { id } } })),
  });
  const flag = useMutation({
    ...options,
    mutationFn: ({
      id,
      action,
    }: {
      id: string;
      action: 'pin' | 'unpin' | 'resolve' | 'reopen';
    }): Promise<NoteThread> => {
      const path = { params: { path: { id } } };
      switch (action) {
        case 'pin':
          return unwrap(api.POST('/api/v1/notes/{id}/pin', path));
        case 'unpin':
          return unwrap(api.POST('/api/v1/notes/{id}/unpin', path));
        case 'resolve':
          return unwrap(api.POST('/api/v1/notes/{id}/resolve', path));
        default:
          return unwrap(api.POST('/api/v1/notes/{id}/reopen', path));
      }
    },
  });
  return { create, reply, edit, remove, flag };
}
