import type { StoredEvent } from './event.js';

/**
 * Server-sent events framing (WHATWG HTML §9.2). JSON.stringify never emits a raw line break,
 * so one `data:` line carries the whole body.
 */
export function formatSseEvent(event: StoredEvent): string {
  const body = {
    id: event.id,
    seq: event.seq,
    type: event.type,
    createdAt: event.createdAt,
    payload: event.payload,
  };
  return `id: ${event.seq}\nevent: ${oneLine(event.type)}\ndata: ${JSON.stringify(body)}\n\n`;
}

/** A comment line: ignored by EventSource, keeps proxies from closing an idle stream. */
export function formatSseComment(text: string): string {
  return `: ${oneLine(text)}\n\n`;
}

/**
 * The stream's opening: the reconnect delay, and the position the stream starts from as the
 * last event id, so that a client that sees no event before a reconnect still resumes there.
 */
export function formatSsePreamble(startSeq: number, retryMs: number): string {
  return `retry: ${retryMs}\nid: ${startSeq}\n\n`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/**
 * The sequence number a client resumes after: the `Last-Event-ID` header (sent by EventSource on
 * reconnect) or the `lastEventId` query parameter (for clients that cannot set headers).
 * Undefined when neither is given or the value is not a sequence number.
 */
export function parseLastEventId(header: string | string[] | undefined, query: string | undefined): number | undefined {
  const raw = (Array.isArray(header) ? header[0] : header) ?? query;
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (!/^\d{1,15}$/.test(text)) return undefined;
  return Number(text);
}
