import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiTransport } from '../../shared/api/client.js';
import { ApiClient } from '../../renderer/src/api/client.js';
import { LetterWatch, SELF_REFRESH_MS } from '../../renderer/src/letters/letterWatch.js';
import { STRONG_PASSWORD, value } from '../support/basics.js';
import { letterTeam } from '../support/letter-team.js';

/**
 * An open Brieven tab polls the case's letters. It asks the unaudited, passive `letter.stamp`
 * (renderer/src/letters/letterWatch.ts, as the tab does), so an hour of polling writes no
 * "Brieven ingezien" events and does not keep the session from ending; it reads the letters again
 * only when the stamp moved, and the stamp shows nothing of letters the caller may not read.
 */
let cleanup: () => void = () => {};
afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

const IDLE_SECONDS = 600;
const HOUR_MS = 3600_000;

async function desk() {
  const d = await letterTeam((c) => (cleanup = c), { idleTimeoutSeconds: IDLE_SECONDS });
  const caseId = await d.register(d.requester);
  const letterId = value(await d.call('letter.draft', { caseId, kind: 'ontvangstbevestiging' }, d.h1.token)).id;
  // The renderer's client over the dispatcher, the backend's clock following the (fake) time of the page.
  const asked: string[] = [];
  const client = async (token: string) => {
    const staff = value(await d.call('session.me', {}, token));
    const transport: ApiTransport = {
      call: (name, input, t) => {
        asked.push(name);
        d.clock.set(new Date(Date.now()));
        return d.call(name, input, t) as never;
      },
    };
    const api = new ApiClient(transport);
    api.begin({ token, idleTimeoutSeconds: IDLE_SECONDS, staff });
    return api;
  };
  return { ...d, handler: d.h1, other: d.h2, caseId, letterId, client, asked };
}

const stampOf = async (d: Awaited<ReturnType<typeof desk>>, token: string) => value(await d.call('letter.stamp', { caseId: d.caseId }, token)).stamp;

describe('an open Brieven tab polls a change stamp', () => {
  it('an hour of polling writes no "ingezien" event and lets the session end', async () => {
    const d = await desk();
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: d.clock.now() });
    const api = await d.client(d.handler.token);
    const watch = new LetterWatch(api, d.caseId);
    expect(await watch.changed()).toBe(true);
    const sinceStart = api.millisecondsSinceLastCall;
    let reloads = 0;
    const stop = watch.poll(
      () => true,
      () => reloads++,
    );
    const started = new Date(Date.now()).toISOString();
    await vi.advanceTimersByTimeAsync(HOUR_MS);
    stop();
    expect(reloads).toBe(0);
    expect(d.asked).toEqual(Array<string>(1 + HOUR_MS / SELF_REFRESH_MS).fill('letter.stamp'));
    // The client counts no call either: the keep-alive of the auto-lock is not starved by the polling.
    expect(api.millisecondsSinceLastCall).toBe(sinceStart + HOUR_MS);

    d.backend.sweep();
    expect(await d.call('session.me', {}, d.handler.token)).toMatchObject({ ok: false });
    const auditor = value(await d.call('session.login', { userName: 'fg', password: STRONG_PASSWORD }, null));
    const events = value(await d.call('audit.list', { limit: 500 }, auditor.token)).filter((e) => e.at > started && e.actorId === d.handler.id);
    expect(events).toEqual([]);
  });

  it('moves when a letter is submitted, returned, signed or sent elsewhere, and the tab reads the letters again', async () => {
    const d = await desk();
    const watch = new LetterWatch({ call: (name, input) => d.call(name, input, d.handler.token) as never }, d.caseId);
    expect(await watch.changed()).toBe(true);
    expect(await watch.changed()).toBe(false);
    let reloads = 0;
    const step = async (work: () => Promise<unknown>) => {
      await work();
      await watch.check(() => reloads++);
      await watch.check(() => reloads++);
    };
    await step(async () => value(await d.call('letter.submit', { letterId: d.letterId }, d.handler.token)));
    await step(async () => value(await d.call('letter.return', { letterId: d.letterId, comment: 'Graag de datum controleren.' }, d.signer.token)));
    await step(async () => value(await d.call('letter.submit', { letterId: d.letterId }, d.handler.token)));
    await step(async () => value(await d.call('letter.sign', { letterId: d.letterId, password: STRONG_PASSWORD }, d.signer.token)));
    await step(async () => value(await d.call('letter.markSent', { letterId: d.letterId }, d.handler.token)));
    expect(reloads).toBe(5);
  });

  it('is refused to whoever may not list the case’s letters, and shows a signer nothing of letters not put before them', async () => {
    const d = await desk();
    expect(await d.call('letter.stamp', { caseId: d.caseId }, d.other.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const empty = await stampOf(d, d.signer.token);
    // A concept is the handler's: editing or discarding it does not move the signer's stamp.
    const second = value(await d.call('letter.draft', { caseId: d.caseId, kind: 'verzoek-om-identificatie' }, d.handler.token)).id;
    expect(await stampOf(d, d.signer.token)).toBe(empty);
    value(await d.call('letter.discard', { letterId: second }, d.handler.token));
    expect(await stampOf(d, d.signer.token)).toBe(empty);
    value(await d.call('letter.submit', { letterId: d.letterId }, d.handler.token));
    expect(await stampOf(d, d.signer.token)).not.toBe(empty);
  });
});
