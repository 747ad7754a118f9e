import path from 'node:path';
import { parseRemoteOverrides } from './core/web/manifest';
import type { RateLimitConfig } from './core/rate-limit/rate-limit';
import type { PasswordPolicy } from '@kpd/domain';
import { keyringFromEnv, type FieldKeyring } from './core/crypto/field-encryption';
import { parseAllowList, type MetricsAccess } from './core/metrics/metrics';

export type Environment = 'development' | 'production' | 'test';

export interface Config {
  env: Environment;
  port: number;
  /** `sqlite:<file>` (default: data/kpd.sqlite), `sqlite::memory:`, or `mysql://user:pass@host:port/db`. */
  databaseUrl: string;
  dataDir: string;
  /** Built admin (web/shell/dist) served at `/`; absent in a fresh checkout until `pnpm build`. */
  webDir: string;
  /** Folder holding each domain app's build as <app>/dist, served at /web/<app>/ (WEB_REMOTES_DIR, default web/). */
  webRemotesDir: string;
  /** WEB_REMOTES: app → remoteEntry.js address, replacing the default /web/<app>/remoteEntry.js in the manifest. */
  webRemotes: Record<string, string>;
  /** The dashboard map's background: a {z}/{x}/{y} tile URL (MAP_TILE_URL; unset or empty: the outlines on a plain ground) and its credit line. */
  mapTiles: { url: string; attribution: string };
  sessionTtlHours: number;
  /** Seconds a process keeps a live session in memory (SESSION_CACHE_SECONDS, default 5; 0: read it on every request). */
  sessionCacheSeconds: number;
  /** SESSION_IDLE_MINUTES: a session unused this long ends (0: only SESSION_TTL_HOURS ends it). */
  sessionIdleMinutes: number;
  lockout: { maxAttempts: number; minutes: number };
  /**
   * ADMIN_TOTP: `required` (the default, production included) sends an admin without a second factor
   * to enrolment at sign-in; `optional` leaves it to each admin (a demo, and the test servers).
   */
  adminTotp: 'required' | 'optional';
  /** PASSWORD_MIN_LENGTH, PASSWORD_MIN_CLASSES, PASSWORD_HISTORY, ADMIN_PASSWORD_MAX_AGE_DAYS. */
  passwordPolicy: PasswordPolicy;
  /** scrypt cost N for new password hashes (stored with the hash, so lowering it for tests is safe). */
  passwordCostN: number;
  /** Express `trust proxy`: set when TLS ends at a load balancer so cookies become Secure. */
  trustProxy: boolean | number | string;
  /** Adds the `x-sql-statements` response header: the SQL statements a request ran (tests, benchmarks). */
  exposeSqlCount: boolean;
  limits: { maxDepth: number; maxAliases: number; maxCost: number; maxTokens: number; maxVariableDepth: number };
  /** The leaky bucket of cost points per token, session or anonymous address (see core/rate-limit.ts). */
  rateLimit: RateLimitConfig;
  seedDemo: boolean;
  logLevel: string;
  storage: {
    kind: 'local' | 's3';
    s3?: { endpoint?: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string; forcePathStyle: boolean };
  };
  uploads: { maxBytes: number; timeoutMs: number; maxImagePixels: number };
  /** Bulk exports: EXPORT_MAX_ROWS rows in one file at most, EXPORT_MAX_CONCURRENT jobs queued or running per requester. */
  exports: { maxRows: number; maxConcurrent: number };
  /**
   * The OC4IDS open-data file: OC4IDS_PUBLISHER (the publisher's name), OC4IDS_LICENSE (the data's licence URL),
   * OC4IDS_ID_PREFIX (the publisher's registered OC4IDS project identifier prefix) and OC4IDS_URI_BASE (where the
   * published files live, for each package's uri).
   */
  openData: { publisher: string; license: string; idPrefix: string; uriBase: string };
  /**
   * FIELD_ENCRYPTION_KEY (<id>:<32 bytes base64>) and FIELD_ENCRYPTION_OLD_KEYS: the keys of the columns
   * encrypted at rest. Required in production; elsewhere a public development key (id `dev`). FIELD_CIPHER:
   * the algorithm new values are written with, `aes-256-gcm` (default) or `sm4`.
   */
  fieldKeys: FieldKeyring;
  /**
   * GET /metrics (Prometheus): METRICS=off turns it off; METRICS_TOKEN lets a scraper in from anywhere
   * with `Authorization: Bearer <token>`; METRICS_ALLOW lists the addresses let in without it (default
   * 127.0.0.1,::1). A request forwarded by a proxy is never let in by address.
   */
  metrics: MetricsAccess & { enabled: boolean };
  /**
   * AUDIT_RETENTION_DAYS: sealed audit records older than this are archived to a signed file and
   * pruned by `pnpm audit:archive` (at least 180, as MLPS 2.0 asks; 0: kept for ever, the default).
   */
  auditRetentionDays: number;
  /** SHUTDOWN_TIMEOUT_MS: on SIGTERM the process ends within this, finished or not (busy connections are cut at three quarters of it). */
  shutdownTimeoutMs: number;
}

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * No tiles unless MAP_TILE_URL is set: the map draws the real district outlines the API serves, so it
 * works on a machine with no internet (and a government network rarely reaches a public tile server).
 */
