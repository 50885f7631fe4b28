import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../main/app/backend.js';
import { silentLogger } from '../../main/platform/log.js';
import { startWebServer, type WebServer } from '../../main/app/http.js';
import type { Result } from '../../shared/api/result.js';
import { ADMIN, STRONG_PASSWORD, tempDir } from '../support/basics.js';
import { TEST_KDF } from '../support/kdf.js';

type Transport = (name: string, input: unknown, token: string | null) => Promise<Result<unknown>>;

/** The same contract suite runs against the dispatcher directly and over HTTP on loopback. */
function contractSuite(label: string, open: () => Promise<{ transport: Transport; close: () => Promise<void> }>) {
  describe(`contract over ${label}`, () => {
    let transport: Transport;
    let close: () => Promise<void>;
    beforeAll(async () => ({ transport, close } = await open()));
    afterAll(async () => close());

    let adminToken = '';
    it('first run and sign-in', async () => {
      expect(await transport('setup.status', {}, null)).toEqual({ ok: true, value: { initialized: false } });
      const created = await transport('setup.createAdmin', ADMIN, null);
      expect(created).toMatchObject({ ok: true, value: { staff: { userName: ADMIN.userName, roles: ['admin'] }, idleTimeoutSeconds: 600 } });
      expect(await transport('session.login', { userName: ADMIN.userName, password: 'Fout-Sleutel-2026!' }, null)).toEqual({
        ok: false,
        error: { code: 'WRONG_CREDENTIALS', message: 'Gebruikersnaam of wachtwoord is onjuist.' },
      });
      const login = (await transport('session.login', { userName: ADMIN.userName, password: ADMIN.password }, null)) as Result<{ token: string }>;
      if (!login.ok) throw new Error(login.error.message);
      adminToken = login.value.token;
    });

    it('admin work and its refusals', async () => {
      const added = await transport('staff.add', { userName: 'mvisser', fullName: 'Marit Visser', roles: ['handler'], password: STRONG_PASSWORD }, adminToken);
      expect(added).toMatchObject({ ok: true, value: { userName: 'mvisser', roles: ['handler'], active: true } });
      const handler = (await transport('session.login', { userName: 'mvisser', password: STRONG_PASSWORD }, null)) as Result<{ token: string }>;
      if (!handler.ok) throw new Error(handler.error.message);
      expect(await transport('staff.list', {}, handler.value.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await transport('staff.list', {}, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      const list = (await transport('staff.list', {}, adminToken)) as Result<{ userName: string }[]>;
      expect(list.ok && list.value.map((s) => s.userName).sort()).toEqual(['beheer', 'mvisser']);
    });

    it('bad input and unknown procedures', async () => {
      expect(await transport('staff.add', { userName: 'X Y', fullName: 'a', roles: ['koning'], password: STRONG_PASSWORD }, adminToken)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', details: expect.arrayContaining(['Functies: heeft een onbekende waarde.']) },
      });
      expect(
        await transport('staff.add', { userName: 'abc', fullName: 'a', roles: ['intake'], password: STRONG_PASSWORD, admin: true }, adminToken),
      ).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: ['Invoer: bevat onbekende velden: admin.'] } });
      expect(await transport('staff.drop', {}, adminToken)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    });
  });
}

contractSuite('the dispatcher', async () => {
  const t = tempDir();
  const backend = createBackend({ kdfCost: TEST_KDF, dataDir: t.dir, logger: silentLogger });
  return {
    transport: (name, input, token) => backend.dispatch(name, input, token),
    close: async () => {
      backend.close();
      t.cleanup();
    },
  };
});

async function startServer(): Promise<{ backend: Backend; web: WebServer; cleanup: () => Promise<void> }> {
  const t = tempDir();
  const backend = createBackend({ kdfCost: TEST_KDF, dataDir: t.dir, logger: silentLogger });
  const web = await startWebServer({ backend, port: 0 });
  return {
    backend,
    web,
    cleanup: async () => {
      await web.close();
      backend.close();
      t.cleanup();
    },
  };
}

contractSuite('HTTP on loopback', async () => {
  const { web, cleanup } = await startServer();
  return {
    transport: async (name, input, token) => {
      const response = await fetch(new URL(`api/${name}`, web.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(input),
      });
      return (await response.json()) as Result<unknown>;
    },
    close: cleanup,
  };
});

/** A raw request, so Host and Origin can be forged (fetch will not let us). */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; path: string }) {
  const { port } = new URL(url);
  return new Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser-mode server guards', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => (server = await startServer()));
  afterAll(async () => server.cleanup());
  const json = { 'Content-Type': 'application/json' };

  it('refuses other origins', async () => {
    const res = await raw(server.web.url, { method: 'POST', path: '/api/setup.status', headers: { ...json, Origin: 'http://evil.example' }, body: '{}' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Verzoeken van een andere herkomst worden geweigerd.' } });
    const same = await raw(server.web.url, {
      method: 'POST',
      path: '/api/setup.status',
      headers: { ...json, Origin: server.web.url.replace(/\/$/u, '') },
      body: '{}',
    });
    expect(same.status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await raw(server.web.url, { method: 'POST', path: '/api/setup.status', headers: { ...json, Host: 'attacker.example:80' }, body: '{}' });
    expect(res.status).toBe(421);
  });

  it('refuses simple (form) requests and GET on the API', async () => {
    expect((await raw(server.web.url, { method: 'POST', path: '/api/setup.status', headers: { 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(405);
    expect((await raw(server.web.url, { method: 'GET', path: '/api/setup.status' })).status).toBe(405);
  });

  it('answers broken JSON with a Dutch error and stays up', async () => {
    const res = await raw(server.web.url, { method: 'POST', path: '/api/session.login', headers: json, body: '{"userName": ' });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Het verzoek is geen geldige JSON.' } });
    expect((await raw(server.web.url, { method: 'POST', path: '/api/setup.status', headers: json, body: '{}' })).status).toBe(200);
  });

  it('sends the Content Security Policy and never serves files outside the renderer', async () => {
    const res = await raw(server.web.url, { path: '/../../../../etc/passwd' });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'; script-src 'self'/u);
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-eval/u);
    expect(res.body).not.toMatch(/root:/u);
  });
});
