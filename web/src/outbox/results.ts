import type { OutboxResult } from './outbox-types.js';

const STORAGE_KEY = 'seamless.outbox.results';
const KEEP = 20;

/** The latest final answers, newest first; small enough for localStorage (no photos). */
export function loadResults(): OutboxResult[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(value) ? (value as OutboxResult[]) : [];
  } catch {
    return [];
  }
}

export function addResult(result: OutboxResult): void {
  const results = [result, ...loadResults().filter((entry) => entry.key !== result.key)].slice(0, KEEP);
  localStorage.setItem(STORAGE_KEY, JSON.stringify(results));
}

export function dismissResult(key: string): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(loadResults().filter((entry) => entry.key !== key)));
}
