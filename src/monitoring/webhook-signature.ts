import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How far a delivery's timestamp may be from our clock before it counts as a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export const SIGNATURE_HEADER = 'x-seamless-signature';
export const TIMESTAMP_HEADER = 'x-seamless-timestamp';

/** A new webhook secret, shown to its creator once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function sealingKey(auditKey: string): Buffer {
  // A key of its own, derived from the deployment secret, so the database alone never reveals it.
  return createHmac('sha256', auditKey).update('seamless/monitoring/webhook-secret/v1').digest();
}

/**
 * Encrypts a webhook secret for storage (AES-256-GCM). Verifying an HMAC needs the secret
 * itself, so it cannot be stored as a hash; changing SEAMLESS_AUDIT_KEY means rotating secrets.
 */
export function sealSecret(secret: string, auditKey: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(auditKey), iv);
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

/** The secret, or undefined when it cannot be opened (other key, damaged value). */
export function openSecret(sealed: string, auditKey: string): string | undefined {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || iv === undefined || tag === undefined || data === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(auditKey), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * The signature a sender puts in X-Seamless-Signature: "sha256=" + hex HMAC-SHA256, keyed by the
 * source's secret, of "<timestamp>.<raw body>". The timestamp is signed too, or anyone who saw
 * one delivery could replay it later under a fresh timestamp.
 */
export function signDelivery(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

export type SignatureVerdict = 'ok' | 'missing' | 'stale' | 'mismatch';

/** Checks a delivery's headers against the secret and our clock, in constant time. */
export function verifyDelivery(props: {
  secret: string;
  rawBody: Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
  now: Date;
}): SignatureVerdict {
  const { signature, timestamp } = props;
  if (signature === undefined || timestamp === undefined) return 'missing';
  if (!/^\d{1,12}$/.test(timestamp)) return 'stale';
  const skew = Math.abs(props.now.getTime() / 1000 - Number(timestamp));
  if (skew > WEBHOOK_TOLERANCE_SECONDS) return 'stale';
  const expected = Buffer.from(signDelivery(props.secret, timestamp, props.rawBody));
  const given = Buffer.from(signature.trim().toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'mismatch';
}
