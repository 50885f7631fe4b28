import { useCallback, useState } from 'react';
import type { ApiError, Result } from '../../../shared/api/result.js';

/** Busy flag and last error of a form that calls the backend. */
export function useSubmission() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = useCallback(async <T>(work: () => Promise<Result<T>>): Promise<Result<T>> => {
    setBusy(true);
    setError(null);
    try {
      const result = await work();
      if (!result.ok) setError(result.error);
      return result;
    } finally {
      setBusy(false);
    }
  }, []);

  return { busy, error, setError, submit };
}
