// Metadata of all a project's characters at once (PRD-066 §1.4): export as CSV or JSON; import a CSV or JSON with
// a field-level preview (current vs incoming) and apply it in one transaction, audited per character.
import type { MetadataImportPreview } from '@i2v/contracts';
import {
  applyMetadataValues,
  cellText,
  diffMetadata,
  exportColumns,
  type MetadataRow,
  metadataFieldsOf,
  nameColumn,
  readMetadataTable,
  type TableProblem,
} from '@i2v/domain';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Db, Executor } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { validateAgainst } from '../../platform/json-schema.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AuditService } from '../audit/service.js';
import * as characterRepo from '../characters/repo.js';
import type { ProjectsService } from '../projects/service.js';

export interface MetadataImportBody {
  format: 'csv' | 'json';
  content: string;
  skipInvalid: boolean;
}

interface PlannedRow {
  row: MetadataRow;
  character: { id: number; publicId: string; name: string; metadata: Record<string, unknown> } | null;
  next: Record<string, unknown> | null;
  changes: ReturnType<typeof diffMetadata>;
  errors: string[];
}

const invalidFile = (what: string, problems: TableProblem[]) =>
  new AppError(
    'metadata_import.invalid',
    `The ${what} cannot be imported: ${problems
      .slice(0, 5)
      .map((p) => p.message)
      .join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}.`,
    problems.slice(0, 50).map((p) => ({
      field: p.column ? `body.content.${p.column}` : 'body.content',
      message: p.line ? `line ${p.line}: ${p.message}` : p.message,
    })),
  );

export class MetadataService {
  constructor(private readonly d: { db: Db; clock: Clock; audit: AuditService; projects: ProjectsService }) {}

  async export(
    projectPublicId: string,
    format: 'csv' | 'json',
  ): Promise<{ body: string; fileName: string; mimeType: string }> {
    const project = await this.d.projects.resolveForContent(this.d.db, { publicId: projectPublicId }, false);
    const rows = (await characterRepo.liveCharacters(this.d.db, project.id)).sort((a, b) =>
      a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
    );
    const slug = project.name.replace(/[^\w-]+/g, '_').replace(/^_+|_+$/g, '') || 'project';
    if (format === 'json') {
      const body = JSON.stringify(
        {
          project: { id: project.publicId, name: project.name },
          characters: rows.map((r) => ({ id: r.publicId, name: r.name, metadata: r.metadata ?? {} })),
        },
        null,
        2,
      );
      return { body, fileName: `${slug}-metadata.json`, mimeType: 'application/json' };
    }
    const metadata = rows.map((r) => (r.metadata ?? {}) as Record<string, unknown>);
    const columns = exportColumns(metadataFieldsOf(project.metadataSchema), metadata);
    const body = stringify([
      [nameColumn, ...columns],
      ...rows.map((r, i) => [r.name, ...columns.map((c) => cellText(metadata[i]![c]))]),
    ]);
    return { body, fileName: `${slug}-metadata.csv`, mimeType: 'text/csv; charset=utf-8' };
  }

  async preview(projectPublicId: string, body: MetadataImportBody): Promise<MetadataImportPreview> {
    const project = await this.d.projects.resolveForContent(this.d.db, { publicId: projectPublicId }, false);
    return this.describe(await this.plan(this.d.db, project, body));
  }

  async apply(
    ctx: RequestContext,
    projectPublicId: string,
    body: MetadataImportBody,
  ): Promise<{ updated: number; unchanged: number; skipped: number }> {
    return this.d.db.transaction(async (tx) => {
      const project = await this.d.projects.resolveForContent(tx, { publicId: projectPublicId }, true);
      const planned = await this.plan(tx, project, body);
      const invalid = planned.filter((p) => p.errors.length > 0);
      if (invalid.length > 0 && !body.skipInvalid) {
        throw new AppError(
          'metadata_import.has_errors',
          `${invalid.length} of ${planned.length} rows have errors (${invalid
            .slice(0, 3)
            .map((p) => `line ${p.row.line}, ${p.row.name}: ${p.errors[0]}`)
            .join('; ')}). Fix them, or import the valid rows only.`,
          invalid.slice(0, 50).map((p) => ({
            field: `body.content`,
            message: `line ${p.row.line} (${p.row.name}): ${p.errors.join('; ')}`,
          })),
        );
      }
      let updated = 0;
      for (const p of planned) {
        if (p.errors.length > 0 || p.changes.length === 0 || !p.character || !p.next) continue;
        await characterRepo.updateCharacter(tx, p.character.id, { metadata: p.next }, this.d.clock.now());
        await this.d.audit.record(tx, ctx, {
          action: 'character.updated',
          entityType: 'character',
          entityId: p.character.publicId,
          summary: `Changed metadata of character "${p.character.name}" (${p.changes.map((c) => c.field).join(', ')}) by ${body.format.toUpperCase()} import`,
          details: { metadata: { from: p.character.metadata, to: p.next }, source: `${body.format} import` },
        });
        updated += 1;
      }
      const result = {
        updated,
        unchanged: planned.filter((p) => p.errors.length === 0 && p.changes.length === 0).length,
        skipped: invalid.length,
      };
      await this.d.audit.record(tx, ctx, {
        action: 'project.metadata_imported',
        entityType: 'project',
        entityId: project.publicId,
        summary: `Imported character metadata (${body.format.toUpperCase()}) into project "${project.name}": ${updated} updated, ${result.unchanged} unchanged, ${result.skipped} skipped`,
        details: result,
      });
      return result;
    });
  }

