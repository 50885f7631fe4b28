import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseFileStore, decryptFile, encryptFile, newFileKey, sealedLength } from '../../main/platform/case-files.js';
import { createBackend } from '../../main/app/backend.js';
import { silentLogger } from '../../main/platform/log.js';
import { TEST_KDF } from '../support/kdf.js';
import { testDir } from '../support/test-dir.js';

const CHUNK = 64 * 1024;

describe('chunked AEAD case files', () => {
  it('round-trips any content, empty included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3 * CHUNK + 10 }), (bytes) => {
        const key = newFileKey();
        const id = randomUUID();
        expect(decryptFile(encryptFile(Buffer.from(bytes), key, id), key, id).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  const plaintext = randomBytes(3 * CHUNK + 100);
  const key = newFileKey();
  const id = randomUUID();
  const sealed = encryptFile(plaintext, key, id);
  const header = 16;
  const piece = CHUNK + 16;

  it('detects truncation at a chunk boundary', () => {
    expect(() => decryptFile(sealed.subarray(0, header + 2 * piece), key, id)).toThrow(/truncated/u);
    expect(() => decryptFile(sealed.subarray(0, sealed.length - 5), key, id)).toThrow(/truncated|altered/u);
  });

  it('detects reordered chunks', () => {
    const swapped = Buffer.concat([
      sealed.subarray(0, header),
      sealed.subarray(header + piece, header + 2 * piece),
      sealed.subarray(header, header + piece),
      sealed.subarray(header + 2 * piece),
    ]);
    expect(() => decryptFile(swapped, key, id)).toThrow(/reordered/u);
  });

  it('detects a flipped bit, another file id and a wrong key', () => {
    const flipped = Buffer.from(sealed);
    flipped[header + 10] = (flipped[header + 10] ?? 0) ^ 1;
    expect(() => decryptFile(flipped, key, id)).toThrow();
    expect(() => decryptFile(sealed, key, randomUUID())).toThrow();
    expect(() => decryptFile(sealed, newFileKey(), id)).toThrow();
  });

  it('seals into and opens into buffers the caller reuses, the sealed buffer itself included', () => {
    const sealedOut = Buffer.alloc(sealedLength(plaintext.length) + 50, 0xee);
    const again = encryptFile(plaintext, key, id, sealedOut);
    expect(again.length).toBe(sealed.length);
    expect(again.buffer).toBe(sealedOut.buffer);
    const plainOut = Buffer.alloc(plaintext.length + 7);
    expect(decryptFile(again, key, id, plainOut).equals(plaintext)).toBe(true);
    const copy = Buffer.from(sealed);
    expect(decryptFile(copy, key, id, copy).equals(plaintext)).toBe(true);
    expect(() => encryptFile(plaintext, key, id, Buffer.alloc(sealed.length - 1))).toThrow(RangeError);
    expect(() => decryptFile(sealed, key, id, Buffer.alloc(plaintext.length - 1))).toThrow(RangeError);
  });

  it('wipes the plaintext of the chunks it opened when a later chunk fails', () => {
    const altered = Buffer.from(sealed);
    altered[header + 3 * piece + 10] = (altered[header + 3 * piece + 10] ?? 0) ^ 1;
    const into = Buffer.alloc(plaintext.length, 0xaa);
    expect(() => decryptFile(altered, key, id, into)).toThrow(/altered/u);
    expect(into.subarray(0, 3 * CHUNK).every((b) => b === 0)).toBe(true);
    const inPlace = Buffer.from(altered);
    expect(() => decryptFile(inPlace, key, id, inPlace)).toThrow(/altered/u);
    expect(inPlace.subarray(0, 3 * CHUNK).every((b) => b === 0)).toBe(true);
  });

  it('stores ciphertext only, under a temporary name until complete', () => {
    const t = testDir();
    const store = new CaseFileStore(t.dir);
    const caseId = randomUUID();
    const fileId = randomUUID();
    const secret = Buffer.from('Paspoort van Łukasz Nguyễn-Özdemir, nummer NXC3F1K72');
    store.write(caseId, fileId, key, secret);
    const onDisk = readFileSync(store.path(caseId, fileId));
    expect(onDisk.includes(Buffer.from('Nguy'))).toBe(false);
    expect(store.read(caseId, fileId, key).equals(secret)).toBe(true);
    expect(readdirSync(`${t.dir}/cases/${caseId}`)).toEqual([`${fileId}.avgf`]);
    writeFileSync(store.path(caseId, fileId), onDisk.subarray(0, onDisk.length - 1));
    expect(() => store.read(caseId, fileId, key)).toThrow();
    expect(() => store.path('../../etc', fileId)).toThrow();
  });

  it('removes the half-written files a crash left once the app starts again, but not one being written now', () => {
    const t = testDir();
    const store = new CaseFileStore(t.dir);
    const caseId = randomUUID();
    const kept = randomUUID();
    store.write(caseId, kept, key, Buffer.from('heel'));
    const dir = join(t.dir, 'cases', caseId);
    const old = join(dir, `${randomUUID()}.avgf.part`);
    const fresh = join(dir, `${randomUUID()}.avgf.part`);
    writeFileSync(old, encryptFile(Buffer.from('half'), key, 'x').subarray(0, 20));
    writeFileSync(fresh, 'AVGF');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(old, anHourAgo, anHourAgo);
    utimesSync(fresh, new Date(), new Date());
    // Not a case file of ours: left alone, whatever its age.
    mkdirSync(join(t.dir, 'cases', 'notities'));
    writeFileSync(join(t.dir, 'cases', 'notities', 'lijst.part'), 'x');
    utimesSync(join(t.dir, 'cases', 'notities', 'lijst.part'), anHourAgo, anHourAgo);

    createBackend({ kdfCost: TEST_KDF, dataDir: t.dir, logger: silentLogger }).close();
    expect(readdirSync(dir).sort()).toEqual([`${kept}.avgf`, fresh.slice(dir.length + 1)].sort());
    expect(readdirSync(join(t.dir, 'cases', 'notities'))).toEqual(['lijst.part']);
    expect(store.read(caseId, kept, key).toString()).toBe('heel');
    // An empty or missing folder is no problem.
    expect(new CaseFileStore(join(t.dir, 'nergens')).removeUnfinished()).toBe(0);
  });
});
