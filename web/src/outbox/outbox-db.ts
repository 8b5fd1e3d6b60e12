/**
 * Durable storage of the outbox: one IndexedDB object store keyed by the idempotency key. Photos
 * make items too large for localStorage (3 × 2 MiB in base64), so IndexedDB it is; when it cannot
 * open (private modes of some browsers) the items live in memory for the page's lifetime.
 */
import type { OutboxItem } from './outbox-types.js';

const DB_NAME = 'seamless-outbox';
const STORE = 'items';

let opening: Promise<IDBDatabase | null> | undefined;
const memory = new Map<string, OutboxItem>();

function open(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
  return opening;
}

function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        if (!db) return reject(new Error('no IndexedDB'));
        const transaction = db.transaction(STORE, mode);
        const request = work(transaction.objectStore(STORE));
        // Resolve once the transaction is committed, not merely when the request succeeded.
        transaction.oncomplete = () => resolve(request.result);
        transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
        transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
      }),
  );
}

export async function saveItem(item: OutboxItem): Promise<void> {
  if (!(await open())) {
    memory.set(item.key, item);
    return;
  }
  await run('readwrite', (store) => store.put(item));
}

export async function deleteItem(key: string): Promise<void> {
  if (!(await open())) {
    memory.delete(key);
    return;
  }
  await run('readwrite', (store) => store.delete(key));
}

export async function loadItems(): Promise<OutboxItem[]> {
  const items = (await open()) ? await run<OutboxItem[]>('readonly', (store) => store.getAll() as IDBRequest<OutboxItem[]>) : [...memory.values()];
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
