import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../main/app/http.js';
import { value } from '../support/basics.js';
import { team } from '../support/team.js';

/**
 * The browser-mode server against a caller on the same machine who has no session, or one who
 * sends more than a procedure takes: real HTTP on loopback, the real store.
 */
interface Answer {
  status: number;
  body: string;
}

/**
 * A raw request whose body is sent in `chunks` (chunked, or with the Content-Length given), and
 * which may stop sending before the body is complete (`hold`): the answer must come anyway.
 */
function send(url: string, path: string, options: { token?: string; contentLength?: number; chunks: Buffer[]; hold?: boolean }): Promise<Answer> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}) };
    if (options.contentLength !== undefined) headers['Content-Length'] = String(options.contentLength);
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
        if (options.hold) req.destroy();
      });
    });
    req.on('error', reject);
    void (async () => {
      for (const chunk of options.chunks) {
        if (req.destroyed) return;
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      }
      if (!options.hold) req.end();
    })();
  });
}

const MiB = 1024 * 1024;

describe('browser-mode server against callers without a session or with too much', () => {
  let t: Awaited<ReturnType<typeof team>>;
  let web: WebServer;
  const cleanups: (() => void)[] = [];
  beforeAll(async () => {
    t = await team((c) => cleanups.push(c));
    web = await startWebServer({ backend: t.backend, port: 0 });
  });
  afterAll(async () => {
    await web.close();
    t.backend.close();
    cleanups.forEach((c) => c());
  });

  it('checks the token before reading the body: a request without a session is answered while its body is still coming', async () => {
    const answer = await send(web.url, '/api/dossier.import', { contentLength: 60 * MiB, chunks: [Buffer.alloc(64 * 1024, 0x41)], hold: true });
    expect(answer.status).not.toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it("audits calls without a session under a fixed name, never the caller's text, and limits their rate", async () => {
    const before = value(await t.call('audit.list', { limit: 1 }, t.dpo.token))[0]?.seq ?? 0;
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) {
      const answer = await send(web.url, `/api/WubboZandstra.Dorpsstraat${i % 3 === 0 ? '' : `.x${i}`}`, { chunks: [Buffer.from('{}')] });
      statuses.push(answer.status);
      if (answer.status === 429)
        expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Te veel verzoeken zonder aanmelding/u) } });
    }
    // Known procedures without a token count too.
    for (let i = 0; i < 20; i++) statuses.push((await send(web.url, '/api/case.queue', { chunks: [Buffer.from('{}')] })).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(150);
    const events = value(await t.call('audit.list', { limit: 500 }, t.dpo.token)).filter((e) => e.seq > before);
    expect(events.length).toBeLessThanOrEqual(40);
    expect(JSON.stringify(events)).not.toMatch(/Wubbo|Dorpsstraat/u);
    expect(events.filter((e) => e.procedure === '(onbekend)').length).toBeGreaterThan(0);
    // A signed-in user is not held up by the refusals of others.
    value(await t.call('session.me', {}, t.h1.token));
    expect((await send(web.url, '/api/session.me', { token: t.h1.token, chunks: [Buffer.from('{}')] })).status).toBe(200);
  });

  it('caps the body per procedure and answers 413 in Dutch, also when the body has no declared length', async () => {
    const tooLarge = { ok: false, error: { code: 'VALIDATION', message: 'Het verzoek is te groot voor deze handeling.' } };
    // Declared too large: answered before the body comes.
    const declared = await send(web.url, '/api/session.me', { token: t.h1.token, contentLength: 8 * MiB, chunks: [Buffer.from('{"a":"')], hold: true });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual(tooLarge);
    // Chunked, over the small limit of an ordinary procedure.
    const chunk = Buffer.alloc(MiB, 0x41);
    const chunked = await send(web.url, '/api/case.queue', { token: t.h1.token, chunks: [Buffer.from('{"search":"'), chunk, chunk, chunk, Buffer.from('"}')] });
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toEqual(tooLarge);
    // Documents have their own, larger limit: 30 MB reaches the checks of dossier.import...
    const caseId = await t.register({ name: 'Fatma Yılmaz' });
    const big = Buffer.alloc(30 * MiB, 0x41);
    const accepted = await send(web.url, '/api/dossier.import', {
      token: t.h1.token,
      chunks: [Buffer.from(`{"caseId":"${caseId}","fileName":"a.txt","source":"klantcontact","dataBase64":"`), big, Buffer.from('"}')],
    });
    expect(accepted.status).toBe(200);
    expect(JSON.parse(accepted.body)).toMatchObject({ ok: false });
    expect(JSON.parse(accepted.body)).not.toMatchObject({ error: { message: tooLarge.error.message } });
    // ...and 70 MB, beyond it, is a 413 with a Dutch message, not a connection reset.
    const huge = await send(web.url, '/api/dossier.import', {
      token: t.h1.token,
      chunks: [Buffer.from('{"dataBase64":"'), big, big, Buffer.alloc(10 * MiB, 0x41), Buffer.from('"}')],
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toEqual(tooLarge);
    // The server is still there.
    expect((await send(web.url, '/api/session.me', { token: t.h1.token, chunks: [Buffer.from('{}')] })).status).toBe(200);
  });
});
