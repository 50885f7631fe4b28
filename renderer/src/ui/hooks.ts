import { useEffect, useState } from 'react';
import type { ProcedureOutput } from '../../../shared/api/contract.js';
import { useApi } from '../api/context.js';

export type Handler = ProcedureOutput<'staff.handlers'>[number];

/** `value`, once it has stopped changing for `ms` milliseconds (search boxes, live checks). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The active handlers, to filter and assign by; empty until loaded or when not allowed. */
export function useHandlers(enabled = true): Handler[] {
  const api = useApi();
  const [handlers, setHandlers] = useState<Handler[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void api.call('staff.handlers', {}).then((result) => {
      if (live && result.ok) setHandlers(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, enabled]);
  return handlers;
}
