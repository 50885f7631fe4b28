import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run.js';
import { ADMIN, makeBackend, STRONG_PASSWORD, tempDir, value } from '../support/backend.js';
import { plaintextHits } from '../support/scan.js';
import { team } from '../support/team.js';

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
    value(await t.call('dossier.import', { caseId: ids[0] ?? '', fileName: 'melding.pdf', dataBase64: (await pdf('Melding van Pieter Post')).toString('base64'), source: 'klantcontact' }, t.h1.token));
    const before = await Promise.all(ids.map(async (id) => value(await t.call('case.get', { id }, t.dpo.token))));
    const file = join(out.dir, 'avg-desk-backup.zip');
    expect(await t.call('backup.create', { path: join(t.dir, 'in-de-map.zip') }, t.h1.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.call('backup.create', { path: 'relatief.zip' }, t.h1.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const made = value(await t.call('backup.create', { path: file }, t.h1.token));
    expect(made).toMatchObject({ path: file, files: 1 });
    expect(plaintextHits(out.dir, ['Nguyễn', 'Yılmaz', 'Weißstraße', 'Pieter Post'])).toEqual([]);
    expect(await t.call('backup.create', { path: file }, t.h1.token)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const fresh = tempDir();
    cleanups.push(fresh.cleanup);
    const restoredDir = join(fresh.dir, 'AVG Desk');
    let said = '';
    const code = await runCli(['--data', restoredDir, 'restore', '--from', file], { env: { AVG_DESK_USER: 'fg', AVG_DESK_PASSWORD: STRONG_PASSWORD }, out: (s) => (said += s), err: (s) => (said += s) });
    expect(said).toMatch(/fg kan aanmelden/u);
    expect(code).toBe(0);
    const restored = makeBackend(restoredDir, undefined, 86_400);
    cleanups.push(() => restored.backend.close());
    const dpo = value(await restored.call('session.login', { userName: 'fg', password: STRONG_PASSWORD }, null));
    const after = await Promise.all(ids.map(async (id) => value(await restored.call('case.get', { id }, dpo.token))));
    expect(after).toEqual(before);
    const h1 = value(await restored.call('session.login', { userName: 'hanna', password: STRONG_PASSWORD }, null));
    const docs = value(await restored.call('dossier.list', { caseId: ids[0] ?? '' }, h1.token));
    const restoredPdf = value(await restored.call('dossier.pdf', { caseId: ids[0] ?? '', documentId: docs[0]?.id ?? '' }, h1.token));
    expect(Buffer.from(restoredPdf.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const auditor = await restored.call('audit.verify', {}, dpo.token);
    expect(auditor).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('refuses a damaged backup and a non-empty folder, restoring nothing', async () => {
    const t = await team((c) => cleanups.push(c));
    const out = tempDir();
    cleanups.push(out.cleanup);
    const file = join(out.dir, 'b.zip');
    value(await t.call('backup.create', { path: file }, t.h1.token));
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

describe('recovery key', () => {
  it('is shown once at setup and sets a new admin password when all are lost', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    let out = '';
    expect(await runCli(['--data', t.dir, 'init', '--admin', 'beheer', '--name', ADMIN.fullName, '--json'], { env: { AVG_DESK_PASSWORD: ADMIN.password }, out: (s) => (out += s), err: () => {} })).toBe(0);
    const { recoveryKey } = JSON.parse(out) as { recoveryKey: string };
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/u);
    expect(readFileSync(join(t.dir, 'keyring.json'), 'utf8')).not.toContain(recoveryKey.replace(/-/gu, ''));

    const env = { AVG_DESK_NEW_PASSWORD: 'Herstelde-Toegang-2026!' };
    let err = '';
    const io = (extra: Record<string, string>) => ({ env: { ...env, ...extra }, out: () => {}, err: (s: string) => (err += s) });
    expect(await runCli(['--data', t.dir, 'recover', '--admin', 'beheer'], io({ AVG_DESK_RECOVERY_KEY: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH' }))).toBe(1);
    expect(err).toMatch(/herstelsleutel past niet/u);
    // Typed sloppily: lower case, spaces instead of dashes.
    expect(await runCli(['--data', t.dir, 'recover', '--admin', 'beheer'], io({ AVG_DESK_RECOVERY_KEY: recoveryKey.toLowerCase().replace(/-/gu, ' ') }))).toBe(0);
    const { call } = makeBackend(t.dir);
    expect(await call('session.login', { userName: 'beheer', password: ADMIN.password }, null)).toMatchObject({ ok: false });
    value(await call('session.login', { userName: 'beheer', password: 'Herstelde-Toegang-2026!' }, null));
  });
});
