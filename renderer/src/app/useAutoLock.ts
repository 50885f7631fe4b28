import { useEffect } from 'react';
import type { ApiClient } from '../api/client.js';

/** How often the idle time is checked; the lock comes at most this much after the set minutes. */
export const IDLE_CHECK_MS = 15_000;
/** With input but no call for this long, the backend is told the session is in use. */
const KEEP_ALIVE_MS = 60_000;
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Auto-lock in the renderer, the same in the desktop app and browser mode: after the session's
 * idle time (the admin's auto-lock setting) without keyboard or mouse input the app locks. While
 * the user works without calling the backend (typing a long text), a light call now and then keeps
 * the backend's session alive and picks up a changed setting. In the desktop app the main process
 * also locks on the OS lock screen and on sleep.
 */
export function useAutoLock(api: ApiClient): void {
  useEffect(() => {
    let lastInputAt = Date.now();
    const onInput = () => {
      lastInputAt = Date.now();
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { passive: true, capture: true });

    const timer = window.setInterval(() => {
      const limit = api.idleTimeoutSeconds;
      if (limit === null) return;
      const now = Date.now();
      if (now - lastInputAt >= limit * 1000) {
        void api.lock();
        return;
      }
      const sinceCall = api.millisecondsSinceLastCall;
      if (now - lastInputAt < sinceCall && sinceCall >= KEEP_ALIVE_MS) {
        void api.call('settings.getAutoLock', {}).then((result) => {
          if (result.ok) api.setIdleTimeout(result.value.minutes * 60);
        });
      }
    }, IDLE_CHECK_MS);

    const stopDesktop = window.avgDeskEvents?.onLock(() => {
      // The main process has locked the backend already; only the screen follows.
      api.endSession({ code: 'SESSION_LOCKED', message: '' });
    });

    return () => {
      window.clearInterval(timer);
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
      stopDesktop?.();
    };
  }, [api]);
}
