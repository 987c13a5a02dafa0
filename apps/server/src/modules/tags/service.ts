// Tags (PRD-047): suggestions, and replacing the tag set of a character or scene type inside the caller's
// transaction with an audit row; other modules filter their lists with `filter`.
import type { SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/service.js';
import * as repo from './repo.js';

export type { TaggedKind } from './repo.js';

/** Parses a `tags` query value: comma-separated names, trimmed, lower-cased, empty ones dropped. */
export function parseTagList(value: string | undefined): string[] {
  if (!value) return [];
  return [
    ...new Set(
      value
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

export class TagsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  suggest(prefix: string | undefined, limit: number) {
    return repo.listTags(this.db, prefix, limit);
  }

  tagsOf(db: Executor, kind: repo.TaggedKind, entityId: number): Promise<string[]> {
    return repo.tagsOf(db, kind, entityId);
  }

  filter(kind: repo.TaggedKind, entityIdSql: SQL, names: string[], mode: 'all' | 'any'): SQL | undefined {
    return names.length > 0 ? repo.tagFilter(kind, entityIdSql, names, mode) : undefined;
  }

  /** Replaces the tags of an entity; audits the change when there is one. Returns the new sorted set. */
  async replace(
    tx: Executor,
    ctx: RequestContext,
    target: { kind: repo.TaggedKind; id: number; publicId: string; label: string },
    names: string[],
  ): Promise<string[]> {
    const next = [...new Set(names)].sort();
    const before = await repo.tagsOf(tx, target.kind, target.id);
    if (JSON.stringify(before) === JSON.stringify(next)) return before;
    await repo.setTags(tx, target.kind, target.id, next);
    await this.audit.record(tx, ctx, {
      action: `${target.kind}.tags_changed` as const,
      entityType: target.kind,
      entityId: target.publicId,
      summary: `Tagged ${target.label}: ${next.length > 0 ? next.join(', ') : '(no tags)'}`,
      details: { from: before, to: next },
    });
    return next;
  }
}
