import { useCallback, useEffect, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  reload: () => void;
}

/**
 * Runs `load` whenever `deps` change and keeps the latest answer; answers to superseded
 * requests are dropped so a slow old request never overwrites a newer one.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [isLoading, setIsLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    setIsLoading(true);
    setError(undefined);
    load().then(
      (value) => {
        if (!isCurrent) return;
        setData(value);
        setIsLoading(false);
      },
      (failure: unknown) => {
        if (!isCurrent) return;
        setError(failure);
        setIsLoading(false);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, error, isLoading, reload };
}
