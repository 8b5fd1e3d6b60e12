import { isApiError } from '../api/api-error.js';
import { request } from '../api/client.js';
import { deleteItem, loadItems, saveItem } from './outbox-db.js';
import type { OutboxItem, OutboxItemState, OutboxKind, OutboxResult } from './outbox-types.js';
import { addResult, loadResults } from './results.js';
import { reporterToken } from './reporter-token.js';

/**
 * The outbox: every submission from the field is saved here first (IndexedDB), then sent when
 * the browser is online, retried with back-off, and removed only after a 2xx or a final 4xx.
 * Each item carries the Idempotency-Key made when the user pressed submit; a retry always sends
 * the same key and body, so the server answers a retry with the first result and never stores a
 * submission twice.
 */

export interface OutboxSnapshot {
  items: (OutboxItem & { state: OutboxItemState })[];
  results: OutboxResult[];
  isOnline: boolean;
}

const MAX_DELAY_MS = 60_000;
const listeners = new Set<() => void>();
let items: OutboxItem[] = [];
let sending: string | undefined;
let snapshot: OutboxSnapshot = { items: [], results: [], isOnline: true };
let timer: number | undefined;
let flushing: Promise<void> | undefined;
let started: Promise<void> | undefined;

function isOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

function publish(): void {
  snapshot = {
    items: items.map((item) => ({ ...item, state: item.key === sending ? 'sending' : 'waiting' })),
    results: loadResults(),
    isOnline: isOnline(),
  };
  for (const listener of listeners) listener();
}

/** Network failures, timeouts, throttling, server errors and a lost session are worth retrying. */
export function isRetryable(status: number): boolean {
  return status === 0 || status === 401 || status === 408 || status === 425 || status === 429 || status >= 500;
}

/** 1 s, 2 s, 4 s … up to a minute, ±20 % so many devices coming back online do not all retry at once. */
export function backOffMs(attempts: number, random = Math.random()): number {
  const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random));
}

function headersFor(item: OutboxItem): Record<string, string> {
  const headers: Record<string, string> = { 'Idempotency-Key': item.key };
  const token = item.kind === 'public_report' ? reporterToken() : undefined;
  if (token) headers['X-Reporter-Token'] = token;
  return headers;
}

async function finish(item: OutboxItem, result: Omit<OutboxResult, 'key' | 'kind' | 'label' | 'at'>): Promise<void> {
  addResult({ key: item.key, kind: item.kind, label: item.label, at: new Date().toISOString(), ...result });
  await deleteItem(item.key);
  items = items.filter((entry) => entry.key !== item.key);
}

async function sendOne(item: OutboxItem): Promise<void> {
  sending = item.key;
  publish();
  try {
    const response = await request<Record<string, unknown>>('POST', item.path, item.body, {
      headers: headersFor(item),
      noCsrf: item.kind !== 'report',
    });
    await finish(item, { ok: true, response: response ?? {} });
  } catch (failure) {
    const status = isApiError(failure) ? failure.status : 0;
    const code = isApiError(failure) ? failure.code : 'network_error';
    const message = failure instanceof Error ? failure.message : String(failure);
    if (isRetryable(status)) {
      const updated: OutboxItem = {
        ...item,
        attempts: item.attempts + 1,
        nextAttemptAt: Date.now() + backOffMs(item.attempts + 1),
        lastError: code,
      };
      items = items.map((entry) => (entry.key === item.key ? updated : entry));
      await saveItem(updated);
    } else {
      await finish(item, { ok: false, error: { status, code, message } });
    }
  } finally {
    sending = undefined;
    publish();
  }
}

function schedule(): void {
  window.clearTimeout(timer);
  if (items.length === 0) return;
  const next = Math.min(...items.map((item) => item.nextAttemptAt));
  timer = window.setTimeout(() => void flush(), Math.max(250, next - Date.now()));
}

/** Sends every item that is due, one at a time, in the order they were made. */
export function flush(options: { force?: boolean } = {}): Promise<void> {
  if (flushing) return flushing;
  const run = async () => {
    for (const item of [...items]) {
      if (!isOnline()) break;
      if (!options.force && item.nextAttemptAt > Date.now()) continue;
      await sendOne(item);
    }
  };
  // `.finally` runs after the assignment even when `run` finishes without waiting.
  flushing = run().finally(() => {
    flushing = undefined;
    schedule();
  });
  return flushing;
}

/** Loads the stored items once per page and starts listening for the network. */
export function startOutbox(): Promise<void> {
  started ??= (async () => {
    try {
      items = await loadItems();
    } catch (failure) {
      console.warn('outbox: cannot read stored items', failure);
    }
    window.addEventListener('online', () => {
      publish();
      void flush({ force: true });
    });
    window.addEventListener('offline', publish);
    // Another tab may have sent or queued items: reload them when this one becomes visible again.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState !== 'visible' || flushing) return;
      loadItems().then(
        (stored) => {
          items = stored;
          publish();
          void flush();
        },
        () => undefined,
      );
    });
    publish();
    void flush({ force: true });
  })();
  return started;
}

/**
 * Queues a submission: makes its Idempotency-Key, stores it durably, then tries to send it.
 * Resolves with the key once the item is stored (not when it is sent).
 */
export async function enqueue(kind: OutboxKind, path: string, body: unknown, label: string): Promise<string> {
  await startOutbox();
  const item: OutboxItem = {
    key: crypto.randomUUID(),
    kind,
    path,
    body,
    label,
    createdAt: new Date().toISOString(),
    attempts: 0,
    nextAttemptAt: 0,
  };
  await saveItem(item);
  items = [...items, item];
  publish();
  void flush({ force: true });
  return item.key;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSnapshot(): OutboxSnapshot {
  return snapshot;
}

/** Forgets a stored final answer (the user has read it) and tells the subscribers. */
export function refresh(): void {
  publish();
}
