/** What the outbox sends: a report, a public report, or a follow-up message on a public report. */
export type OutboxKind = 'report' | 'public_report' | 'public_message';

/** One submission waiting to be sent; kept in IndexedDB until the server has answered for good. */
export interface OutboxItem {
  /** The Idempotency-Key: made once when the user pressed submit, reused by every retry. */
  key: string;
  kind: OutboxKind;
  path: string;
  body: unknown;
  /** A short text to recognise the item in the outbox list. */
  label: string;
  createdAt: string;
  attempts: number;
  /** Epoch milliseconds before which no retry is made. */
  nextAttemptAt: number;
  lastError?: string;
}

/** The live state of an item: stored items are `waiting` (offline or backing off) or `sending`. */
export type OutboxItemState = 'waiting' | 'sending';

/** The final answer for a submission, remembered (without photos) so the page can show it. */
export interface OutboxResult {
  key: string;
  kind: OutboxKind;
  label: string;
  at: string;
  ok: boolean;
  /** The 2xx body: `{ receiptNo, … }`. */
  response?: Record<string, unknown>;
  error?: { status: number; code: string; message: string };
}
