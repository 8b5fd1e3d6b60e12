import { InvalidInputError } from '../core/errors.js';
import type { Config } from '../platform/config.js';

/** Deployment settings of CAP publication, read from the environment once at start. */
export interface CapPublisherSettings {
  /** CAP `sender`: who issues (no spaces, commas or ampersands). SEAMLESS_CAP_SENDER. */
  readonly sender: string;
  /** First part of every identifier. SEAMLESS_CAP_ID_PREFIX. */
  readonly identifierPrefix: string;
  /** CAP `senderName` per language. SEAMLESS_CAP_SENDER_NAME_ZH / _EN. */
  readonly senderName: { readonly zh: string; readonly en: string | null };
  /** Public base URL of this server, for links in the feed and in deliveries. SEAMLESS_PUBLIC_URL. */
  readonly publicUrl: string;
  /** IANA zone whose offset CAP times carry (never `Z`). */
  readonly timeZone: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads and checks the CAP settings, failing with the variable's name. The server's Config
 * gives the fallback public URL (host and port).
 */
export function loadCapPublisherSettings(config: Pick<Config, 'host' | 'port'>, env: Env = process.env): CapPublisherSettings {
  const sender = env.SEAMLESS_CAP_SENDER || 'seamless@localhost';
  // CAP 1.2 §3.2.1: sender must not include spaces, commas or restricted characters (< and &).
  if (/[\s,<&]/.test(sender)) throw InvalidInputError.forField('SEAMLESS_CAP_SENDER', 'must not contain spaces, commas, < or &');
  const prefix = env.SEAMLESS_CAP_ID_PREFIX || 'seamless';
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(prefix)) throw InvalidInputError.forField('SEAMLESS_CAP_ID_PREFIX', 'must be 1–40 letters, digits, ".", "_" or "-"');
  const publicUrl = (env.SEAMLESS_PUBLIC_URL || `http://${config.host}:${config.port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(publicUrl)) throw InvalidInputError.forField('SEAMLESS_PUBLIC_URL', 'must be an http(s) URL');
  return {
    sender,
    identifierPrefix: prefix,
    senderName: { zh: env.SEAMLESS_CAP_SENDER_NAME_ZH || '突发事件预警信息发布系统', en: env.SEAMLESS_CAP_SENDER_NAME_EN || 'Emergency Warning Service' },
    publicUrl,
    timeZone: 'Asia/Shanghai',
  };
}
