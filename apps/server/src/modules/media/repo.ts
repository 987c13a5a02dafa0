// SQL for stored media files.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { mediaFiles } from '../../db/schema/index.js';

export type MediaFileRow = typeof mediaFiles.$inferSelect;

export async function insertMediaFile(db: Executor, row: typeof mediaFiles.$inferInsert): Promise<number> {
  const [inserted] = await db.insert(mediaFiles).values(row).returning({ id: mediaFiles.id });
  return inserted!.id;
}

export async function findMediaFile(db: Executor, publicId: string): Promise<MediaFileRow | null> {
  const found = await db.select().from(mediaFiles).where(eq(mediaFiles.publicId, publicId));
  return found[0] ?? null;
}
