import type { Authentication } from '../platform/http/request-context.js';

/**
 * A short-lived cache of token → authentication, so that a burst of requests does not look up
 * the same token and grants every time. Any change to users, grants or tokens in this process
 * clears it; other processes see the change within TTL_MS.
 */
const TTL_MS = 2000;
const MAX_ENTRIES = 10_000;
const entries = new Map<string, { value: Authentication; expires: number }>();

export function cachedAuthentication(tokenHash: string, nowMs: number): Authentication | undefined {
  const entry = entries.get(tokenHash);
  if (entry === undefined) return undefined;
  if (entry.expires <= nowMs) {
    entries.delete(tokenHash);
    return undefined;
  }
  return entry.value;
}

export function rememberAuthentication(tokenHash: string, value: Authentication, nowMs: number): void {
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(tokenHash, { value, expires: nowMs + TTL_MS });
}

export function invalidateActorCache(): void {
  entries.clear();
}