  private describe(planned: PlannedRow[]): MetadataImportPreview {
    return {
      rows: planned.map((p) => ({
        line: p.row.line,
        name: p.row.name,
        characterId: p.character?.publicId ?? null,
        changes: p.changes,
        errors: p.errors,
      })),
      totals: {
        rows: planned.length,
        changed: planned.filter((p) => p.errors.length === 0 && p.changes.length > 0).length,
        unchanged: planned.filter((p) => p.errors.length === 0 && p.changes.length === 0).length,
        withErrors: planned.filter((p) => p.errors.length > 0).length,
      },
    };
  }

  private async plan(
    db: Executor,
    project: { id: number; metadataSchema: Record<string, unknown> | null },
    body: MetadataImportBody,
  ): Promise<PlannedRow[]> {
    const schema = project.metadataSchema;
    const fields = schema ? metadataFieldsOf(schema) : null;
    const { rows, problems } =
      body.format === 'csv' ? this.readCsv(body.content, fields) : this.readJson(body.content, fields);
    if (problems.length > 0) throw invalidFile(body.format === 'csv' ? 'CSV' : 'JSON', problems);
    if (rows.length === 0) {
      throw invalidFile(body.format === 'csv' ? 'CSV' : 'JSON', [{ message: 'it has no character rows' }]);
    }
    const byName = new Map(
      (await characterRepo.liveCharacters(db, project.id)).map((c) => [
        c.name.toLowerCase(),
        { ...c, metadata: (c.metadata ?? {}) as Record<string, unknown> },
      ]),
    );
    return rows.map((row) => {
      const character = byName.get(row.name.toLowerCase()) ?? null;
      const errors = [...row.problems];
      if (!character) errors.push(`no character named "${row.name}" in this project`);
      const next = character ? applyMetadataValues(character.metadata, row.values) : null;
      if (next && schema && row.problems.length === 0) {
        for (const p of validateAgainst(schema, next, 'metadata')) errors.push(`${p.field} ${p.message}`);
      }
      return {
        row,
        character,
        next,
        changes: character && next ? diffMetadata(character.metadata, next) : [],
        errors,
      };
    });
  }

  private readCsv(content: string, fields: ReturnType<typeof metadataFieldsOf> | null) {
    let records: string[][];
    try {
      records = parse(content, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    } catch (err) {
      throw invalidFile('CSV', [{ message: `it is not valid CSV (${(err as Error).message})` }]);
    }
    if (records.length === 0) return { rows: [], problems: [{ message: 'it is empty' }] };
    return readMetadataTable(records[0]!, records.slice(1), fields);
  }

  private readJson(content: string, fields: ReturnType<typeof metadataFieldsOf> | null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch (err) {
      throw invalidFile('JSON', [{ message: `it is not valid JSON (${(err as Error).message})` }]);
    }
    const list = (parsed as { characters?: unknown })?.characters;
    if (!Array.isArray(list)) {
      throw invalidFile('JSON', [{ message: 'it must be an object with a "characters" list' }]);
    }
    const known = fields ? new Set(fields.map((f) => f.key)) : null;
    const problems: TableProblem[] = [];
    const rows: MetadataRow[] = [];
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const line = i + 1;
      const entry = item as { name?: unknown; metadata?: unknown };
      if (typeof entry?.name !== 'string' || entry.name.trim() === '') {
        problems.push({ line, message: `character ${line} has no "name"` });
        return;
      }
      const name = entry.name.trim();
      if (typeof entry.metadata !== 'object' || entry.metadata === null || Array.isArray(entry.metadata)) {
        problems.push({ line, message: `"${name}" has no "metadata" object` });
        return;
      }
      const earlier = seen.get(name.toLowerCase());
      if (earlier) {
        problems.push({ line, message: `"${name}" is character ${earlier} and again character ${line}` });
        return;
      }
      seen.set(name.toLowerCase(), line);
      const values: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(entry.metadata)) {
        if (known && !known.has(key)) {
          problems.push({
            line,
            column: key,
            message: `"${key}" (of "${name}") is not a field of the metadata schema (fields: ${[...known].join(', ')})`,
          });
        }
        values[key] = value === null ? undefined : value;
      }
      rows.push({ line, name, values, problems: [] });
    });
    return { rows, problems };
  }
}
