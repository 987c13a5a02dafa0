// Configuration from the environment, validated once at boot (ARCHITECTURE §9).
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'], { error: 'must be 1/0, true/false or yes/no' })
  .transform((v) => v === '1' || v === 'true' || v === 'yes');
const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: 'must be a whole number' })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const roleNames = ['api', 'scheduler', 'bridge', 'media'] as const;
export type ProcessRole = (typeof roleNames)[number];

const envSchema = z.object({
  I2V_PORT: int(0, 65535).default(8080),
  I2V_HOST: z.string().min(1).default('127.0.0.1'),
  I2V_DATA_DIR: z.string().min(1).default('./.i2v-data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, { error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  I2V_DB_POOL_MAX: int(1, 200).default(10),
  I2V_ADMIN_EMAIL: z.email({ error: 'must be an email address' }).default('admin@i2v.local'),
  I2V_ADMIN_PASSWORD: z.string().min(1).optional(),
  I2V_SIM_WORKERS: int(0, 64).default(2),
  I2V_HEALTH_INTERVAL_MS: int(100, 3_600_000).default(5000),
  I2V_VITALS_RETENTION_HOURS: int(1, 24 * 365).default(48),
  I2V_DEMO: bool.default(true),
  I2V_ROLES: z.string().default(roleNames.join(',')),
  I2V_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  I2V_JWT_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  I2V_ACCESS_TOKEN_TTL: int(30, 86_400).default(900),
  I2V_REFRESH_TOKEN_TTL: int(300, 90 * 86_400).default(7 * 86_400),
  I2V_PASSWORD_MIN_LENGTH: int(8, 128).default(12),
  I2V_LOGIN_MAX_FAILURES: int(1, 100).default(5),
  I2V_LOGIN_LOCK_SECONDS: int(1, 86_400).default(900),
  I2V_LOGIN_RATE_LIMIT: int(1, 100_000).default(20),
  I2V_BODY_LIMIT: int(1024, 1024 * 1024 * 1024).default(1024 * 1024),
  I2V_UPLOAD_LIMIT: int(1024, 4 * 1024 * 1024 * 1024).default(50 * 1024 * 1024),
  I2V_MAX_IMAGE_PIXELS: int(1, 2_000_000_000).default(100_000_000),
  I2V_VIDEO_UPLOAD_LIMIT: int(1024, 64 * 1024 * 1024 * 1024).default(2 * 1024 * 1024 * 1024),
  I2V_RETENTION_SWEEP_MINUTES: int(1, 7 * 24 * 60).default(60),
  I2V_IMPORT_LIMIT: int(1024, 64 * 1024 * 1024 * 1024).default(4 * 1024 * 1024 * 1024),
  I2V_IMPORT_MAX_FILES: int(1, 1_000_000).default(20_000),
  I2V_SHUTDOWN_TIMEOUT: int(1, 600).default(10),
  I2V_COOKIE_SECURE: bool.default(false),
  I2V_WEB_DIR: z.string().optional(),
  I2V_JOB_LEASE_SECONDS: int(2, 3600).default(20),
  I2V_JOB_TICK_MS: int(50, 60_000).default(1000),
  I2V_WORKER_LOST_SECONDS: int(1, 3600).default(15),
  I2V_MEDIA_CONCURRENCY: int(1, 64).default(2),
  I2V_FACE_QA: bool.default(true),
  I2V_SCHEDULER_STRATEGY: z.enum(['least_loaded', 'packed']).default('least_loaded'),
  I2V_OFF_PEAK: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, {
      error: 'must be HH:MM-HH:MM, like 22:00-08:00',
    })
    .default('22:00-08:00'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  dbPoolMax: number;
  adminEmail: string;
  adminPassword: string | undefined;
  simWorkers: number;
  healthIntervalMs: number;
  vitalsRetentionHours: number;
  demo: boolean;
  roles: ProcessRole[];
  logLevel: z.infer<typeof envSchema>['I2V_LOG_LEVEL'];
  jwtSecret: string | undefined;
  accessTokenTtl: number;
  refreshTokenTtl: number;
  passwordMinLength: number;
  loginMaxFailures: number;
  loginLockSeconds: number;
  loginRateLimit: number;
  bodyLimit: number;
  uploadLimit: number;
  maxImagePixels: number;
  videoUploadLimit: number;
  retentionSweepMinutes: number;
  importLimit: number;
  importMaxFiles: number;
  shutdownTimeout: number;
  cookieSecure: boolean;
  webDir: string | undefined;
  /** A running job's lease; a job whose process stops renewing it is recovered or retried after this long. */
  jobLeaseSeconds: number;
  /** The scheduler looks at the queue at least this often (NOTIFY wakes it sooner). */
  jobTickMs: number;
  /** A worker unreachable this long loses its running job to another worker. */
  workerLostSeconds: number;
  /** CPU jobs one media process runs at once. */
  mediaConcurrency: number;
  /** Face presence and likeness gates in segment QA (needs the bundled face models; off: those gates are skipped). */
  faceQa: boolean;
  schedulerStrategy: 'least_loaded' | 'packed';
  /** When off-peak-only jobs may start, in the server's local time. */
  offPeak: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseRoles(value: string): ProcessRole[] {
  const parts = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = parts.filter((p) => !(roleNames as readonly string[]).includes(p));
  if (parts.length === 0 || bad.length > 0) {
    throw new ConfigError([
      {
        variable: 'I2V_ROLES',
        message: `unknown role(s) ${bad.map((b) => `"${b}"`).join(', ') || '(none given)'}; use a comma-separated list of ${roleNames.join(', ')}`,
      },
    ]);
  }
  return [...new Set(parts as ProcessRole[])];
}

/** Reads the environment; throws ConfigError naming every bad variable. Empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })),
    );
  }
  const e = parsed.data;
  return {
    port: e.I2V_PORT,
    host: e.I2V_HOST,
    dataDir: path.resolve(e.I2V_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    dbPoolMax: e.I2V_DB_POOL_MAX,
    adminEmail: e.I2V_ADMIN_EMAIL.toLowerCase(),
    adminPassword: e.I2V_ADMIN_PASSWORD,
    simWorkers: e.I2V_SIM_WORKERS,
    healthIntervalMs: e.I2V_HEALTH_INTERVAL_MS,
    vitalsRetentionHours: e.I2V_VITALS_RETENTION_HOURS,
    demo: e.I2V_DEMO,
    roles: parseRoles(e.I2V_ROLES),
    logLevel: e.I2V_LOG_LEVEL,
    jwtSecret: e.I2V_JWT_SECRET,
    accessTokenTtl: e.I2V_ACCESS_TOKEN_TTL,
    refreshTokenTtl: e.I2V_REFRESH_TOKEN_TTL,
    passwordMinLength: e.I2V_PASSWORD_MIN_LENGTH,
    loginMaxFailures: e.I2V_LOGIN_MAX_FAILURES,
    loginLockSeconds: e.I2V_LOGIN_LOCK_SECONDS,
    loginRateLimit: e.I2V_LOGIN_RATE_LIMIT,
    bodyLimit: e.I2V_BODY_LIMIT,
    uploadLimit: e.I2V_UPLOAD_LIMIT,
    maxImagePixels: e.I2V_MAX_IMAGE_PIXELS,
    videoUploadLimit: e.I2V_VIDEO_UPLOAD_LIMIT,
    retentionSweepMinutes: e.I2V_RETENTION_SWEEP_MINUTES,
    importLimit: e.I2V_IMPORT_LIMIT,
    importMaxFiles: e.I2V_IMPORT_MAX_FILES,
    shutdownTimeout: e.I2V_SHUTDOWN_TIMEOUT,
    cookieSecure: e.I2V_COOKIE_SECURE,
    webDir: e.I2V_WEB_DIR,
    jobLeaseSeconds: e.I2V_JOB_LEASE_SECONDS,
    jobTickMs: e.I2V_JOB_TICK_MS,
    workerLostSeconds: e.I2V_WORKER_LOST_SECONDS,
    mediaConcurrency: e.I2V_MEDIA_CONCURRENCY,
    faceQa: e.I2V_FACE_QA,
    schedulerStrategy: e.I2V_SCHEDULER_STRATEGY,
    offPeak: e.I2V_OFF_PEAK,
  };
}

const secretKeys: (keyof Config)[] = ['adminPassword', 'jwtSecret'];

/** The effective configuration for `i2v config`, with secrets and URL passwords masked. */
export function describeConfig(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  for (const k of secretKeys) if (out[k] !== undefined) out[k] = '********';
  if (config.databaseUrl) out.databaseUrl = maskUrlPassword(config.databaseUrl);
  return out;
}

export function maskUrlPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '********';
    return u.toString();
  } catch {
    return '********';
  }
}
