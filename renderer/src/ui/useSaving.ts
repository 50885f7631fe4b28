import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Result } from '../../../shared/api/result.js';
import type { Notice } from './Notice.js';
import { useSubmission } from './useSubmission.js';

/** A form that saves through the backend: useSubmission's busy flag and error, plus the success line it shows after. */
export function useSaving() {
  const submission = useSubmission();
  const { submit } = submission;
  const [notice, setNotice] = useState<Notice | null>(null);
  const save = useCallback(
    async <T>(work: () => Promise<Result<T>>, saved: (value: T) => string): Promise<Result<T>> => {
      setNotice(null);
      const result = await submit(work);
      if (result.ok) setNotice({ intent: 'success', text: saved(result.value) });
      return result;
    },
    [submit],
  );
  return { ...submission, notice, setNotice, save };
}

/**
 * Asks once for what a form starts from and hands the answer to `fill`; returns the load's error.
 * `load` is asked again only when it changes (wrap it in useCallback); an answer after unmount is dropped.
 */
export function useFormLoad<T>(load: () => Promise<Result<T>>, fill: (value: T) => void): ApiError | null {
  const [error, setError] = useState<ApiError | null>(null);
  const fillRef = useRef(fill);
  fillRef.current = fill;
  useEffect(() => {
    let live = true;
    void load().then((result) => {
      if (!live) return;
      if (result.ok) fillRef.current(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [load]);
  return error;
}