function mapTilesConfig(env: NodeJS.ProcessEnv): Config['mapTiles'] {
  const url = (env.MAP_TILE_URL ?? '').trim();
  if (url !== '' && !/^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/.test(url) && !/^\/.*\{z\}.*\{x\}.*\{y\}/.test(url)) {
    throw new Error('MAP_TILE_URL must be an http(s) or /path address with {z}, {x} and {y}, or empty for no tiles');
  }
  return { url, attribution: env.MAP_TILE_ATTRIBUTION ?? '' };
}

function intEnv(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`expected a whole number, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const mode: Environment =
    env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(repoRoot, 'data'));
  const trust = env.TRUST_PROXY;
  return {
    env: mode,
    port: intEnv(env.PORT, 4000),
    databaseUrl: env.DATABASE_URL || `sqlite:${path.join(dataDir, 'kpd.sqlite')}`,
    dataDir,
    webDir: path.resolve(env.WEB_DIR ?? path.join(repoRoot, 'web', 'shell', 'dist')),
    webRemotesDir: path.resolve(env.WEB_REMOTES_DIR ?? path.join(repoRoot, 'web')),
    webRemotes: parseRemoteOverrides(env.WEB_REMOTES),
    mapTiles: mapTilesConfig(env),
    sessionTtlHours: intEnv(env.SESSION_TTL_HOURS, 12),
    sessionCacheSeconds: intEnv(env.SESSION_CACHE_SECONDS, 5),
    sessionIdleMinutes: intEnv(env.SESSION_IDLE_MINUTES, 30),
    lockout: { maxAttempts: intEnv(env.LOGIN_MAX_ATTEMPTS, 5), minutes: intEnv(env.LOGIN_LOCK_MINUTES, 15) },
    adminTotp: adminTotpConfig(env.ADMIN_TOTP, mode),
    passwordPolicy: {
      minLength: intEnv(env.PASSWORD_MIN_LENGTH, 10),
      minClasses: intEnv(env.PASSWORD_MIN_CLASSES, 3),
      history: intEnv(env.PASSWORD_HISTORY, 5),
      adminMaxAgeDays: intEnv(env.ADMIN_PASSWORD_MAX_AGE_DAYS, 90),
    },
    passwordCostN: intEnv(env.PASSWORD_COST_N, 16384),
    trustProxy: trust === undefined ? false : trust === 'true' ? true : /^\d+$/.test(trust) ? Number(trust) : trust,
    exposeSqlCount: env.EXPOSE_SQL_COUNT ? env.EXPOSE_SQL_COUNT === 'true' : mode !== 'production',
    limits: {
      maxDepth: intEnv(env.GRAPHQL_MAX_DEPTH, 12),
      maxAliases: intEnv(env.GRAPHQL_MAX_ALIASES, 30),
      maxCost: intEnv(env.GRAPHQL_MAX_COST, 20000),
      maxTokens: intEnv(env.GRAPHQL_MAX_TOKENS, 4000),
      maxVariableDepth: intEnv(env.GRAPHQL_MAX_VARIABLE_DEPTH, 8),
    },
    rateLimit: rateLimitConfig(env, intEnv(env.GRAPHQL_MAX_COST, 20000)),
    seedDemo: mode !== 'production' && env.SEED_DEMO !== 'false',
    logLevel: env.LOG_LEVEL ?? (mode === 'test' ? 'silent' : 'info'),
    storage: storageConfig(env),
    uploads: {
      maxBytes: intEnv(env.UPLOAD_MAX_BYTES, 10 * 1024 * 1024),
      timeoutMs: intEnv(env.UPLOAD_TIMEOUT_MS, 60_000),
      maxImagePixels: intEnv(env.UPLOAD_MAX_IMAGE_PIXELS, 40_000_000),
    },
    exports: { maxRows: intEnv(env.EXPORT_MAX_ROWS, 100_000), maxConcurrent: intEnv(env.EXPORT_MAX_CONCURRENT, 2) },
    openData: {
      publisher: env.OC4IDS_PUBLISHER?.trim() || '重点项目调度平台',
      license: env.OC4IDS_LICENSE?.trim() || 'https://creativecommons.org/licenses/by/4.0/',
      idPrefix: env.OC4IDS_ID_PREFIX?.trim() || 'oc4ids-kpd',
      uriBase: (env.OC4IDS_URI_BASE?.trim() || 'https://kpd.example.gov.cn/api/projects').replace(/\/+$/, ''),
    },
    shutdownTimeoutMs: intEnv(env.SHUTDOWN_TIMEOUT_MS, 20_000),
    fieldKeys: keyringFromEnv(env, mode === 'production'),
    metrics: { enabled: env.METRICS !== 'off', token: env.METRICS_TOKEN ?? '', allow: parseAllowList(env.METRICS_ALLOW) },
    auditRetentionDays: auditRetentionDays(env.AUDIT_RETENTION_DAYS),
    ...overrides,
  };
}

/**
 * Required in production unless set to `optional`. Elsewhere (the demo with its shared demo passwords, and the
 * test servers) optional unless set to `required`, so the README's start command can be tried without a phone.
 */
function adminTotpConfig(value: string | undefined, mode: Environment): Config['adminTotp'] {
  if (value === undefined || value === '') return mode === 'production' ? 'required' : 'optional';
  if (value !== 'required' && value !== 'optional') throw new Error(`ADMIN_TOTP must be required or optional, got "${value}"`);
  return value;
}

function auditRetentionDays(value: string | undefined): number {
  const days = intEnv(value, 0);
  if (days !== 0 && days < 180) throw new Error(`AUDIT_RETENTION_DAYS must be 0 (keep everything) or at least 180 (MLPS 2.0), got ${days}`);
  return days;
}

function rateLimitConfig(env: NodeJS.ProcessEnv, maxCost: number): RateLimitConfig {
  const pointsPerSecond = intEnv(env.RATE_LIMIT_POINTS_PER_SECOND, 1000);
  const burst = intEnv(env.RATE_LIMIT_BURST, Math.max(40_000, maxCost));
  if (pointsPerSecond > 0 && burst < maxCost) {
    throw new Error(`RATE_LIMIT_BURST (${burst}) must be at least GRAPHQL_MAX_COST (${maxCost}), or the largest allowed query could never run`);
  }
  return { pointsPerSecond, burst };
}

function storageConfig(env: NodeJS.ProcessEnv): Config['storage'] {
  if ((env.STORAGE ?? 'local') === 'local') return { kind: 'local' };
  if (env.STORAGE !== 's3') throw new Error('STORAGE must be local or s3');
  const need = (name: string) => {
    const v = env[name];
    if (!v) throw new Error(`STORAGE=s3 needs ${name}`);
    return v;
  };
  return {
    kind: 's3',
    s3: {
      endpoint: env.S3_ENDPOINT || undefined,
      region: env.S3_REGION ?? 'us-east-1',
      bucket: need('S3_BUCKET'),
      accessKeyId: need('S3_ACCESS_KEY_ID'),
      secretAccessKey: need('S3_SECRET_ACCESS_KEY'),
      forcePathStyle: env.S3_FORCE_PATH_STYLE !== 'false',
    },
  };
}

/** Shows a database URL without its password, for logs and start-up messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
