// Boots a studio process: lock and open the database, migrate, bootstrap the first admin, serve, shut down cleanly.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type Services } from './app.js';
import { type Database, openPglite, openPostgres } from './db/client.js';
import { migrate } from './db/migrate.js';
import { seedDemoProject } from './modules/demo/seed.js';
import { type SimFleet, startSimFleet } from './modules/workers/sim-fleet.js';
import { seedExampleWorkflows } from './modules/workflows/examples.js';
import type { Config } from './platform/config.js';
import { acquireDataDirLock, type DataDirLock } from './platform/data-dir-lock.js';
import { systemContext } from './platform/request-context.js';

export interface OpenedDatabase {
  database: Database;
  lock: DataDirLock | null;
  close(): Promise<void>;
}

/** PostgreSQL when DATABASE_URL is set; otherwise the embedded PGlite in the data dir, under its lock file. */
export async function openStudioDatabase(config: Config): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    const database = await openPostgres({ url: config.databaseUrl, poolMax: config.dbPoolMax });
    return { database, lock: null, close: () => database.close() };
  }
  const lock = acquireDataDirLock(config.dataDir);
  try {
    const database = await openPglite({ dir: path.join(config.dataDir, 'db') });
    return {
      database,
      lock,
      close: async () => {
        await database.close();
        lock.release();
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}

export interface RunningStudio {
  app: FastifyInstance;
  services: Services;
  url: string;
  /** Whether a demo project is being created (first start with I2V_DEMO on). */
  seedingDemo: boolean;
  firstAdmin: { email: string; password: string; generated: boolean } | null;
  stop(reason?: string): Promise<void>;
}

export async function startStudio(config: Config): Promise<RunningStudio> {
  const opened = await openStudioDatabase(config);
  let notReady: string | null = 'starting';
  let app: FastifyInstance | undefined;
  try {
    await migrate(opened.database.db);
    const built = await buildApp({ config, database: opened.database, notReadyReason: () => notReady });
    app = built.app;
    const firstAdmin = await built.services.users.bootstrapAdmin(
      systemContext,
      config.adminEmail,
      config.adminPassword,
    );
    // a fresh studio starts with the example workflows (nothing happens once any workflow exists)
    await seedExampleWorkflows(built.services.workflows).catch((err) =>
      built.app.log.error({ err }, 'example workflows could not be imported'),
    );
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    notReady = null;
    let demoSeeding: Promise<unknown> = Promise.resolve();
    if (firstAdmin && config.demo) {
      // after `ready`: the demo is a convenience and must not delay start-up
      const started = app;
      demoSeeding = seedDemoProject(built.services, systemContext).then(
        (id) => id && started.log.info({ projectId: id }, 'demo project created'),
        (err) => started.log.error({ err }, 'demo project could not be created'),
      );
    }
    built.services.imports.resumeInterrupted().catch((err) => app?.log.error({ err }, 'imports not resumed'));
    built.services.jobEngine.start();
    // the trash sweep runs as a background job, so it shows in the queue with its history
    const stopSweeps = built.services.jobEngine.every(
      'retention.sweep',
      'Trash sweep',
      config.retentionSweepMinutes * 60_000,
    );
    const stopDigests = built.services.jobEngine.every(
      'notifications.digest',
      'Notification digest',
      5 * 60_000,
    );
    // after `ready` too: the simulated fleet and the health loop must not delay start-up
    const fleetStarted = app;
    const bridge = config.roles.includes('bridge');
    const fleet: Promise<SimFleet | null> =
      bridge && config.simWorkers > 0
        ? startSimFleet(built.services.workers, config.simWorkers, fleetStarted.log).catch((err) => {
            fleetStarted.log.error({ err }, 'simulated workers could not be started');
            return null;
          })
        : Promise.resolve(null);
    void fleet.then(() => {
      if (bridge && notReady === null) built.services.workerHealth.start();
    });
    app.log.info(
      { roles: config.roles, database: opened.database.kind, location: opened.database.location },
      'studio ready',
    );
    let stopping: Promise<void> | null = null;
    const started = app;
    return {
      app: started,
      services: built.services,
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      seedingDemo: Boolean(firstAdmin && config.demo),
      firstAdmin,
      stop: (reason = 'stop requested') => {
        stopping ??= (async () => {
          notReady = `shutting down (${reason})`;
          await demoSeeding;
          await built.services.jobEngine.stop();
          await built.services.imports.stop();
          stopSweeps();
          stopDigests();
          await built.services.workerHealth.stop();
          await (await fleet)?.stop();
          started.log.info({ reason }, 'shutting down: no new work, finishing requests');
          const timer = setTimeout(() => {
            started.log.error('shutdown timed out; closing connections');
            started.server.closeAllConnections();
          }, config.shutdownTimeout * 1000);
          try {
            await started.close();
          } finally {
            clearTimeout(timer);
            await opened.close();
          }
        })();
        return stopping;
      },
    };
  } catch (err) {
    await app?.close().catch(() => undefined);
    await opened.close();
    throw err;
  }
}
