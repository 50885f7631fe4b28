import { Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ErrorBar } from './Notice.js';
import type { Loaded } from './useLoaded.js';

/** What is loaded, once it came; before that a spinner saying what loads; the load's error above it (the old value stays shown meanwhile). */
export function LoadedContent<T>({ loaded, loading, children }: { loaded: Loaded<T>; loading: string; children: (value: T) => ReactNode }) {
  return (
    <>
      {loaded.error ? <ErrorBar error={loaded.error} /> : null}
      {loaded.value !== null ? children(loaded.value) : loaded.error ? null : <Spinner size="tiny" label={loading} />}
    </>
  );
}
