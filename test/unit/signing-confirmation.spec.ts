import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, STRONG_PASSWORD, addStaff, value } from '../support/backend.js';
import { establishIdentity, toDecision } from '../support/gates.js';
import { letterTeam } from '../support/letter-team.js';
import { pdfText, requirePoppler } from '../support/letters.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());
beforeAll(() => requirePoppler());

/** An access decision of Harm's case, submitted for signing. */
async function submitted() {
  const t = await letterTeam((c) => (cleanup = c));
  const harm = t.handlerSigner;
  const caseId = await t.register(t.requester, { handlerId: harm.id });
  await establishIdentity(t.call, caseId, harm.token);
  value(await t.call('case.selectActivities', { caseId, activityIds: ['huuradministratie'] }, harm.token));
  const letter = value(await t.call('letter.draft', { caseId, kind: 'besluit-inzage', data: {} }, harm.token));
  await toDecision(t.call, caseId, harm.token);
  value(await t.call('letter.submit', { letterId: letter.id }, harm.token));
  return { ...t, harm, caseId, letterId: letter.id };
}

describe("signing asks for the password again and the signer's function", () => {
  it("refuses a signature without the password, with a wrong one or with another account's, and signs with the signer's own", async () => {
    const { call, signer, letterId } = await submitted();
    expect(await call('letter.sign', { letterId }, signer.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    for (const password of ['Fout-Wachtwoord-99!', ADMIN.password]) {
      const refused = await call('letter.sign', { letterId, password }, signer.token);
      expect(refused).toMatchObject({ ok: false, error: { code: 'WRONG_CREDENTIALS' } });
      if (!refused.ok) expect(refused.error.message).toBe('Het wachtwoord is onjuist. De brief is niet ondertekend.');
    }
    expect(value(await call('letter.get', { letterId }, signer.token)).status).toBe('ter_ondertekening');
    const signed = value(await call('letter.sign', { letterId, password: STRONG_PASSWORD }, signer.token));
    expect(pdfText(Buffer.from(signed.pdfBase64, 'base64'))).toContain('Teamleider Privacy');
  });

  it('refuses a signer whose function is empty, in Dutch, until it is filled in', async () => {
    const { backend, call, adminToken, letterId } = await submitted();
    const piet = await addStaff(backend, adminToken, 'piet', ['signer'], 'Piet Testpersoon');
    const refused = await call('letter.sign', { letterId, password: STRONG_PASSWORD }, piet.token);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/^Vul eerst uw functie in/u);
    // A function of blanks is no function either.
    expect(await call('signer.setProfile', { functionTitle: '   ' }, piet.token)).toMatchObject({ ok: false });
    value(await call('signer.setProfile', { functionTitle: 'Manager Wonen' }, piet.token));
    const signed = value(await call('letter.sign', { letterId, password: STRONG_PASSWORD }, piet.token));
    const text = pdfText(Buffer.from(signed.pdfBase64, 'base64'));
    expect(text).toContain('Manager Wonen');
    expect(text).not.toContain('Tekenbevoegde');
  });

  it('tells the signer how many pages the letter has', async () => {
    const { call, signer, letterId } = await submitted();
    const letter = value(await call('letter.get', { letterId }, signer.token));
    const pages = (await PDFDocument.load(Buffer.from(letter.pdfBase64, 'base64'))).getPageCount();
    expect(letter.pages).toBe(pages);
    expect(pages).toBeGreaterThan(0);
  });
});
