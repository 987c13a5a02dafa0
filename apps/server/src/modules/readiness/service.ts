// Readiness of a project's characters (PRD-107): every character's checklist computed in one pass (a few queries for
// the whole project), then filtered by state or missing item, sorted, and paged; the summary counts the project.
import type { ReadinessPage } from '@i2v/contracts';
import {
  type CharacterReadiness,
  characterReadiness,
  neededVariantTypes,
  type ReadinessState,
} from '@i2v/domain';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { characters, sourceImages } from '../../db/schema/index.js';
import { decodeCursor, encodeCursor } from '../../platform/cursor.js';
import { validateAgainst } from '../../platform/json-schema.js';
import { toCharacterSummary } from '../characters/dto.js';
import * as characterRepo from '../characters/repo.js';
import type { MediaService } from '../media/service.js';
import type { ProjectsService } from '../projects/service.js';
import type { SceneTypesService } from '../scene-types/service.js';
import type { VariantTypesService } from '../variant-types/service.js';

export interface ReadinessQuery {
  limit: number;
  cursor?: string | undefined;
  state?: ReadinessState | undefined;
  missing?: string | undefined;
  sort: 'name' | 'least_ready' | 'most_ready';
}

export class ReadinessService {
  constructor(
    private readonly d: {
      db: Db;
      projects: ProjectsService;
      sceneTypes: SceneTypesService;
      variantTypes: VariantTypesService;
      media: MediaService;
    },
  ) {}

  async page(projectPublicId: string, q: ReadinessQuery): Promise<ReadinessPage> {
    const { project } = await this.d.projects.get(projectPublicId);
    const content = await this.d.projects.resolveForContent(this.d.db, { publicId: projectPublicId }, false);
    const [sceneTypes, variantTypes] = await Promise.all([
      this.d.sceneTypes.list(projectPublicId, true),
      this.d.variantTypes.list(),
    ]);
    const needed = neededVariantTypes(
      sceneTypes.map((s) => ({ enabled: true, applicability: s.applicability })),
      variantTypes,
    );
    const rows = await this.d.db
      .select({
        id: characters.id,
        name: characters.name,
        metadata: characters.metadata,
        settings: characters.settings,
        hasSource: sql<boolean>`EXISTS (SELECT 1 FROM ${sourceImages} s WHERE s.character_id = characters.id AND s.is_current)`,
      })
      .from(characters)
      .where(and(eq(characters.projectId, content.id), isNull(characters.deletedAt)));
    const slugOf = new Map(variantTypes.map((v) => [v.id, v.slug]));
    const heroes = new Map<number, Set<string>>();
    for (const h of await characterRepo.heroPairs(
      this.d.db,
      rows.map((r) => r.id),
    )) {
      const slug = slugOf.get(h.variantTypePublicId);
      if (slug) heroes.set(h.characterId, (heroes.get(h.characterId) ?? new Set()).add(slug));
    }
    const schema = project.metadataSchema;
    const context = {
      criteria: project.settings.readiness,
      neededVariantTypes: needed.map((v) => ({ slug: v.slug, name: v.name })),
      enabledSceneTypes: sceneTypes.length,
    };
    const computed = rows.map((r) => ({
      row: r,
      readiness: characterReadiness(
        {
          hasSourceImage: r.hasSource,
          heroSlugs: heroes.get(r.id) ?? new Set(),
          metadataProblems: schema
            ? validateAgainst(schema, r.metadata ?? {}, 'metadata').map((p) => `${p.field} ${p.message}`)
            : [],
          hasMetadataSchema: schema !== null,
          settings: (r.settings ?? {}) as Record<string, unknown>,
        },
        context,
      ),
    }));

    const summary = this.summarise(computed.map((c) => c.readiness));
    const byName = (a: (typeof computed)[number], b: (typeof computed)[number]) =>
      a.row.name.localeCompare(b.row.name, 'en', { sensitivity: 'base' }) || a.row.id - b.row.id;
    const filtered = computed
      .filter((c) => (q.state ? c.readiness.state === q.state : true))
      .filter((c) => (q.missing ? c.readiness.missing.includes(q.missing) : true))
      .sort((a, b) =>
        q.sort === 'name'
          ? byName(a, b)
          : (q.sort === 'least_ready' ? 1 : -1) * (a.readiness.percent - b.readiness.percent) || byName(a, b),
      );
    const offset = q.cursor ? (decodeCursor(q.cursor, ['number'])[0] as number) : 0;
    const page = filtered.slice(offset, offset + q.limit);
    const summaries = new Map(
      (
        await characterRepo.listCharacters(this.d.db, {
          projectId: content.id,
          limit: page.length || 1,
          where: inArray(
            characters.id,
            page.map((p) => p.row.id),
          ),
        })
      ).map((c) => [c.id, c]),
    );
    return {
      items: page.map((p) => ({
        character: toCharacterSummary(this.d.media, summaries.get(p.row.id)!, content),
        ...p.readiness,
      })),
      nextCursor: offset + q.limit < filtered.length ? encodeCursor([offset + q.limit]) : null,
      summary,
    };
  }

  private summarise(all: CharacterReadiness[]): ReadinessPage['summary'] {
    const missing = new Map<string, { label: string; count: number }>();
    for (const r of all) {
      for (const item of r.items) {
        const entry = missing.get(item.key) ?? { label: item.label, count: 0 };
        if (!item.done) entry.count += 1;
        missing.set(item.key, entry);
      }
    }
    return {
      total: all.length,
      ready: all.filter((r) => r.state === 'ready').length,
      partial: all.filter((r) => r.state === 'partial').length,
      notStarted: all.filter((r) => r.state === 'not_started').length,
      missing: [...missing.entries()]
        .filter(([, v]) => v.count > 0)
        .map(([key, v]) => ({ key, label: v.label, count: v.count })),
    };
  }
}
