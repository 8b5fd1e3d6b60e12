import { useEffect, useRef } from 'react';

/**
 * Event types of the live stream the pages react to. Server-sent events are named by type and
 * EventSource has no wildcard, so each name is listed; kept in step with the `emit({ type })`
 * calls in src/intake, src/signals (processor.ts, triage.ts) and src/incidents (service.ts).
 */
export const SIGNAL_EVENTS = [
  'report.received',
  'report.status_changed',
  'signal_cluster.opened',
  'signal_cluster.grew',
  'signal_cluster.updated',
] as const;
export const INCIDENT_EVENTS = ['incident.opened', 'incident.updated', 'incident.status_changed'] as const;

/**
 * Listens to `/api/v1/stream` (EventSource sends the session cookie) and calls `onEvent` for the
 * given types, at most once per `throttleMs` so a burst of events makes one refetch. EventSource
 * reconnects by itself and resumes after the last event it saw.
 */
export function useLiveEvents(types: readonly string[], onEvent: (type: string) => void, throttleMs = 500): void {
  const callback = useRef(onEvent);
  callback.current = onEvent;

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/stream', { withCredentials: true });
    let timer: number | undefined;
    let lastType = '';
    const fire = () => {
      timer = undefined;
      callback.current(lastType);
    };
    const listener = (event: MessageEvent) => {
      lastType = event.type;
      timer ??= window.setTimeout(fire, throttleMs);
    };
    for (const type of types) source.addEventListener(type, listener);
    return () => {
      window.clearTimeout(timer);
      source.close();
    };
  }, [types.join(' '), throttleMs]);
}
