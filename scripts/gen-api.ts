// `npm run gen:api`: builds the app on an in-memory database and writes apps/web/src/api/schema.d.ts.
import fs from 'node:fs';
import { buildApp } from '../apps/server/src/app.js';
import { openPglite } from '../apps/server/src/db/client.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import { loadConfig } from '../apps/server/src/platform/config.js';
import { apiTypesPath, renderApiTypes } from './api-types.js';

const database = await openPglite({ dir: undefined });
await migrate(database.db);
const { app } = await buildApp({ config: loadConfig({ I2V_LOG_LEVEL: 'silent' }), database, logger: false });
await app.ready();
const text = await renderApiTypes(app.swagger());
fs.writeFileSync(apiTypesPath, text);
await app.close();
await database.close();
console.log(`Wrote ${apiTypesPath}`);
