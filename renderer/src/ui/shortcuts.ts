import { useEffect, useRef } from 'react';

/**
 * The app's keyboard shortcuts, as Windows users know them: Ctrl+N for a new request, Ctrl+S to
 * save what is being edited, Alt+Page Down/Up for the next or previous tab, Ctrl+Enter to sign.
 * `label` is how the key is written on a Dutch keyboard and in the tooltips.
 */
export const SHORTCUTS = {
  newRequest: { key: 'n', ctrl: true, alt: false, label: 'Ctrl+N', aria: 'Control+N' },
  save: { key: 's', ctrl: true, alt: false, label: 'Ctrl+S', aria: 'Control+S' },
  nextTab: { key: 'pagedown', ctrl: false, alt: true, label: 'Alt+Page Down', aria: 'Alt+PageDown' },
  previousTab: { key: 'pageup', ctrl: false, alt: true, label: 'Alt+Page Up', aria: 'Alt+PageUp' },
  sign: { key: 'enter', ctrl: true, alt: false, label: 'Ctrl+Enter', aria: 'Control+Enter' },
} as const;

export type Shortcut = (typeof SHORTCUTS)[keyof typeof SHORTCUTS];

/** A button's tooltip: its name and its key, e.g. "Tekst opslaan (Ctrl+S)". */
export function withKey(label: string, shortcut: Shortcut): string {
  return `${label} (${shortcut.label})`;
}

/** The attributes that show and announce a button's shortcut. */
export function shortcutProps(label: string, shortcut: Shortcut): { title: string; 'aria-keyshortcuts': string } {
  return { title: withKey(label, shortcut), 'aria-keyshortcuts': shortcut.aria };
}

export function matches(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, shortcut: Shortcut): boolean {
  return event.key.toLowerCase() === shortcut.key && (event.ctrlKey || event.metaKey) === shortcut.ctrl && event.altKey === shortcut.alt && !event.shiftKey;
}

/**
 * Runs `action` on the shortcut while the component is mounted and `action` is not null. A key is
 * handled once: the part that takes it marks it, and any other part with the same shortcut leaves it.
 */
export function useShortcut(shortcut: Shortcut, action: (() => void) | null): void {
  const latest = useRef(action);
  latest.current = action;
  const active = action !== null;
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !matches(event, shortcut)) return;
      const run = latest.current;
      if (!run) return;
      // The browser's own meaning (save the page, open a window) is not what the user wants here.
      event.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, shortcut]);
}
