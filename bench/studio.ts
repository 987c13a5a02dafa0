// A studio for benchmarks: the app on a migrated database, listening on a free port, with a signed-in admin.
import { buildApp, type Services } from '../apps/server/src/app.js';
import type { Database } from '../apps/server/src/db/client.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import { loadConfig } from '../apps/server/src/platform/config.js';
import { systemContext } from '../apps/server/src/platform/request-context.js';

export interface ServedStudio {
  app: Awaited<ReturnType<typeof buildApp>>['app'];
  services: Services;
  base: string;
  /** Access token of the admin. */
  token: string;
}

export async function serveStudio(
  database: Database,
  dataDir: string,
  admin: { email: string; password: string },
  env: Record<string, string> = {},
): Promise<ServedStudio> {
  await migrate(database.db);
  const config = loadConfig({
    I2V_LOG_LEVEL: 'silent',
    I2V_LOGIN_RATE_LIMIT: '100000',
    I2V_PORT: '0',
    I2V_DATA_DIR: dataDir,
    ...env,
  });
  const { app, services } = await buildApp({ config, database, logger: false });
  await services.users.bootstrapAdmin(systemContext, admin.email, admin.password);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  return { app, services, base, token };
}
