import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../main/app/backend.js';
import { createBridge, type Invoke } from '../../main/app/electron/bridge.js';
import {
  createIpcHandler,
  isTrustedSender,
  type AppOrigin,
  type FrameLike,
  type IpcEventLike,
  type IpcInvokeHandler,
} from '../../main/app/electron/ipc-guard.js';
import { silentLogger } from '../../main/platform/log.js';
import { IPC_PREFIX, type DesktopBridge } from '../../shared/api/client.js';
import { PROCEDURE_NAMES } from '../../shared/api/procedures.js';
import { ADMIN, tempDir } from '../support/basics.js';
import { TEST_KDF } from '../support/kdf.js';

/**
 * The desktop IPC transport without Electron, like VS Code's IPC tests over an in-memory pipe:
 * the preload's real bridge on one end, main's real handlers and the real backend (encrypted store
 * in a temp dir) on the other, payloads and answers passed through structuredClone as Electron does.
 */
const INDEX_URL = pathToFileURL('/opt/AVG Desk/resources/app.asar/out/renderer/index.html').href;
const appOrigin: AppOrigin = { indexFileUrl: INDEX_URL, devServerOrigin: null, caseInsensitivePaths: false };
const ourContents = { id: 1 };

function mainProcess(backend: Backend) {
  const handlers = new Map<string, IpcInvokeHandler>();
  for (const procedure of PROCEDURE_NAMES) {
    handlers.set(
      IPC_PREFIX + procedure,
      createIpcHandler({ procedure, dispatch: backend.dispatch, isTrusted: (event) => isTrustedSender(event, ourContents, appOrigin) }),
    );
  }
  const channels: string[] = [];
  /** One renderer frame's end of the pipe: what `ipcRenderer.invoke` in that frame would do. */
  const pipeFrom =
    (frame: FrameLike, sender: object = ourContents): Invoke =>
    async (channel, payload) => {
      channels.push(channel);
      const handler = handlers.get(channel);
      // Electron rejects an invoke on a channel nobody handles.
      if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered`);
      const event: IpcEventLike = { sender, senderFrame: frame };
      return structuredClone(await handler(event, structuredClone(payload)));
    };
  return { pipeFrom, channels };
}

describe('IPC contract: createBridge ⇄ main handlers ⇄ real backend', () => {
  let cleanup: () => void;
  let backend: Backend;
  let main: ReturnType<typeof mainProcess>;
  let bridge: DesktopBridge;

  beforeAll(() => {
    const t = tempDir('avg-desk-ipc-');
    cleanup = t.cleanup;
    backend = createBackend({ kdfCost: TEST_KDF, dataDir: t.dir, logger: silentLogger });
    main = mainProcess(backend);
    bridge = createBridge(main.pipeFrom({ url: `${INDEX_URL}#/`, parent: null }));
  });

  afterAll(() => {
    backend.close();
    cleanup();
  });

  it('exposes one function per procedure and nothing else', () => {
    expect(Object.keys(bridge).sort()).toEqual([...PROCEDURE_NAMES].sort());
    for (const name of PROCEDURE_NAMES) expect(typeof bridge[name]).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(bridge).not.toHaveProperty('invoke');
  });

  it('refuses a subframe and a foreign page with FORBIDDEN before the backend sees the call', async () => {
    const fromSubframe = createBridge(main.pipeFrom({ url: INDEX_URL, parent: { url: INDEX_URL, parent: null } }));
    const fromElsewhere = createBridge(main.pipeFrom({ url: 'https://example.org/', parent: null }));
    const fromOtherContents = createBridge(main.pipeFrom({ url: INDEX_URL, parent: null }, { id: 2 }));
    for (const other of [fromSubframe, fromElsewhere, fromOtherContents]) {
      expect(await other['setup.createAdmin'](ADMIN, null)).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'U heeft geen toestemming voor deze handeling.' },
      });
    }
    // None of the refused calls created the admin.
    expect(await bridge['setup.status']({}, null)).toEqual({ ok: true, value: { initialized: false } });
  });

  let adminToken = '';

  it('setup.createAdmin and session.login over the bridge', async () => {
    const created = await bridge['setup.createAdmin'](ADMIN, null);
    expect(created).toMatchObject({ ok: true, value: { staff: { userName: ADMIN.userName, roles: ['admin'] } } });
    const login = await bridge['session.login']({ userName: ADMIN.userName, password: ADMIN.password }, null);
    if (!login.ok) throw new Error(login.error.message);
    expect(login.value.staff.fullName).toBe(ADMIN.fullName);
    adminToken = login.value.token;
    expect(await bridge['session.login']({ userName: ADMIN.userName, password: 'Fout-Wachtwoord-99!' }, null)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS', message: 'Gebruikersnaam of wachtwoord is onjuist.' },
    });
  });

  it('staff.list as admin, and the backend’s own refusals arrive as Results', async () => {
    const list = await bridge['staff.list']({}, adminToken);
    expect(list.ok && list.value.map((s) => s.userName)).toEqual([ADMIN.userName]);
    expect(await bridge['staff.list']({}, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const fromElsewhere = createBridge(main.pipeFrom({ url: 'https://example.org/', parent: null }));
    expect(await fromElsewhere['staff.list']({}, adminToken)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('sends every call on its own prefixed channel', () => {
    expect(main.channels.length).toBeGreaterThan(0);
    for (const channel of main.channels) expect(PROCEDURE_NAMES.map((n) => IPC_PREFIX + n)).toContain(channel);
  });

  it('turns a failed invoke (no handler, main process gone) into a TRANSPORT Result', async () => {
    const broken = createBridge(async () => {
      throw new Error("No handler registered for 'avg-desk:setup.status'");
    });
    expect(await broken['setup.status']({}, null)).toMatchObject({ ok: false, error: { code: 'TRANSPORT' } });
  });
});
