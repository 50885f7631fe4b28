import { useCallback, useEffect, useState } from 'react';
import type { ApiError, Result } from '../../../shared/api/result.js';

export interface Loaded<T> {
  /** null until the first answer came. */
  value: T | null;
  /** The last load's error; cleared by the next load that works (the old value stays shown meanwhile). */
  error: ApiError | null;
  reload: () => Promise<void>;
}

/** Loads on mount and whenever `load` changes (wrap it in useCallback); `reload` asks again. */
export function useLoaded<T>(load: () => Promise<Result<T>>): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(async () => {
    const result = await load();
    if (result.ok) {
      setValue(result.value);
      setError(null);
    } else setError(result.error);
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, reload };
}
