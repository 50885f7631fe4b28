import { useCallback, useState } from 'react';

export interface DialogState<T> {
  /** What the dialog is opened for (the row it edits, or `true`). */
  value: T;
  open: boolean;
  /** A new key per opening, so each opening starts with empty fields. */
  shown: number;
}

/**
 * A dialog that stays mounted while it closes, so Fluent animates it out and gives focus back
 * to where it was; `state` is null until it was opened once.
 */
export function useDialog<T = true>() {
  const [state, setState] = useState<DialogState<T> | null>(null);
  const show = useCallback((value: T) => setState((previous) => ({ value, open: true, shown: (previous?.shown ?? 0) + 1 })), []);
  const close = useCallback(() => setState((previous) => (previous ? { ...previous, open: false } : null)), []);
  return { state, show, close };
}
