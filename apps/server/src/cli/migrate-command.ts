import { migrate, migrationStatus } from '../db/migrate.js';
import type { Config } from '../platform/config.js';
import { openStudioDatabase } from '../studio.js';

export async function runMigrate(config: Config, statusOnly: boolean): Promise<void> {
  const opened = await openStudioDatabase(config);
  try {
    const applied = statusOnly ? [] : await migrate(opened.database.db);
    const status = await migrationStatus(opened.database.db);
    console.log(`Database: ${opened.database.kind} ${opened.database.location}`);
    for (const a of status.applied) {
      console.log(
        `  applied  ${a.tag}  ${a.appliedAt.toISOString()}${applied.includes(a.tag) ? '  (now)' : ''}`,
      );
    }
    for (const p of status.pending) console.log(`  pending  ${p}`);
    console.log(
      statusOnly
        ? `${status.pending.length} pending`
        : `${applied.length} migration(s) applied now, ${status.applied.length} in total`,
    );
  } finally {
    await opened.close();
  }
}
