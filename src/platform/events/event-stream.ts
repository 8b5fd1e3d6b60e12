import type { ServerResponse } from 'node:http';
import { hasRoleOver, type Actor } from '../../core/actor.js';
import type { Logger } from '../logging.js';
import type { StoredEvent } from './event.js';
import type { EventRelay } from './relay.js';
import { formatSseComment, formatSseEvent, formatSsePreamble } from './sse.js';

export interface EventStreamOptions {
  readonly raw: ServerResponse;
  readonly actor: Actor;
  readonly relay: EventRelay;
  /** Send events with `seq` greater than this (the client's Last-Event-ID, or "now"). */
  readonly afterSeq: number;
  readonly log: Logger;
  readonly heartbeatMs: number;
  readonly replayBatch: number;
  /** A client this far behind (bytes queued in the socket) is cut off; it resumes on reconnect. */
  readonly maxBufferedBytes: number;
  readonly retryMs: number;
}

export interface EventStream {
  /** Resolves when the stream has ended, for whatever reason. */
  readonly ended: Promise<void>;
  close(): void;
}

/**
 * True when the actor may see the event: a grant over its jurisdiction, or a system actor. An
 * event addressed to one user (`payload.recipientUserId`, e.g. an inbox notice) goes to that
 * user alone, whatever the scope of the others.
 */
export function mayReceive(actor: Actor, event: StoredEvent): boolean {
  const recipient = event.payload['recipientUserId'];
  if (typeof recipient === 'string') return actor.kind === 'system' || actor.id === recipient;
  return hasRoleOver(actor, event.jurisdictionPath);
}

/**
 * One client's stream: replay of what it missed from the table, then live events from the
 * relay. It subscribes before it replays and buffers what arrives meanwhile; `position` (the
 * highest seq handled, in scope or not) drops whatever both paths produce, so the boundary has
 * neither gaps nor duplicates. The response headers must already be written.
 */
export function runEventStream(options: EventStreamOptions): EventStream {
  const { raw, actor, relay, log } = options;
  let position = options.afterSeq;
  let live = false;
  let closed = false;
  const pending: StoredEvent[] = [];
  let heartbeat: NodeJS.Timeout | undefined;
  let resolveEnded: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => {
    resolveEnded = resolve;
  });

  function close(): void {
    if (closed) return;
    closed = true;
    unsubscribe();
    if (heartbeat !== undefined) clearInterval(heartbeat);
    pending.length = 0;
    // An event stream's connection is never reused: drop it, or an HTTP client may keep it as
    // idle keep-alive and hold up the server's shutdown.
    if (raw.writableEnded) raw.destroy();
    else raw.end(() => raw.destroy());
    resolveEnded();
  }

  function write(text: string): void {
    if (closed) return;
    raw.write(text);
    if (raw.writableLength > options.maxBufferedBytes) {
      log.warn({ actor: actor.id, buffered: raw.writableLength }, 'event stream client too slow; closing it');
      // Nothing more will flush to it: cut it off; it resumes from its Last-Event-ID.
      raw.destroy();
      close();
    }
  }

  function send(event: StoredEvent): void {
    if (event.seq <= position) return;
    position = event.seq;
    if (mayReceive(actor, event)) write(formatSseEvent(event));
  }

  const unsubscribe = relay.subscribe((event) => {
    if (closed) return;
    if (live) send(event);
    else pending.push(event);
  });
  raw.on('close', close);
  raw.on('error', close);

  async function replayThenGoLive(): Promise<void> {
    write(formatSsePreamble(position, options.retryMs));
    for (;;) {
      const batch = await relay.readSince(position, options.replayBatch);
      if (closed) return;
      for (const event of batch) send(event);
      if (batch.length < options.replayBatch) break;
    }
    for (const event of pending) send(event);
    pending.length = 0;
    live = true;
    heartbeat = setInterval(() => write(formatSseComment('heartbeat')), options.heartbeatMs);
    heartbeat.unref();
  }

  replayThenGoLive().catch((error: unknown) => {
    log.error({ err: error }, 'event stream replay failed');
    close();
  });

  return { ended, close };
}
