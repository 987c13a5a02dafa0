#!/usr/bin/env node
// The `i2v` command: start, migrate, user management, jobs, effective config.
import { Command, InvalidArgumentError } from 'commander';
import { type Config, ConfigError, describeConfig, loadConfig, parseRoles } from '../platform/config.js';
import { DataDirLockedError } from '../platform/data-dir-lock.js';
import { registerJobCommands } from './job-commands.js';
import { runMigrate } from './migrate-command.js';
import { runStart } from './start-command.js';
import { registerUserCommands } from './user-commands.js';

export function configFromEnv(overrides: Partial<Record<string, string>> = {}): Config {
  return loadConfig({ ...process.env, ...overrides });
}

const program = new Command()
  .name('i2v')
  .description('i2v Studio: a production studio for image-to-video generation')
  .showHelpAfterError();

program
  .command('start')
  .description('Start the studio (all roles in one process by default)')
  .option('--roles <roles>', 'comma-separated roles to run: api,scheduler,bridge,media', (v) => {
    try {
      parseRoles(v);
      return v;
    } catch (err) {
      throw new InvalidArgumentError((err as ConfigError).problems[0]?.message ?? String(err));
    }
  })
  .action(async (opts: { roles?: string }) => {
    await runStart(configFromEnv(opts.roles ? { I2V_ROLES: opts.roles } : {}));
  });

program
  .command('migrate')
  .description('Apply pending database migrations and list what is applied')
  .option('--status', 'only show applied and pending migrations')
  .action(async (opts: { status?: boolean }) => {
    await runMigrate(configFromEnv(), Boolean(opts.status));
  });

registerUserCommands(program);
registerJobCommands(program);

program
  .command('config')
  .description('Print the effective configuration (secrets masked)')
  .action(() => {
    console.log(JSON.stringify(describeConfig(configFromEnv()), null, 2));
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(`i2v: ${err.message}`);
    process.exit(2);
  }
  const e = err as { code?: string; detail?: string; message: string };
  console.error(`i2v: ${e.detail ?? e.message}`);
  process.exit(1);
}
