import { resolve } from 'node:path';
import { InvalidInputError } from '../core/errors.js';

/** Everything the server reads from its environment, validated once at boot. */
export interface Config {
  /** `postgres://…` when set; otherwise SQLite under `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** Folder for the SQLite file and other local state. */
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  /** Secret for keyed hashes of personal data in the audit trail (HMAC-SHA256). */
  readonly auditKey: string;
  /** Session lifetime in hours. */
  readonly sessionHours: number;
  /** Failed log-ins per username (or per address) within the window before log-in is refused. */
  readonly loginMaxFailures: number;
  readonly loginWindowMinutes: number;
  /** Mark cookies Secure (behind HTTPS). */
  readonly secureCookies: boolean;
  /** A raster tile URL template for the web map; empty means no tiles (GeoJSON only). */
  readonly mapTileUrl: string;
  readonly logLevel: string;
  /** PostgreSQL schema for this deployment's tables (tests use one schema each). */
  readonly databaseSchema: string | undefined;
}

type Env = Readonly<Record<string, string | undefined>>;

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw InvalidInputError.forField(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw InvalidInputError.forField(name, `must be true or false, got "${raw}"`);
}

/**
 * Reads and validates the configuration, failing fast with a message that names the bad
 * variable. `overrides` are CLI flags, which win over the environment.
 */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const databaseUrl = overrides.databaseUrl ?? (env.DATABASE_URL || undefined);
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw InvalidInputError.forField('DATABASE_URL', 'must start with postgres:// (leave it unset for SQLite)');
  }
  const schema = overrides.databaseSchema ?? (env.SEAMLESS_DB_SCHEMA || undefined);
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw InvalidInputError.forField('SEAMLESS_DB_SCHEMA', 'must be a lower-case SQL identifier');
  }
  const auditKey = overrides.auditKey ?? env.SEAMLESS_AUDIT_KEY ?? 'seamless-development-audit-key';
  if (auditKey.length < 16) {
    throw InvalidInputError.forField('SEAMLESS_AUDIT_KEY', 'must be at least 16 characters');
  }
  return {
    databaseUrl,
    databaseSchema: schema,
    dataDir: resolve(overrides.dataDir ?? env.SEAMLESS_DATA ?? './var'),
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
    port: overrides.port ?? readInteger(env, 'PORT', 3000, 0, 65535),
    auditKey,
    sessionHours: overrides.sessionHours ?? readInteger(env, 'SEAMLESS_SESSION_HOURS', 12, 1, 24 * 90),
    loginMaxFailures: overrides.loginMaxFailures ?? readInteger(env, 'SEAMLESS_LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginWindowMinutes: overrides.loginWindowMinutes ?? readInteger(env, 'SEAMLESS_LOGIN_WINDOW_MINUTES', 15, 1, 1440),
    secureCookies: overrides.secureCookies ?? readBoolean(env, 'SEAMLESS_SECURE_COOKIES', false),
    mapTileUrl: overrides.mapTileUrl ?? env.SEAMLESS_MAP_TILE_URL ?? '',
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'info',
  };
}

/** A configuration for tests: SQLite in the given folder unless a database URL is passed. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig({}, { logLevel: 'silent', auditKey: 'test-audit-key-0123456789', ...overrides });
}
