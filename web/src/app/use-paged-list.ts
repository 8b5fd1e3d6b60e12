import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types.js';

export interface PagedList<T> {
  items: T[] | undefined;
  error: unknown;
  isLoading: boolean;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/**
 * A keyset-paged list (`{ items, nextCursor }`): the first page loads whenever `deps` change,
 * further pages on demand. Answers for superseded `deps` are dropped.
 */
export function usePagedList<T>(loadPage: (cursor: string | null) => Promise<Page<T>>, deps: readonly unknown[]): PagedList<T> {
  const [items, setItems] = useState<T[]>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [isLoading, setIsLoading] = useState(false);
  const [generation, setGeneration] = useState(0);
  const request = useRef(0);
  const load = useRef(loadPage);
  load.current = loadPage;

  const fetchPage = useCallback((after: string | null) => {
    const id = ++request.current;
    setIsLoading(true);
    setError(undefined);
    load.current(after).then(
      (page) => {
        if (id !== request.current) return;
        setItems((before) => (after ? [...(before ?? []), ...page.items] : page.items));
        setCursor(page.nextCursor ?? null);
        setIsLoading(false);
      },
      (failure: unknown) => {
        if (id !== request.current) return;
        setError(failure);
        setIsLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    setItems(undefined);
    fetchPage(null);
  }, [...deps, generation]);

  return {
    items,
    error,
    isLoading,
    hasMore: cursor !== null,
    loadMore: () => cursor && fetchPage(cursor),
    reload: useCallback(() => setGeneration((value) => value + 1), []),
  };
}
