import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-seamless-signature';
export const TIMESTAMP_HEADER = 'x-seamless-timestamp';
export const DELIVERY_HEADER = 'x-seamless-delivery';

/** `sha256=<hex>` of HMAC-SHA256 over the exact body bytes (the body carries the timestamp too). */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * What a receiver does: recompute the signature over the raw body, compare in constant time,
 * and refuse a timestamp older than `toleranceSeconds` (a replayed request). Also checks the
 * header timestamp equals the signed one, so it cannot be swapped.
 */
export function verifySignature(props: {
  secret: string;
  body: string;
  signatureHeader: string | undefined;
  timestampHeader: string | undefined;
  nowMs: number;
  toleranceSeconds?: number;
}): boolean {
  const expected = Buffer.from(signBody(props.secret, props.body));
  const given = Buffer.from(props.signatureHeader ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  const timestamp = Number(props.timestampHeader);
  if (!Number.isInteger(timestamp)) return false;
  let signedTimestamp: unknown;
  try {
    signedTimestamp = (JSON.parse(props.body) as { timestamp?: unknown }).timestamp;
  } catch {
    return false;
  }
  if (signedTimestamp !== timestamp) return false;
  return Math.abs(props.nowMs / 1000 - timestamp) <= (props.toleranceSeconds ?? 300);
}
