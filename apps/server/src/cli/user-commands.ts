// `i2v user create|reset-password`: operator access without the web UI (e.g. a lost admin password).

import { displayNameSchema, emailSchema } from '@i2v/contracts';
import type { Command } from 'commander';
import { buildApp, type Services } from '../app.js';
import { migrate } from '../db/migrate.js';
import { loadConfig } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import { systemContext } from '../platform/request-context.js';
import { openStudioDatabase } from '../studio.js';
import { rolesSchemaFor } from './role-option.js';

export async function withServices<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  const config = loadConfig({ ...process.env, I2V_LOG_LEVEL: 'silent' });
  const opened = await openStudioDatabase(config);
  try {
    await migrate(opened.database.db);
    const { app, services } = await buildApp({ config, database: opened.database, logger: false });
    try {
      return await fn(services);
    } finally {
      await app.close();
    }
  } finally {
    await opened.close();
  }
}

export const cliContext = { ...systemContext, userAgent: 'i2v-cli' };

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Manage users from the command line');
  user
    .command('create')
    .description('Create a user; prints a generated password once unless --password is given')
    .requiredOption('--email <email>', 'email address')
    .requiredOption('--role <role>', 'admin, creator or reviewer', rolesSchemaFor)
    .option('--name <displayName>', 'display name')
    .option('--password <password>', 'initial password (else one is generated)')
    .action(
      async (o: {
        email: string;
        role: 'admin' | 'creator' | 'reviewer';
        name?: string;
        password?: string;
      }) => {
        const email = emailSchema.safeParse(o.email);
        if (!email.success)
          throw new AppError('request.invalid', `--email ${o.email} is not an email address`);
        const name = displayNameSchema.safeParse(o.name ?? email.data.split('@')[0]);
        if (!name.success) throw new AppError('request.invalid', '--name must be 1 to 120 characters');
        const created = await withServices((s) =>
          s.users.create(cliContext, {
            email: email.data,
            displayName: name.data,
            role: o.role,
            password: o.password,
          }),
        );
        console.log(`Created ${created.user.role} ${created.user.email} (${created.user.id})`);
        if (created.temporaryPassword)
          console.log(`Temporary password (shown once): ${created.temporaryPassword}`);
      },
    );
  user
    .command('reset-password')
    .description('Reset a user’s password to a generated one, end their sessions and clear a lockout')
    .requiredOption('--email <email>', 'email address')
    .action(async (o: { email: string }) => {
      const result = await withServices(async (s) => {
        const found = await s.users.findByEmail(o.email.trim());
        if (!found) throw new AppError('user.not_found', `No user with email ${o.email}.`);
        return s.users.resetPassword(cliContext, found.id);
      });
      console.log(`Temporary password for ${o.email} (shown once): ${result.temporaryPassword}`);
    });
}
