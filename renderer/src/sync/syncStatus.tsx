import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { contract, type ProcedureName, type ProcedureOutput } from '../../../shared/api/contract.js';
import type { ApiError } from '../../../shared/api/result.js';
import type { SyncStatus } from '../../../shared/sync/sync-schemas.js';
import { useApi } from '../api/context.js';

/** How often the status bar asks for the sync state. */
export const SYNC_POLL_MS = 30_000;
/** While the backend's own (periodic) run is going, the state is asked for more often. */
const RUNNING_POLL_MS = 2_000;
/** After a change elsewhere in the app, the waiting count is read again once things settle. */
const AFTER_CHANGE_MS = 500;

export type SyncOutcome = { ok: true; value: ProcedureOutput<'sync.run'> } | { ok: false; error: ApiError };

interface SyncState {
  /** null until first read (or when this account may not read it). */
  status: SyncStatus | null;
  /** A run started from this window is going. */
  runningHere: boolean;
  /** The result of the last "Nu synchroniseren" from this window. */
  outcome: SyncOutcome | null;
  clearOutcome(): void;
  refresh(): void;
  run(): Promise<SyncOutcome>;
}

const SyncContext = createContext<SyncState | null>(null);

/** Procedures that change data (and so may add to the outbox): after one, the waiting count is read again. */
function changesData(name: ProcedureName): boolean {
  return contract[name].audit === 'write' && name !== 'sync.run';
}

/**
 * The sync state for the status bar and the screens that change it: read on start, every 30 s,
 * when the window gets focus, shortly after any change the user makes, and after each run. Never
 * asked for while the app is locked (no session): that would only fill the log with refusals.
 */
export function SyncStatusProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [runningHere, setRunningHere] = useState(false);
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null);
  const live = useRef(true);
  const running = useRef<Promise<SyncOutcome> | null>(null);

  const refresh = useCallback(() => {
    if (!api.hasSession) return;
    void api.call('sync.status', {}).then((result) => {
      if (live.current && result.ok) setStatus(result.value);
    });
  }, [api]);

  useEffect(() => {
    live.current = true;
    refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') refresh();
    }, SYNC_POLL_MS);
    let pending: number | undefined;
    const soon = () => {
      window.clearTimeout(pending);
      pending = window.setTimeout(refresh, AFTER_CHANGE_MS);
    };
    const stopListening = api.onCallDone((name, ok) => {
      if (ok && changesData(name)) soon();
    });
    window.addEventListener('focus', refresh);
    return () => {
      live.current = false;
      window.clearInterval(timer);
      window.clearTimeout(pending);
      window.removeEventListener('focus', refresh);
      stopListening();
    };
  }, [api, refresh]);

  // A periodic run in the backend: follow it until it ends.
  const backendRunning = status?.running === true && !runningHere;
  useEffect(() => {
    if (!backendRunning) return;
    const timer = window.setTimeout(refresh, RUNNING_POLL_MS);
    return () => window.clearTimeout(timer);
  }, [backendRunning, status, refresh]);

  const run = useCallback((): Promise<SyncOutcome> => {
    if (running.current) return running.current;
    setRunningHere(true);
    setOutcome(null);
    const work = api.call('sync.run', {}).then((result): SyncOutcome => {
      const done: SyncOutcome = result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error };
      running.current = null;
      if (live.current) {
        setRunningHere(false);
        setOutcome(done);
        refresh();
      }
      return done;
    });
    running.current = work;
    return work;
  }, [api, refresh]);

  const clearOutcome = useCallback(() => setOutcome(null), []);
  const value = useMemo<SyncState>(
    () => ({ status, runningHere, outcome, clearOutcome, refresh, run }),
    [status, runningHere, outcome, clearOutcome, refresh, run],
  );
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}

export function useSyncStatus(): SyncState {
  const state = useContext(SyncContext);
  if (state === null) throw new Error('useSyncStatus() needs a <SyncStatusProvider> above it.');
  return state;
}
