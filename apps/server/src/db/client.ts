// Opens the database: embedded PGlite (with pgvector) in the data dir, or PostgreSQL through a pg pool.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { maskUrlPassword } from '../platform/config.js';
import * as schema from './schema/index.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: repos accept both. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Human description for logs and `i2v config`, secrets masked. */
  location: string;
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Cross-process notifications (PostgreSQL LISTEN/NOTIFY on a dedicated connection that reconnects); null for the
   * embedded database, which only one process can open. Channel names are scoped to the schema in use.
   */
  listener: Listener | null;
}

export interface Listener {
  /** The channel name as the database sees it (suffixed with the schema when one is set). */
  channel(name: string): string;
  /** Subscribes; resolves once LISTEN is in place. */
  listen(name: string, onMessage: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}

export async function rows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export interface PgliteOptions {
  /** Directory for the database files; undefined keeps it in memory (tests). */
  dir: string | undefined;
}

export async function openPglite({ dir }: PgliteOptions): Promise<Database> {
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const client = await PGlite.create({ dataDir: dir, extensions: { vector } });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    listener: null,
    kind: 'pglite',
    location: dir ? path.resolve(dir) : 'memory',
    ping: async () => {
      await client.query('SELECT 1');
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

export interface PostgresOptions {
  url: string;
  poolMax: number;
  /** Schema to work in (tests isolate each file in its own schema). */
  searchPath?: string;
}

export async function openPostgres({ url, poolMax, searchPath }: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  });
  pool.on('error', () => {
    // An idle client died (server restart); the pool replaces it on next use. Readiness reports the outage.
  });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  const ping = async () => {
    await pool.query('SELECT 1');
  };
  await ping();
  let closed = false;
  const listener = new PgListener(url, searchPath);
  return {
    db,
    listener,
    kind: 'postgres',
    location: maskUrlPassword(url) + (searchPath ? ` (schema ${searchPath})` : ''),
    ping,
    close: async () => {
      if (closed) return;
      closed = true;
      await listener.close();
      await pool.end();
    },
  };
}

/** One dedicated connection for LISTEN; on a drop it reconnects and listens again (missed messages are lost). */
class PgListener implements Listener {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly handlers = new Map<string, ((payload: string) => void)[]>();
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly scope: string | undefined,
  ) {}

  channel(name: string): string {
    return this.scope ? `${name}_${this.scope}` : name;
  }

  async listen(name: string, onMessage: (payload: string) => void): Promise<void> {
    const channel = this.channel(name);
    const list = this.handlers.get(channel);
    if (list) list.push(onMessage);
    else this.handlers.set(channel, [onMessage]);
    const client = await this.connect();
    if (!list) await client.query(`LISTEN "${channel}"`);
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.url });
      client.on('notification', (m) => {
        for (const fn of this.handlers.get(m.channel) ?? []) fn(m.payload ?? '');
      });
      client.on('error', () => {
        this.client = null;
        client.end().catch(() => undefined);
        if (!this.closed) setTimeout(() => void this.reconnect(), 500).unref();
      });
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN "${channel}"`);
      this.client = client;
      return client;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async reconnect(): Promise<void> {
    if (this.closed) return;
    await this.connect().catch(() => {
      if (!this.closed) setTimeout(() => void this.reconnect(), 1000).unref();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const c = this.client ?? (await this.connecting?.catch(() => null));
    this.client = null;
    await c?.end().catch(() => undefined);
  }
}

export const nowSql = sql`now()`;
