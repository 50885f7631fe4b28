import { useCallback, useState } from 'react';

/** What a dialog gets from the screen that opens it; it is kept mounted while it closes. */
export interface DialogControl<T = unknown> {
  open: boolean;
  onClose: () => void;
  /** After the dialog's work succeeded, with its result. */
  onDone: (result: T) => void;
}

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
  /** The dialog's props: done closes it, then runs `done`. */
  const control = <R>(done: (result: R) => void): DialogControl<R> => ({
    open: state?.open ?? false,
    onClose: close,
    onDone: (result) => {
      close();
      done(result);
    },
  });
  return { state, show, close, control };
}
