import { describe, expect, it } from 'vitest';
import type { OsNotification } from '../../shared/work/os-bridge.js';
import { createOsNotifier, NOTIFY_LIMIT_PER_MINUTE } from '../../main/work/os-notifier.js';

/** Electron's Notification cannot run here: a recording port stands in for it. */
function recordingPort(options: { supported?: boolean; fails?: boolean } = {}) {
  const shown: OsNotification[] = [];
  return {
    shown,
    port: {
      isSupported: () => options.supported ?? true,
      show: (n: OsNotification) => {
        if (options.fails) throw new Error('Windows zegt nee');
        shown.push(n);
      },
    },
  };
}

const LETTER = { title: 'AVG Desk', body: 'Besluit inzage (art. 15 AVG) (AVG-2026-0001) is ondertekend en kan worden verzonden.' };

describe('Windows notifications from the main process', () => {
  it('shows what the page asks, as given', () => {
    const { port, shown } = recordingPort();
    expect(createOsNotifier(port)(LETTER)).toBe(true);
    expect(shown).toEqual([LETTER]);
  });

  it('refuses a payload that is not a notification, without showing anything', () => {
    const { port, shown } = recordingPort();
    const notify = createOsNotifier(port);
    for (const payload of [
      null,
      'tekst',
      42,
      {},
      { title: 'AVG Desk' },
      { ...LETTER, icon: 'C:\\evil.ico' },
      { title: '', body: 'x' },
      { title: 'AVG Desk', body: 'x'.repeat(301) },
      { title: 7, body: 'x' },
    ]) {
      expect(notify(payload), JSON.stringify(payload)).toBe(false);
    }
    expect(shown).toEqual([]);
  });

  it(`shows at most ${NOTIFY_LIMIT_PER_MINUTE} a minute`, () => {
    const { port, shown } = recordingPort();
    let now = 1_000_000;
    const notify = createOsNotifier(port, () => now);
    for (let i = 0; i < NOTIFY_LIMIT_PER_MINUTE; i++) expect(notify(LETTER)).toBe(true);
    expect(notify(LETTER)).toBe(false);
    now += 59_000;
    expect(notify(LETTER)).toBe(false);
    now += 1_000;
    expect(notify(LETTER)).toBe(true);
    expect(shown).toHaveLength(NOTIFY_LIMIT_PER_MINUTE + 1);
  });

  it('answers false, and does not throw, where Windows cannot show it', () => {
    expect(createOsNotifier(recordingPort({ supported: false }).port)(LETTER)).toBe(false);
    expect(createOsNotifier(recordingPort({ fails: true }).port)(LETTER)).toBe(false);
  });
});
