import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig, parseRoles } from './config.js';

describe('loadConfig', () => {
  it('has working defaults for a laptop studio', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      simWorkers: 2,
      demo: true,
      databaseUrl: undefined,
    });
    expect(c.dataDir.endsWith('.i2v-data')).toBe(true);
    expect(c.roles).toEqual(['api', 'scheduler', 'bridge', 'media']);
  });

  it('reads the fixed interface variables', () => {
    const c = loadConfig({
      I2V_PORT: '9000',
      I2V_HOST: '0.0.0.0',
      I2V_DATA_DIR: '/srv/i2v',
      DATABASE_URL: 'postgresql://u@h/db',
      I2V_ADMIN_EMAIL: 'Boss@Studio.test',
      I2V_SIM_WORKERS: '0',
      I2V_DEMO: '0',
    });
    expect(c).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/srv/i2v',
      databaseUrl: 'postgresql://u@h/db',
      adminEmail: 'boss@studio.test',
      simWorkers: 0,
      demo: false,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ I2V_PORT: '' }).port).toBe(8080);
  });

  it('names every bad variable', () => {
    try {
      loadConfig({
        I2V_PORT: '70000',
        DATABASE_URL: 'mysql://x',
        I2V_SIM_WORKERS: '-1',
        I2V_JWT_SECRET: 'short',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const vars = (err as ConfigError).problems.map((p) => p.variable).sort();
      expect(vars).toEqual(['DATABASE_URL', 'I2V_JWT_SECRET', 'I2V_PORT', 'I2V_SIM_WORKERS']);
      expect((err as ConfigError).message).toContain(
        'DATABASE_URL: must be a postgres:// or postgresql:// URL',
      );
    }
  });
});

describe('parseRoles', () => {
  it('accepts a subset, de-duplicated', () => {
    expect(parseRoles('api, media,api')).toEqual(['api', 'media']);
  });

  it('refuses unknown or empty roles', () => {
    expect(() => parseRoles('api,gpu')).toThrow(/unknown role\(s\) "gpu"/);
    expect(() => parseRoles(' , ')).toThrow(ConfigError);
  });
});

describe('describeConfig', () => {
  it('masks secrets and URL passwords', () => {
    const d = describeConfig(
      loadConfig({
        I2V_ADMIN_PASSWORD: 'p',
        I2V_JWT_SECRET: 's'.repeat(32),
        DATABASE_URL: 'postgres://a:b@h/d',
      }),
    );
    expect(d).toMatchObject({
      adminPassword: '********',
      jwtSecret: '********',
      databaseUrl: 'postgres://a:********@h/d',
    });
  });
});
