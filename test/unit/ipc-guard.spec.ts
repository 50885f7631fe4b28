import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import {
  createIpcHandler,
  isAppUrl,
  isTrustedSender,
  parseDevServerUrl,
  parseIpcPayload,
  type AppOrigin,
  type FrameLike,
  type IpcEventLike,
} from '../../main/app/electron/ipc-guard.js';
import type { Result } from '../../shared/api/result.js';

const INDEX = '/opt/AVG Desk/resources/app.asar/out/renderer/index.html';
const INDEX_URL = pathToFileURL(INDEX).href;
const packaged: AppOrigin = { indexFileUrl: INDEX_URL, devServerOrigin: null, caseInsensitivePaths: false };
const dev: AppOrigin = { indexFileUrl: null, devServerOrigin: 'http://localhost:5173', caseInsensitivePaths: false };

const ourContents = { id: 1 };
const mainFrame = (url: string, extra: Partial<{ detached: boolean }> = {}): FrameLike => ({ url, parent: null, ...extra });
const event = (senderFrame: FrameLike | null, sender: object = ourContents): IpcEventLike => ({ sender, senderFrame });

describe('isAppUrl: the built app trusts exactly its own index.html', () => {
  it.each([
    ['the index itself', INDEX_URL],
    ['a client-side route in the fragment', `${INDEX_URL}#/werkvoorraad`],
    ['a query', `${INDEX_URL}?tab=dossier`],
    ['the same path with another (valid) escaping', INDEX_URL.replace('index.html', '%69ndex.html')],
    ['dot segments that resolve to the same file', INDEX_URL.replace('/out/renderer/', '/out/main/../renderer/')],
  ])('accepts %s', (_label, url) => {
    expect(isAppUrl(url, packaged)).toBe(true);
  });

  it.each([
    ['another html next to it', INDEX_URL.replace('index.html', 'other.html')],
    ['a similarly named file', `${INDEX_URL}.bak`],
    ['another local file', 'file:///etc/passwd'],
    ['an index.html elsewhere on disk', pathToFileURL('/home/medewerker/Downloads/index.html').href],
    ['the same path on another host (UNC share)', INDEX_URL.replace('file:///', 'file://fileserver/')],
    ['another letter case when paths are case-sensitive', INDEX_URL.replace('index.html', 'INDEX.html')],
    ['the dev server origin in a packaged app', 'http://localhost:5173/'],
    ['a web page', 'https://example.org/'],
    ['a loopback http page', 'http://127.0.0.1:5170/'],
    ['about:blank', 'about:blank'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['DevTools', 'devtools://devtools/bundled/inspector.html'],
    ['an empty string', ''],
    ['no URL at all', 'index.html'],
    ['a malformed escape', INDEX_URL.replace('index.html', 'index%E0%A4%A.html')],
  ])('refuses %s', (_label, url) => {
    expect(isAppUrl(url, packaged)).toBe(false);
  });

  it('ignores letter case on Windows, where the file system does', () => {
    const windows: AppOrigin = {
      indexFileUrl: 'file:///C:/Program%20Files/AVG%20Desk/resources/app.asar/out/renderer/index.html',
      devServerOrigin: null,
      caseInsensitivePaths: true,
    };
    expect(isAppUrl('file:///c:/program%20files/avg%20desk/resources/app.asar/out/renderer/index.html', windows)).toBe(true);
    expect(isAppUrl('file:///C:/Program%20Files/AVG%20Desk/resources/app.asar/out/renderer/other.html', windows)).toBe(false);
  });
});

describe('isAppUrl: in development only the dev server origin is trusted', () => {
  it('accepts any page of the dev server origin', () => {
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/index.html#/beheer', dev)).toBe(true);
  });

  it.each([
    ['another port', 'http://localhost:5174/'],
    ['another spelling of loopback (another origin)', 'http://127.0.0.1:5173/'],
    ['https on the same host and port', 'https://localhost:5173/'],
    ['a websocket', 'ws://localhost:5173/'],
    ['a lookalike host', 'http://localhost.example.org:5173/'],
    ['the built index file', INDEX_URL],
  ])('refuses %s', (_label, url) => {
    expect(isAppUrl(url, dev)).toBe(false);
  });
});

describe('parseDevServerUrl: ELECTRON_RENDERER_URL must be http(s) on loopback', () => {
  it.each([
    ['http://localhost:5173', 'http://localhost:5173'],
    ['http://localhost:5173/', 'http://localhost:5173'],
    ['http://127.0.0.1:5173/', 'http://127.0.0.1:5173'],
    ['http://[::1]:5173/', 'http://[::1]:5173'],
  ])('accepts %s', (value, origin) => {
    expect(parseDevServerUrl(value)?.origin).toBe(origin);
  });

  it.each([
    undefined,
    '',
    'garbage',
    'https://example.org/',
    'http://localhost.example.org:5173/',
    'http://user:pw@localhost:5173/',
    'file:///tmp/index.html',
    'ws://localhost:5173',
  ])('refuses %s', (value) => {
    expect(parseDevServerUrl(value)).toBeNull();
  });
});

describe('isTrustedSender: the main frame of our window, on our page', () => {
  it('trusts the main frame of our window showing our index.html', () => {
    expect(isTrustedSender(event(mainFrame(`${INDEX_URL}#/`)), ourContents, packaged)).toBe(true);
  });

  it('refuses a subframe, even one showing our own page', () => {
    const subframe: FrameLike = { url: INDEX_URL, parent: mainFrame(INDEX_URL) };
    expect(isTrustedSender(event(subframe), ourContents, packaged)).toBe(false);
  });

  it('refuses a frame that has left the frame tree', () => {
    expect(isTrustedSender(event(mainFrame(INDEX_URL, { detached: true })), ourContents, packaged)).toBe(false);
  });

  it('refuses an event without a sender frame (navigated away or destroyed)', () => {
    expect(isTrustedSender(event(null), ourContents, packaged)).toBe(false);
  });

  it('refuses another WebContents, and any sender once our window is gone', () => {
    expect(isTrustedSender(event(mainFrame(INDEX_URL), { id: 2 }), ourContents, packaged)).toBe(false);
    expect(isTrustedSender(event(mainFrame(INDEX_URL)), null, packaged)).toBe(false);
  });

  it('refuses our main frame once it shows anything but our page', () => {
    for (const url of ['https://example.org/', pathToFileURL('/tmp/evil/index.html').href, 'about:blank', '']) {
      expect(isTrustedSender(event(mainFrame(url)), ourContents, packaged)).toBe(false);
    }
  });
});

describe('parseIpcPayload: exactly { input, token }', () => {
  it.each([
    ['an input and a null token', { input: { userName: 'beheer' }, token: null }],
    ['a token', { input: {}, token: 'dG9rZW4' }],
    ['no input (the dispatcher treats it as {})', { token: null }],
    ['an empty token (the dispatcher answers UNAUTHENTICATED)', { input: {}, token: '' }],
    ['a null-prototype object', Object.assign(Object.create(null) as object, { input: 1, token: null })],
  ])('accepts %s', (_label, payload) => {
    const parsed = parseIpcPayload(payload);
    expect(parsed).not.toBeNull();
    expect(parsed?.token).toBe((payload as { token: unknown }).token);
  });

  class Payload {
    input = {};
    token = null;
  }

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', '{"input":{},"token":null}'],
    ['a number', 42],
    ['an array', [{}, null]],
    ['no token', { input: {} }],
    ['an undefined token', { input: {}, token: undefined }],
    ['a number as token', { input: {}, token: 5 }],
    ['an object as token', { input: {}, token: { value: 'x' } }],
    ['an overlong token', { input: {}, token: 'x'.repeat(257) }],
    ['an extra key', { input: {}, token: null, procedure: 'staff.add' }],
    ['a class instance', new Payload()],
  ])('refuses %s', (_label, payload) => {
    expect(parseIpcPayload(payload)).toBeNull();
  });
});

