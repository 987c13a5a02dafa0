// Column helpers for the PRD-000 conventions: bigint identity keys, timestamps on every table.
import { bigint, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const idColumn = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A status lookup table (PRD-000 §1.2): a code and a display name, seeded by migration. */
export const statusLookupTable = (name: string) =>
  pgTable(
    name,
    { id: idColumn(), code: text('code').notNull(), name: text('name').notNull(), ...timestamps },
    (t) => [uniqueIndex(`uq_${name}_code`).on(t.code)],
  );
