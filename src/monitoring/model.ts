import { InvalidInputError } from '../core/errors.js';

/** Kinds of monitoring source: polled feeds, and pushed uploads and webhooks. */
export const SOURCE_KINDS = ['rss', 'atom', 'cap', 'upload', 'webhook'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Kinds the poller fetches from a URL. */
export const POLLED_KINDS: readonly SourceKind[] = ['rss', 'atom', 'cap'];

/** unknown: never fetched or delivered; failing: 1–2 failures in a row; unhealthy: 3 or more. */
export const SOURCE_HEALTH = ['unknown', 'healthy', 'failing', 'unhealthy'] as const;
export type SourceHealth = (typeof SOURCE_HEALTH)[number];

export const LIMITS = {
  nameMax: 200,
  urlMax: 2000,
  languageMax: 35,
  pollSecondsMin: 10,
  pollSecondsMax: 86_400,
  pollSecondsDefault: 300,
  /** Back-off never waits longer than this. */
  backoffMaxSeconds: 3600,
  /** Failures in a row after which a source is unhealthy rather than failing. */
  unhealthyAfter: 3,
  externalIdMax: 500,
  titleMax: 1000,
  bodyMax: 20_000,
  placeMax: 500,
  lastErrorMax: 1000,
  /** Items in one upload or webhook delivery. */
  batchMax: 5000,
} as const;

export function isSourceKind(value: string): value is SourceKind {
  return (SOURCE_KINDS as readonly string[]).includes(value);
}

export function isPolledKind(kind: SourceKind): boolean {
  return POLLED_KINDS.includes(kind);
}

/** A monitoring source as the room sees it (the webhook secret stays in the store). */
export interface Source {
  readonly id: string;
  readonly kind: SourceKind;
  readonly name: string;
  readonly url: string | null;
  readonly jurisdictionCode: string;
  readonly jurisdictionPath: string;
  readonly jurisdictionName: string;
  /** Language of its items when they do not say (BCP 47, e.g. "zh-CN"). */
  readonly language: string | null;
  readonly pollSeconds: number | null;
  readonly enabled: boolean;
  readonly health: SourceHealth;
  readonly consecutiveFailures: number;
  readonly lastPolledAt: string | null;
  readonly lastSuccessAt: string | null;
  readonly lastError: string | null;
  readonly nextPollAt: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly itemsTotal: number;
  readonly hasWebhookSecret: boolean;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What a creator or editor supplies; checked by `validateSource`. */
export interface SourceDraft {
  readonly kind: SourceKind;
  readonly name: string;
  readonly url?: string | null | undefined;
  readonly jurisdictionCode: string;
  readonly language?: string | null | undefined;
  readonly pollSeconds?: number | null | undefined;
  readonly enabled?: boolean | undefined;
}

export interface SourceFields {
  readonly kind: SourceKind;
  readonly name: string;
  readonly url: string | null;
  readonly jurisdictionCode: string;
  readonly language: string | null;
  readonly pollSeconds: number | null;
  readonly enabled: boolean;
}

const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** Checks a draft's invariants: polled kinds need an http(s) URL and an interval; pushed kinds have neither. */
export function validateSource(draft: SourceDraft): SourceFields {
  const name = draft.name.trim();
  if (name === '') throw InvalidInputError.forField('name', 'must not be empty');
  if (name.length > LIMITS.nameMax) throw InvalidInputError.forField('name', `must be at most ${LIMITS.nameMax} characters`);
  const language = draft.language?.trim() || null;
  if (language !== null && !LANGUAGE.test(language)) throw InvalidInputError.forField('language', `"${language}" is not a language tag such as zh-CN or en`);
  const polled = isPolledKind(draft.kind);
  let url: string | null = draft.url?.trim() || null;
  let pollSeconds: number | null = draft.pollSeconds ?? null;
  if (polled) {
    if (url === null) throw InvalidInputError.forField('url', `is required for a ${draft.kind} source`);
    url = checkFeedUrl(url);
    pollSeconds ??= LIMITS.pollSecondsDefault;
    if (!Number.isInteger(pollSeconds) || pollSeconds < LIMITS.pollSecondsMin || pollSeconds > LIMITS.pollSecondsMax) {
      throw InvalidInputError.forField('pollSeconds', `must be a whole number from ${LIMITS.pollSecondsMin} to ${LIMITS.pollSecondsMax}`);
    }
  } else {
    if (url !== null) throw InvalidInputError.forField('url', `${draft.kind} sources are pushed to Seamless and have no URL`);
    if (pollSeconds !== null) throw InvalidInputError.forField('pollSeconds', `${draft.kind} sources are not polled`);
  }
  return { kind: draft.kind, name, url, jurisdictionCode: draft.jurisdictionCode, language, pollSeconds, enabled: draft.enabled ?? true };
}

function checkFeedUrl(text: string): string {
  if (text.length > LIMITS.urlMax) throw InvalidInputError.forField('url', `must be at most ${LIMITS.urlMax} characters`);
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw InvalidInputError.forField('url', `"${text}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw InvalidInputError.forField('url', 'must be http or https');
  if (parsed.username !== '' || parsed.password !== '') throw InvalidInputError.forField('url', 'must not carry a user name or password');
  return parsed.toString();
}

/** What the poller learned from one fetch, in the form the health rules need. */
export interface PollState {
  readonly pollSeconds: number;
  readonly consecutiveFailures: number;
}

export interface HealthChange {
  readonly health: SourceHealth;
  readonly consecutiveFailures: number;
  readonly nextPollAt: string;
  readonly lastError: string | null;
}

/** After a successful fetch (new items or 304): healthy, polled again after its interval. */
export function afterSuccess(state: PollState, now: Date): HealthChange {
  return { health: 'healthy', consecutiveFailures: 0, nextPollAt: addSeconds(now, state.pollSeconds), lastError: null };
}

/**
 * After a failed fetch (HTTP error, timeout, garbage): failing at once, unhealthy from the third
 * failure in a row; the next try waits poll_seconds × 2^failures, at most an hour.
 */
export function afterFailure(state: PollState, now: Date, error: string): HealthChange {
  const failures = state.consecutiveFailures + 1;
  return {
    health: failures >= LIMITS.unhealthyAfter ? 'unhealthy' : 'failing',
    consecutiveFailures: failures,
    nextPollAt: addSeconds(now, backoffSeconds(state.pollSeconds, failures)),
    lastError: error.slice(0, LIMITS.lastErrorMax),
  };
}

/** poll_seconds × 2^failures, capped at an hour (and never below the interval itself). */
export function backoffSeconds(pollSeconds: number, failures: number): number {
  return Math.min(LIMITS.backoffMaxSeconds, Math.max(pollSeconds, pollSeconds * 2 ** Math.min(failures, 20)));
}

function addSeconds(at: Date, seconds: number): string {
  return new Date(at.getTime() + seconds * 1000).toISOString();
}

/** The audited form of a source (no secret). */
export function sourceSnapshot(fields: SourceFields): Record<string, unknown> {
  return { ...fields };
}

export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
