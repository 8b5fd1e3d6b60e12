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
  /** Notification channels (docs/notifications.md). */
  readonly notifications: NotificationSettings;
}

/** Channel settings of the notification service; a channel without its URL fails its deliveries as "not configured". */
export interface NotificationSettings {
  /** `smtp://user:pass@host:port` or `smtps://…` (SEAMLESS_SMTP_URL). */
  readonly smtpUrl: string | undefined;
  /** From address of alert e-mails (SEAMLESS_SMTP_FROM). */
  readonly smtpFrom: string;
  /** The SMS gateway's send URL (SEAMLESS_SMS_GATEWAY_URL). */
  readonly smsGatewayUrl: string | undefined;
  /** Authorization header value for the gateway (SEAMLESS_SMS_GATEWAY_AUTH). */
  readonly smsGatewayAuth: string | undefined;
  /** JSON body template with {{to}}, {{text}}, {{id}} (SEAMLESS_SMS_BODY_TEMPLATE). */
  readonly smsBodyTemplate: string | undefined;
  /** Sends per second per channel (SEAMLESS_EMAIL_RATE, SEAMLESS_SMS_RATE, SEAMLESS_WEBHOOK_RATE, SEAMLESS_IN_APP_RATE). */
  readonly rates: { readonly email: number; readonly sms: number; readonly webhook: number; readonly in_app: number };
  /** A send not done within this is aborted and retried (SEAMLESS_CHANNEL_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** First retry delay; doubles per attempt, with jitter (SEAMLESS_DELIVERY_RETRY_BASE_SECONDS). */
  readonly retryBaseSeconds: number;
  /** The server's public address, for links in e-mails and SMS (SEAMLESS_PUBLIC_URL). */
  readonly publicUrl: string;
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

function readUrl(env: Env, name: string, schemes: readonly string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let scheme: string;
  try {
    scheme = new URL(raw).protocol.replace(/:$/, '');
  } catch {
    throw InvalidInputError.forField(name, `"${raw}" is not a URL`);
  }
  if (!schemes.includes(scheme)) throw InvalidInputError.forField(name, `must start with ${schemes.map((s) => `${s}://`).join(' or ')}`);
  return raw;
}

function readNotificationSettings(env: Env): NotificationSettings {
  const template = env.SEAMLESS_SMS_BODY_TEMPLATE || undefined;
  if (template !== undefined && !template.includes('{{to}}')) {
    throw InvalidInputError.forField('SEAMLESS_SMS_BODY_TEMPLATE', 'must contain {{to}} (and usually {{text}})');
  }
  return {
    smtpUrl: readUrl(env, 'SEAMLESS_SMTP_URL', ['smtp', 'smtps']),
    smtpFrom: env.SEAMLESS_SMTP_FROM || 'Seamless <alerts@localhost>',
    smsGatewayUrl: readUrl(env, 'SEAMLESS_SMS_GATEWAY_URL', ['http', 'https']),
    smsGatewayAuth: env.SEAMLESS_SMS_GATEWAY_AUTH || undefined,
    smsBodyTemplate: template,
    rates: {
      email: readInteger(env, 'SEAMLESS_EMAIL_RATE', 20, 1, 100_000),
      sms: readInteger(env, 'SEAMLESS_SMS_RATE', 50, 1, 100_000),
      webhook: readInteger(env, 'SEAMLESS_WEBHOOK_RATE', 200, 1, 100_000),
      in_app: readInteger(env, 'SEAMLESS_IN_APP_RATE', 1000, 1, 100_000),
    },
    timeoutMs: readInteger(env, 'SEAMLESS_CHANNEL_TIMEOUT_MS', 10_000, 100, 600_000),
    retryBaseSeconds: readInteger(env, 'SEAMLESS_DELIVERY_RETRY_BASE_SECONDS', 30, 1, 86_400),
    publicUrl: (readUrl(env, 'SEAMLESS_PUBLIC_URL', ['http', 'https']) ?? 'http://localhost:3000').replace(/\/+$/, ''),
  };
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
    notifications: overrides.notifications ?? readNotificationSettings(env),
  };
}

/** A configuration for tests: SQLite in the given folder unless a database URL is passed. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig({}, { logLevel: 'silent', auditKey: 'test-audit-key-0123456789', ...overrides });
}
