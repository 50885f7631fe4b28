import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../main/app/backend.js';
import { runCli } from '../../main/app/cli/run.js';
import { silentLogger } from '../../main/platform/log.js';
import { snapshotStore } from '../../main/settings/backup.js';
import { noProtection, type KeyProtector } from '../../main/platform/key-protector.js';
import { Vault } from '../../main/platform/vault.js';
import { fixedClock } from '../../main/platform/clock.js';
import { ADMIN, addStaff, makeBackend, STRONG_PASSWORD, TEST_START, tempDir, typed, value } from '../support/backend.js';
import { plaintextHits } from '../support/scan.js';
import { team } from '../support/team.js';
import { TEST_KDF } from '../support/kdf.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([400, 300]).drawText(text, { x: 20, y: 200, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

describe('backup and restore', () => {
  it('restores every case and document into a fresh installation, and the backup holds no plaintext', async () => {
    const t = await team((c) => cleanups.push(c));
    const out = tempDir();
    cleanups.push(out.cleanup);
    const ids: string[] = [];
    for (const name of ['Łukasz Nguyễn-Özdemir', 'Fatma Yılmaz', 'Gretchen Weißstraße']) ids.push(await t.register({ name, birthDate: '1980-01-01' }));
    value(
      await t.call(
        'dossier.import',
        { caseId: ids[0] ?? '', fileName: 'melding.pdf', dataBase64: (await pdf('Melding van Pieter Post')).toString('base64'), source: 'klantcontact' },
        t.h1.token,
      ),
    );
    const before = await Promise.all(ids.map(async (id) => value(await t.call('case.get', { id }, t.dpo.token))));
    const file = join(out.dir, 'avg-desk-backup.zip');
    expect(await t.call('backup.create', { path: join(t.dir, 'in-de-map.zip') }, t.dpo.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.call('backup.create', { path: 'relatief.zip' }, t.dpo.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const made = value(await t.call('backup.create', { path: file }, t.dpo.token));
    expect(made).toMatchObject({ path: file, files: 1 });
    expect(plaintextHits(out.dir, ['Nguyễn', 'Yılmaz', 'Weißstraße', 'Pieter Post'])).toEqual([]);
    expect(await t.call('backup.create', { path: file }, t.dpo.token)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const fresh = tempDir();
    cleanups.push(fresh.cleanup);
    const restoredDir = join(fresh.dir, 'AVG Desk');
    let said = '';
    const code = await runCli(['--data', restoredDir, 'restore', '--from', file], {
      env: { AVG_DESK_USER: 'fg', AVG_DESK_PASSWORD: STRONG_PASSWORD },
      out: (s) => (said += s),
      err: (s) => (said += s),
    });
    expect(said).toMatch(/fg kan aanmelden/u);
    expect(code).toBe(0);
    const restored = makeBackend(restoredDir, undefined, 86_400);
    cleanups.push(() => restored.backend.close());
    const dpo = value(await restored.call('session.login', { userName: 'fg', password: STRONG_PASSWORD }, null));
    const after = await Promise.all(ids.map(async (id) => value(await restored.call('case.get', { id }, dpo.token))));
    expect(after).toEqual(before);
    const docs = value(await restored.call('dossier.list', { caseId: ids[0] ?? '' }, dpo.token));
    const restoredPdf = value(await restored.call('dossier.pdf', { caseId: ids[0] ?? '', documentId: docs[0]?.id ?? '' }, dpo.token));
    expect(Buffer.from(restoredPdf.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const auditor = await restored.call('audit.verify', {}, dpo.token);
    expect(auditor).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('refuses a damaged backup and a non-empty folder, restoring nothing', async () => {
    const t = await team((c) => cleanups.push(c));
    const out = tempDir();
    cleanups.push(out.cleanup);
    const file = join(out.dir, 'b.zip');
    value(await t.call('backup.create', { path: file }, t.dpo.token));
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0xff;
    writeFileSync(join(out.dir, 'kapot.zip'), bytes);
    let err = '';
    const io = { env: {}, out: () => {}, err: (s: string) => (err += s) };
    expect(await runCli(['--data', join(out.dir, 'nieuw'), 'restore', '--from', join(out.dir, 'kapot.zip')], io)).toBe(1);
    expect(err).toMatch(/beschadigd/u);
    expect(existsSync(join(out.dir, 'nieuw', 'keyring.json'))).toBe(false);
    expect(await runCli(['--data', t.dir, 'restore', '--from', file], io)).toBe(1);
    expect(err).toMatch(/lege gegevensmap/u);
  });
});

describe('who may make a backup and who can open one', () => {
  it('refuses intake, handlers and the auditor a backup through the API, and writes nothing', async () => {
    const t = await team((c) => cleanups.push(c));
    const auditor = await addStaff(t.backend, t.adminToken, 'controle', ['auditor'], 'Anouk Auditor');
    await t.register({ name: 'Fatma Yılmaz' });
    const out = tempDir();
    cleanups.push(out.cleanup);
    for (const [who, token] of [
      ['intake', t.intake.token],
      ['handler', t.h1.token],
      ['auditor', auditor.token],
    ] as const) {
      const file = join(out.dir, `${who}.zip`);
      expect(await t.call('backup.create', { path: file }, token), who).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(existsSync(file), who).toBe(false);
    }
    expect(readdirSync(out.dir)).toEqual([]);
    value(await t.call('backup.create', { path: join(out.dir, 'fg.zip') }, t.dpo.token));
    value(await t.call('backup.create', { path: join(out.dir, 'beheer.zip') }, t.adminToken));
  });

  it('opens only with a dpo or admin password or the recovery key: its keyring holds no other wrapping', async () => {
    const t = await team((c) => cleanups.push(c));
    await addStaff(t.backend, t.adminToken, 'controle', ['auditor'], 'Anouk Auditor');
    await t.register({ name: 'Fatma Yılmaz' });
    const out = tempDir();
    cleanups.push(out.cleanup);
    const file = join(out.dir, 'b.zip');
    value(await t.call('backup.create', { path: file }, t.dpo.token));
    const keyring = JSON.parse(Buffer.from(unzipSync(readFileSync(file))['keyring.json'] ?? new Uint8Array()).toString('utf8')) as {
      entries: { staffId: string }[];
    };
    expect(keyring.entries.map((e) => e.staffId).sort()).toEqual([t.adminId, t.dpo.id, 'recovery'].sort());

    for (const userName of ['balie', 'hanna', 'controle']) {
      const fresh = tempDir();
      cleanups.push(fresh.cleanup);
      const other = createBackend({ kdfCost: TEST_KDF, dataDir: fresh.dir, logger: silentLogger });
      cleanups.push(() => other.close());
      expect(await typed(other)('setup.restore', { method: 'password', path: file, userName, password: STRONG_PASSWORD }, null), userName).toMatchObject({
        ok: false,
        error: { code: 'WRONG_CREDENTIALS' },
      });
      expect(readdirSync(fresh.dir).filter((n) => n !== 'logs')).toEqual([]);
    }
    for (const [userName, password] of [
      ['fg', STRONG_PASSWORD],
      ['beheer', ADMIN.password],
    ] as const) {
      const fresh = tempDir();
      cleanups.push(fresh.cleanup);
      const other = createBackend({ kdfCost: TEST_KDF, dataDir: fresh.dir, logger: silentLogger });
      cleanups.push(() => other.close());
      expect(value(await typed(other)('setup.restore', { method: 'password', path: file, userName, password }, null)).session?.staff.userName).toBe(userName);
    }
  });
});

describe('files a backup writes and leaves', () => {
  it('never touches files it did not create: an unrelated <target>.store.tmp and <target>.part survive', async () => {
    const t = await team((c) => cleanups.push(c));
    const out = tempDir();
    cleanups.push(out.cleanup);
    const file = join(out.dir, 'b.zip');
    writeFileSync(`${file}.store.tmp`, 'van iemand anders');
    writeFileSync(`${file}.part`, 'ook van iemand anders');
    value(await t.call('backup.create', { path: file }, t.dpo.token));
    expect(readFileSync(`${file}.store.tmp`, 'utf8')).toBe('van iemand anders');
    expect(readFileSync(`${file}.part`, 'utf8')).toBe('ook van iemand anders');
    expect(readdirSync(out.dir).sort()).toEqual(['b.zip', 'b.zip.part', 'b.zip.store.tmp']);
    // Nothing of the backup stays behind in the data folder either.
    expect(readdirSync(t.dir).filter((n) => n.includes('backup'))).toEqual([]);
  });

  it('takes the store snapshot inside the data folder under a unique name, readable by the owner only, and a later start removes one a killed backup left', async () => {
    const t = await team((c) => cleanups.push(c));
    const vault = new Vault(t.dir, noProtection, undefined, TEST_KDF);
    const login = await vault.loadKeyring().unlock('fg', STRONG_PASSWORD);
    vault.unlockWith(login?.dbKey ?? Buffer.alloc(32));
    cleanups.push(() => vault.lock());
    const first = snapshotStore(vault);
    const second = snapshotStore(vault);
    expect(first).not.toBe(second);
    for (const path of [first, second]) {
      expect(dirname(path)).toBe(t.dir);
      expect(statSync(path).mode & 0o777).toBe(0o600);
    }
    // The snapshot of a backup process that was killed: its process is gone.
    const dead = spawnSync(process.execPath, ['-e', '']).pid ?? 0;
    const left = join(t.dir, basename(first).replace(`-${process.pid}-`, `-${dead}-`));
    renameSync(first, left);
    t.backend.close();
    const again = makeBackend(t.dir);
    cleanups.push(() => again.backend.close());
    expect(existsSync(left)).toBe(false);
    // One of a process still running (this one) is left alone.
    expect(existsSync(second)).toBe(true);
  });

  it('removes orphan .avgf.part files and case files without a row when the store opens, and never backs them up', async () => {
    const t = await team((c) => cleanups.push(c));
    const caseId = await t.register({ name: 'Fatma Yılmaz' });
    value(
      await t.call(
        'dossier.import',
        { caseId, fileName: 'melding.pdf', dataBase64: (await pdf('Melding')).toString('base64'), source: 'klantcontact' },
        t.h1.token,
      ),
    );
    const caseDir = join(t.dir, 'cases', caseId);
    const real = readdirSync(caseDir).filter((n) => n.endsWith('.avgf'));
    expect(real.length).toBeGreaterThan(0);
    const hourAgo = new Date(Date.now() - 3_600_000);
    const orphans = [
      join(caseDir, `${randomUUID()}.avgf`),
      join(caseDir, `${randomUUID()}.avgf.part`),
      join(t.dir, 'cases', randomUUID(), `${randomUUID()}.avgf`),
    ];
    for (const path of orphans) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, randomBytes(300));
      utimesSync(path, hourAgo, hourAgo);
    }
    // Written a moment ago: perhaps by the CLI next to the app, whose row is about to be committed.
    const fresh = join(caseDir, `${randomUUID()}.avgf`);
    writeFileSync(fresh, randomBytes(300));

    const out = tempDir();
    cleanups.push(out.cleanup);
    const file = join(out.dir, 'b.zip');
    value(await t.call('backup.create', { path: file }, t.dpo.token));
    const names = Object.keys(unzipSync(readFileSync(file))).filter((n) => n.startsWith('cases/'));
    expect(names.sort()).toEqual(real.map((n) => `cases/${caseId}/${n}`).sort());

    t.backend.close();
    const again = makeBackend(t.dir);
    cleanups.push(() => again.backend.close());
    value(await again.call('session.login', { userName: 'fg', password: STRONG_PASSWORD }, null));
    for (const path of orphans) expect(existsSync(path), path).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(
      readdirSync(caseDir)
        .filter((n) => n.endsWith('.avgf'))
        .sort(),
    ).toEqual([...real, basename(fresh)].sort());
  });
});

describe('recovery key', () => {
  it('is shown once at setup and sets a new admin password when all are lost', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    let out = '';
    expect(
      await runCli(['--data', t.dir, 'init', '--admin', 'beheer', '--name', ADMIN.fullName, '--json'], {
        env: { AVG_DESK_PASSWORD: ADMIN.password },
        out: (s) => (out += s),
        err: () => {},
      }),
    ).toBe(0);
    const { recoveryKey } = JSON.parse(out) as { recoveryKey: string };
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/u);
    expect(readFileSync(join(t.dir, 'keyring.json'), 'utf8')).not.toContain(recoveryKey.replace(/-/gu, ''));

    const env = { AVG_DESK_NEW_PASSWORD: 'Herstelde-Toegang-2026!' };
    let err = '';
    const io = (extra: Record<string, string>) => ({ env: { ...env, ...extra }, out: () => {}, err: (s: string) => (err += s) });
    expect(
      await runCli(['--data', t.dir, 'recover', '--admin', 'beheer'], io({ AVG_DESK_RECOVERY_KEY: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH' })),
    ).toBe(1);
    expect(err).toMatch(/herstelsleutel past niet/u);
    // Typed sloppily: lower case, spaces instead of dashes.
    expect(await runCli(['--data', t.dir, 'recover', '--admin', 'beheer'], io({ AVG_DESK_RECOVERY_KEY: recoveryKey.toLowerCase().replace(/-/gu, ' ') }))).toBe(
      0,
    );
    const { call } = makeBackend(t.dir);
    expect(await call('session.login', { userName: 'beheer', password: ADMIN.password }, null)).toMatchObject({ ok: false });
    value(await call('session.login', { userName: 'beheer', password: 'Herstelde-Toegang-2026!' }, null));
  });
});

/** An OS-user lock like DPAPI: opening with another user's lock fails. */
function userLock(user: number): KeyProtector {
  const tag = Buffer.from(`gebruiker-${user}:`);
  return {
    kind: 'electron-safeStorage',
    seal: (data) => Buffer.concat([tag, Buffer.from(data.map((b) => b ^ user))]),
    open: (data) => {
      if (!data.subarray(0, tag.length).equals(tag)) throw new Error('sealed by another Windows user');
      return Buffer.from(data.subarray(tag.length).map((b) => b ^ user));
    },
  };
}

/** Every case the dpo sees, each as case.get returns it. */
async function everyCase(call: ReturnType<typeof typed>, token: string) {
  const queue = value(await call('case.queue', { limit: 500 }, token));
  return Promise.all(queue.rows.map(async (row) => value(await call('case.get', { id: row.id }, token))));
}

describe('restore from the first-run screen (setup.restore)', () => {
  it('restores into a fresh installation on another computer, only once a staff password opens it, and every case is there', async () => {
    const t = await team((c) => cleanups.push(c));
    for (const name of ['Łukasz Nguyễn-Özdemir', 'Fatma Yılmaz', 'Gretchen Weißstraße', 'Aïcha El Khatib']) await t.register({ name, birthDate: '1980-01-01' });
    await t.register({ name: 'Teun van der Sluis' }, { handlerId: t.h2.id });
    const before = await everyCase(t.call, t.dpo.token);
    expect(before).toHaveLength(5);
    const out = tempDir();
    cleanups.push(out.cleanup);
    const file = join(out.dir, 'avg-desk.zip');
    value(await t.call('backup.create', { path: file }, t.dpo.token));

    // A new computer: the app has started once (its log folder exists) but is not set up.
    const fresh = tempDir();
    cleanups.push(fresh.cleanup);
    mkdirSync(join(fresh.dir, 'logs'));
    // Same day as the team's desktop: case.get counts the working days left from "now".
    const other = createBackend({
      kdfCost: TEST_KDF,
      dataDir: fresh.dir,
      clock: fixedClock(TEST_START),
      logger: silentLogger,
      protector: userLock(0x5a),
      idleTimeoutSeconds: 90 * 86_400,
    });
    cleanups.push(() => other.close());
    const call = typed(other);
    expect(await call('setup.restore', { method: 'password', path: 'avg-desk.zip', userName: 'fg', password: STRONG_PASSWORD }, null)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Geef het volledige pad van het back-upbestand.' },
    });
    expect(await call('setup.restore', { method: 'password', path: join(out.dir, 'weg.zip'), userName: 'fg', password: STRONG_PASSWORD }, null)).toMatchObject({
      ok: false,
      error: { message: 'Het back-upbestand bestaat niet.' },
    });
    expect(await call('setup.restore', { method: 'password', path: file, userName: 'fg', password: 'Niet-Het-Wachtwoord-9' }, null)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS' },
    });
    // Nothing stays behind: still a fresh installation.
    expect(value(await call('setup.status', {}, null))).toEqual({ initialized: false });
    expect(readdirSync(fresh.dir)).toEqual(['logs']);

    const restored = value(await call('setup.restore', { method: 'password', path: file, userName: 'fg', password: STRONG_PASSWORD }, null));
    expect(restored).toMatchObject({ files: 2, session: { staff: { userName: 'fg', roles: ['dpo'] } } });
    const token = restored.session?.token ?? '';
    expect(await everyCase(call, token)).toEqual(before);
    // The keyring now carries this computer's lock; only the dpo's and admin's passwords open it.
    expect(JSON.parse(readFileSync(join(fresh.dir, 'keyring.json'), 'utf8'))).toMatchObject({ protection: 'electron-safeStorage' });
    value(await call('session.login', { userName: 'beheer', password: ADMIN.password }, null));
    expect(await call('session.login', { userName: 'hanna', password: STRONG_PASSWORD }, null)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS' },
    });
    expect(await call('setup.restore', { method: 'password', path: file, userName: 'fg', password: STRONG_PASSWORD }, null)).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_INITIALIZED' },
    });
    const audit = value(await call('audit.list', { limit: 50 }, token));
    expect(audit.some((e) => e.procedure === 'setup.restore' && e.outcome === 'ok')).toBe(true);
    expect(value(await call('audit.verify', {}, token))).toMatchObject({ ok: true });
  });

  it('in browser mode the backup comes back in the answer, written nowhere, and restores from its bytes', async () => {
    const t = await team((c) => cleanups.push(c));
    await t.register({ name: 'Aïcha El Khatib', birthDate: '1980-01-01' });
    const files = readdirSync(t.dir).sort();
    const made = value(await t.call('backup.create', {}, t.dpo.token));
    expect(made).toMatchObject({ fileName: 'avg-desk-2026-11-25.zip', files: 0 });
    expect(made.path).toBeUndefined();
    expect(readdirSync(t.dir).sort()).toEqual(files);
    const zip = Buffer.from(made.dataBase64 ?? '', 'base64');
    expect(zip.length).toBe(made.bytes);
    expect(zip.includes(Buffer.from('El Khatib'))).toBe(false);

    const fresh = tempDir();
    cleanups.push(fresh.cleanup);
    const other = makeBackend(fresh.dir);
    cleanups.push(() => other.backend.close());
    const restore = (source: object) => other.call('setup.restore', { method: 'password', ...source, userName: 'fg', password: STRONG_PASSWORD }, null);
    const oneSource = { ok: false, error: { code: 'VALIDATION', details: ['Bestand: Kies het back-upbestand.'] } };
    expect(await restore({})).toMatchObject(oneSource);
    expect(await restore({ path: '/elders/avg-desk.zip', dataBase64: made.dataBase64 })).toMatchObject(oneSource);
    const restored = value(await restore({ dataBase64: made.dataBase64 }));
    expect(await everyCase(other.call, restored.session?.token ?? '')).toEqual(await everyCase(t.call, t.dpo.token));
  });

  it('with the recovery key when every password is lost: a new admin password, then sign-in', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const desk = createBackend({ kdfCost: TEST_KDF, dataDir: t.dir, logger: silentLogger, protector: userLock(0x11) });
    cleanups.push(() => desk.close());
    const admin = value(await typed(desk)('setup.createAdmin', ADMIN, null));
    const out = tempDir();
    cleanups.push(out.cleanup);
    const file = join(out.dir, 'b.zip');
    value(await typed(desk)('backup.create', { path: file }, admin.token));

    const fresh = tempDir();
    cleanups.push(fresh.cleanup);
    const other = createBackend({ kdfCost: TEST_KDF, dataDir: fresh.dir, logger: silentLogger, protector: userLock(0x22) });
    cleanups.push(() => other.close());
    const call = typed(other);
    const wrongKey = {
      method: 'recoveryKey',
      path: file,
      recoveryKey: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH',
      userName: 'beheer',
      newPassword: 'Nieuwe-Start-Na-Brand-2026',
    } as const;
    expect(await call('setup.restore', wrongKey, null)).toMatchObject({ ok: false, error: { message: 'Deze herstelsleutel past niet bij deze gegevens.' } });
    expect(existsSync(join(fresh.dir, 'keyring.json'))).toBe(false);
    const done = value(await call('setup.restore', { ...wrongKey, recoveryKey: admin.recoveryKey }, null));
    expect(done.session).toBeNull();
    expect(await call('session.login', { userName: 'beheer', password: ADMIN.password }, null)).toMatchObject({ ok: false });
    value(await call('session.login', { userName: 'beheer', password: 'Nieuwe-Start-Na-Brand-2026' }, null));
  });
});
