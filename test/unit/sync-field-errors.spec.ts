import { afterEach, describe, expect, it } from 'vitest';
import { fieldErrors } from '../../renderer/src/ui/fieldErrors.js';
import { initialized, tempDir } from '../support/backend.js';

/**
 * Beheer → Centrale database and Mijn account show the backend's Dutch refusals at the field they
 * concern: the real backend's answers to sync.setSettings / sync.setCredentials, split by the
 * renderer's fieldErrors.
 */
let cleanup: () => void = () => {};
afterEach(() => cleanup());

async function admin() {
  const dir = tempDir('avg-desk-sync-fields-');
  cleanup = dir.cleanup;
  const made = await initialized(dir.dir);
  return { call: made.call, token: made.adminToken };
}

describe('sync refusals at the field', () => {
  it('an address with a login and an interval of 0: each line at its own field, nothing left over', async () => {
    const { call, token } = await admin();
    const result = await call('sync.setSettings', { url: 'postgres://beheer:geheim@127.0.0.1/avgdesk', intervalMinutes: 0 }, token);
    expect(result.ok).toBe(false);
    const { byField, rest } = fieldErrors(result.ok ? null : result.error, ['url', 'intervalMinutes'], 'url');
    expect(byField).toEqual({
      url: 'Geef een adres als postgres://server:5432/avgdesk?sslmode=verify-full, zonder gebruikersnaam of wachtwoord.',
      intervalMinutes: 'Moet minstens 1 zijn.',
    });
    expect(rest).toBeNull();
  });

  it("a remote server without verify-full: the service's own sentence goes to the address", async () => {
    const { call, token } = await admin();
    const result = await call('sync.setSettings', { url: 'postgres://db.corporatie.example:5432/avgdesk', intervalMinutes: 5 }, token);
    const { byField, rest } = fieldErrors(result.ok ? null : result.error, ['url', 'intervalMinutes'], 'url');
    expect(byField.url).toMatch(/sslmode=verify-full/u);
    expect(byField.intervalMinutes).toBeUndefined();
    expect(rest).toBeNull();
  });

  it('a login name in capitals and an empty password: at the login name and the password', async () => {
    const { call, token } = await admin();
    const result = await call('sync.setCredentials', { loginRole: 'Avg U Jansen', password: '' }, token);
    const { byField, rest } = fieldErrors(result.ok ? null : result.error, ['loginRole', 'password']);
    expect(byField).toEqual({ loginRole: 'Een inlognaam bestaat uit kleine letters, cijfers en _.', password: 'Is verplicht.' });
    expect(rest).toBeNull();
  });

  it('other refusals are not taken by any field', async () => {
    const { call } = await admin();
    const result = await call('sync.setSettings', { url: null, intervalMinutes: 5 }, 'geen-geldig-token');
    const { byField, rest } = fieldErrors(result.ok ? null : result.error, ['url', 'intervalMinutes'], 'url');
    expect(byField).toEqual({});
    expect(rest?.code).toBe('UNAUTHENTICATED');
  });

  it('two fields with the same Dutch label: each message goes to the field its path names', () => {
    const issue = { path: 'fullName', code: 'too_small', label: 'Naam', message: 'is verplicht' };
    const error = { code: 'VALIDATION' as const, message: 'De invoer is niet geldig.', details: ['Naam: is verplicht.'], issues: [issue] };
    expect(fieldErrors(error, ['name', 'fullName'])).toEqual({ byField: { fullName: 'Is verplicht.' }, rest: null });
    expect(fieldErrors({ ...error, issues: [{ ...issue, path: 'requester.2.name' }] }, ['name', 'fullName']).byField).toEqual({ name: 'Is verplicht.' });
  });
});