describe('createIpcHandler', () => {
  const trusted = (e: IpcEventLike) => isTrustedSender(e, ourContents, packaged);

  it('refuses an untrusted sender with FORBIDDEN, as a Result, without calling the backend', async () => {
    const dispatch = vi.fn(async (): Promise<Result<unknown>> => ({ ok: true, value: 'geheim' }));
    const onRefused = vi.fn();
    const handle = createIpcHandler({ procedure: 'staff.list', dispatch, isTrusted: trusted, onRefused });
    const result = await handle(event({ url: INDEX_URL, parent: mainFrame(INDEX_URL) }), { input: {}, token: null });
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'U heeft geen toestemming voor deze handeling.' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalledWith('staff.list', 'sender');
  });

  it('refuses a malformed payload with VALIDATION without calling the backend', async () => {
    const dispatch = vi.fn(async (): Promise<Result<unknown>> => ({ ok: true, value: null }));
    const onRefused = vi.fn();
    const handle = createIpcHandler({ procedure: 'staff.list', dispatch, isTrusted: trusted, onRefused });
    const result = await handle(event(mainFrame(INDEX_URL)), { input: {}, token: 7 });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalledWith('staff.list', 'payload');
  });

  it('passes a trusted call on to the dispatcher under its own procedure name', async () => {
    const dispatch = vi.fn(async (): Promise<Result<unknown>> => ({ ok: true, value: [] }));
    const handle = createIpcHandler({ procedure: 'staff.list', dispatch, isTrusted: trusted });
    expect(await handle(event(mainFrame(INDEX_URL)), { input: { a: 1 }, token: 'abc' })).toEqual({ ok: true, value: [] });
    expect(dispatch).toHaveBeenCalledWith('staff.list', { a: 1 }, 'abc');
  });

  it('turns an unexpected exception into an INTERNAL Result', async () => {
    const dispatch = vi.fn(async (): Promise<Result<unknown>> => {
      throw new Error('stuk');
    });
    const handle = createIpcHandler({ procedure: 'staff.list', dispatch, isTrusted: trusted });
    expect(await handle(event(mainFrame(INDEX_URL)), { input: {}, token: null })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('the pure parts of main/app/electron stay free of electron', () => {
  it.each(['main/app/electron/ipc-guard.ts', 'main/app/electron/bridge.ts'])('%s imports nothing from electron', (file) => {
    expect(readFileSync(file, 'utf8')).not.toMatch(/from ['"]electron['"]|require\(['"]electron['"]\)/u);
  });

  it('safe-storage.ts uses electron for its types only (main.ts passes the real safeStorage)', () => {
    const source = readFileSync('main/app/electron/safe-storage.ts', 'utf8');
    expect(source).toMatch(/import type \{[^}]*\} from 'electron'/u);
    expect(source).not.toMatch(/^import \{[^}]*\} from 'electron'/mu);
  });
});
