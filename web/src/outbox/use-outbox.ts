import { useEffect, useSyncExternalStore } from 'react';
import { getSnapshot, startOutbox, subscribe, type OutboxSnapshot } from './outbox.js';

/** The outbox's items and recent final answers, re-rendering on every change. */
export function useOutbox(): OutboxSnapshot {
  useEffect(() => {
    void startOutbox();
  }, []);
  return useSyncExternalStore(subscribe, getSnapshot);
}
