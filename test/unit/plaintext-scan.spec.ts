import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addStaff, initialized, makeBackend, tempDir, value } from '../support/backend.js';
import { filesUnder, plaintextHits } from '../support/scan.js';

/** Made-up people only. */
const PEOPLE = [
  { userName: 'lnguyen', fullName: 'Łukasz Nguyễn-Özdemir' },
  { userName: 'fyilmaz', fullName: 'Fatma Yılmaz-Ağaoğlu' },
  { userName: 'gstraße', fullName: 'Gretchen Weißstraße' },
];
const SECRETS = [...PEOPLE.flatMap((p) => [p.fullName, p.fullName.split(/[ -]/u)[1] ?? p.fullName]), 'lnguyen', 'fyilmaz'];

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('no personal data on disk in plaintext', () => {
  it('the scanner finds a planted name (control: the scan below can fail)', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    writeFileSync(join(t.dir, 'lek.txt'), Buffer.from(`x ${PEOPLE[0]?.fullName} x`, 'utf16le'));
    expect(plaintextHits(t.dir, SECRETS).map((h) => h.secret)).toContain(PEOPLE[0]?.fullName);
  });

  it('every byte under the data directory, while open (WAL) and after closing, holds none of it', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { backend, call, adminToken } = await initialized(t.dir);
    for (const person of PEOPLE) {
      const staff = await addStaff(backend, adminToken, person.userName.replace('ß', 'ss'), ['handler'], person.fullName);
      value(await call('staff.setRoles', { staffId: staff.id, roles: ['handler', 'signer'] }, adminToken));
    }
    value(await call('staff.list', {}, adminToken));
    const whileOpen = filesUnder(t.dir).map((f) => f.slice(t.dir.length));
    expect(whileOpen).toContain('/store.db-wal');
    expect(plaintextHits(t.dir, SECRETS)).toEqual([]);
    backend.close();
    expect(plaintextHits(t.dir, SECRETS)).toEqual([]);

    // And the data is really there, readable with the password.
    const again = makeBackend(t.dir);
    const session = value(await again.call('session.login', { userName: 'lnguyen', password: 'Tulpen-Bollen-Streek-77' }, null));
    expect(session.staff.fullName).toBe('Łukasz Nguyễn-Özdemir');
    again.backend.close();
  });
});
