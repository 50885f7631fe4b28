import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, STRONG_PASSWORD, value } from '../support/basics.js';
import { establishIdentity, toDecision } from '../support/gates.js';
import { letterTeam } from '../support/letter-team.js';
import { P12_PASSWORD, pdfsig, pdfText, requirePoppler, withBlocks } from '../support/letters.js';
import { plaintextHits } from '../support/scan.js';
import { openStoreAs } from '../support/store.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());
beforeAll(() => requirePoppler());

/** A team, and an inzage case of Harm (handler and signer) with two activities ticked. */
async function setup() {
  const t = await letterTeam((c) => (cleanup = c));
  const { handlerSigner: harm } = t;
  const caseId = await t.register(t.requester, { handlerId: harm.id });
  await establishIdentity(t.call, caseId, harm.token);
  value(await t.call('case.selectActivities', { caseId, activityIds: ['huuradministratie', 'onderhoud'] }, harm.token));
  return { ...t, harm, caseId, toDecision: () => toDecision(t.call, caseId, harm.token) };
}

describe('drafting and four-eyes signing through the API', () => {
  it('draft → edit → submit → refused to its author → returned → signed by another → locked → sent', async () => {
    const { call, harm, signer, dpo, caseId, dir } = await setup();
    const draft = value(await call('letter.draft', { caseId, kind: 'besluit-inzage', data: {} }, harm.token));
    expect(draft).toMatchObject({ kind: 'besluit-inzage', status: 'concept', caseReference: 'AVG-2026-0001', draftedBy: 'Harm Weißbach', maySign: false });

    const preview = value(await call('letter.get', { letterId: draft.id }, harm.token));
    expect(preview.problems).toEqual([]);
    const previewText = pdfText(Buffer.from(preview.pdfBase64, 'base64'));
    expect(previewText).toContain('CONCEPT');
    expect(previewText).toContain('Huuradministratie');
    expect(previewText).toContain('Łukasz Nguyễn-Özdemir');

    // The handler's own words; the required statements stay.
    const blocks = [{ type: 'paragraph' as const, text: 'Wij hebben uw dossier met zorg doorgenomen.' }, ...preview.content.blocks];
    const saveOwnWords = async (): Promise<void> => {
      value(await call('letter.updateText', withBlocks(draft.id, preview.content, blocks), harm.token));
    };
    await saveOwnWords();
    // Dropping the remedies is caught on submit.
    const withoutRemedies = blocks.filter((b) => !(b.type === 'list' && b.items.some((i) => i.includes('rechtbank'))));
    value(
      await call(
        'letter.updateText',
        { letterId: draft.id, subjectLine: 'Besluit', salutation: 'Geachte heer,', blocks: withoutRemedies, closing: 'Groet,' },
        harm.token,
      ),
    );
    expect(await call('letter.submit', { letterId: draft.id }, harm.token)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: expect.arrayContaining([expect.stringContaining('rechtbank')]) },
    });
    await saveOwnWords();

    // Submitting from Brieven moves the case on by itself: no detour through "Status wijzigen".
    expect(value(await call('case.get', { id: caseId }, harm.token)).status).toBe('in_behandeling');
    expect(value(await call('letter.submit', { letterId: draft.id }, harm.token)).status).toBe('ter_ondertekening');
    expect(value(await call('case.get', { id: caseId }, harm.token)).status).toBe('ter_ondertekening');

    // Harm is a signer too, but wrote it: refused in the service and audited as denied.
    const queueOfHarm = value(await call('letter.queueForSigning', {}, harm.token));
    expect(queueOfHarm).toEqual([expect.objectContaining({ id: draft.id, maySign: false })]);
    expect(await call('letter.sign', { letterId: draft.id, password: STRONG_PASSWORD }, harm.token)).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'U heeft deze brief zelf opgesteld of bewerkt. Een andere tekenbevoegde moet hem beoordelen en ondertekenen (vier-ogenprincipe).',
      },
    });
    const events = value(await call('audit.list', { limit: 10 }, dpo.token));
    expect(events.find((e) => e.procedure === 'letter.sign')).toMatchObject({ outcome: 'denied', actorId: harm.id, recordId: caseId });

    // The signer reviews and sends it back.
    expect(value(await call('letter.queueForSigning', {}, signer.token))).toEqual([
      expect.objectContaining({ id: draft.id, maySign: true, subject: 'Besluit op uw verzoek om inzage' }),
    ]);
    const review = value(await call('letter.get', { letterId: draft.id }, signer.token));
    expect(pdfText(Buffer.from(review.pdfBase64, 'base64'))).toContain('Wij hebben uw dossier met zorg doorgenomen.');
    value(await call('letter.return', { letterId: draft.id, comment: 'Graag de bijlagen noemen.' }, signer.token));
    expect(value(await call('case.get', { id: caseId }, harm.token)).status).toBe('besluit_in_concept');
    expect(value(await call('letter.list', { caseId }, harm.token))[0]).toMatchObject({ status: 'concept', returnComment: 'Graag de bijlagen noemen.' });
    value(await call('letter.submit', { letterId: draft.id }, harm.token));

    const signedLetter = value(await call('letter.sign', { letterId: draft.id, password: STRONG_PASSWORD }, signer.token));
    const pdf = Buffer.from(signedLetter.pdfBase64, 'base64');
    expect(signedLetter.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(pdfsig(pdf)).toContain('Signature is Valid.');
    const text = pdfText(pdf);
    expect(text).toContain('Sanne Ağaoğlu');
    expect(text).toContain('Teamleider Privacy');
    expect(text).not.toContain('CONCEPT');

    // Locked: no more edits, no second signature; the stored PDF is the signed one.
    expect(await call('letter.updateText', { letterId: draft.id, subjectLine: 'x', salutation: 'x', blocks, closing: 'x' }, harm.token)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await call('letter.sign', { letterId: draft.id, password: STRONG_PASSWORD }, signer.token)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const stored = value(await call('letter.get', { letterId: draft.id }, harm.token));
    expect(stored).toMatchObject({ status: 'ondertekend', sha256: signedLetter.sha256, signedBy: 'Sanne Ağaoğlu' });
    expect(createHash('sha256').update(Buffer.from(stored.pdfBase64, 'base64')).digest('hex')).toBe(signedLetter.sha256);
    expect(value(await call('letter.get', { letterId: draft.id }, signer.token)).sha256).toBe(signedLetter.sha256);

    // The decision is recorded and queued for the central database in the same transaction.
    const store = await openStoreAs(dir, ADMIN.userName, ADMIN.password);
    try {
      const decision = store.sqlite.prepare('SELECT kind, outcome, decided_on, signed_by FROM decisions WHERE letter_id = ?').get(draft.id);
      expect(decision).toEqual({ kind: 'besluit-inzage', outcome: 'toegewezen', decided_on: '2026-11-25', signed_by: signer.id });
      const outbox = store.sqlite.prepare("SELECT kind, payload, created_at, sent_at FROM outbox WHERE kind <> 'case'").all() as {
        kind: string;
        payload: string;
        created_at: string;
        sent_at: string | null;
      }[];
      expect(outbox).toHaveLength(1);
      expect(outbox[0]).toMatchObject({ kind: 'decision', sent_at: null, created_at: stored.signedAt });
      expect(JSON.parse(outbox[0]?.payload ?? '{}')).toMatchObject({
        letterId: draft.id,
        caseReference: 'AVG-2026-0001',
        outcome: 'toegewezen',
        sha256: signedLetter.sha256,
        signedBy: signer.id,
        draftedBy: harm.id,
      });
      expect(outbox[0]?.payload).not.toContain('Łukasz');
      const file = store.sqlite.prepare('SELECT file_id FROM letters WHERE id = ?').pluck().get(draft.id) as string;
      expect(existsSync(join(dir, 'cases', caseId, `${file}.avgf`))).toBe(true);
      const sealed = store.sqlite.prepare('SELECT password_sealed FROM signing_identity').pluck().get() as Buffer;
      expect(sealed.includes(Buffer.from(P12_PASSWORD))).toBe(false);
    } finally {
      store.close();
    }
    // Nothing personal on disk in plaintext: not the name in the letter, not the certificate's password.
    expect(plaintextHits(dir, ['Nguyễn-Özdemir', 'Weißstraße', P12_PASSWORD])).toEqual([]);

    const sent = value(await call('letter.markSent', { letterId: draft.id }, harm.token));
    expect(sent).toMatchObject({ status: 'verzonden', sentOn: '2026-11-25' });
    expect(value(await call('case.get', { id: caseId }, harm.token)).status).toBe('verzonden');
    expect(await call('letter.markSent', { letterId: draft.id }, harm.token)).toMatchObject({
      ok: false,
      error: { message: 'Deze brief is al als verzonden gemarkeerd.' },
    });
  });

  it('submitting a decision from Brieven does not pass a third party that was not heard', async () => {
    const { call, harm, caseId } = await setup();
    const note =
      value(
        await call(
          'dossier.import',
          {
            caseId,
            fileName: 'melding.txt',
            dataBase64: Buffer.from('Melding van buurman Pieter Post over geluidsoverlast.').toString('base64'),
            source: 'overlastdossier',
          },
          harm.token,
        ),
      ).documents[0]?.id ?? '';
    value(await call('thirdParty.add', { caseId, name: 'Pieter Post', role: 'buurman', documentIds: [note] }, harm.token));
    const draft = value(await call('letter.draft', { caseId, kind: 'besluit-inzage', data: {} }, harm.token));
    expect(await call('letter.submit', { letterId: draft.id }, harm.token)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: expect.arrayContaining(['Pieter Post is nog niet gehoord.']) },
    });
    expect(value(await call('case.get', { id: caseId }, harm.token)).status).toBe('in_behandeling');
    expect(value(await call('letter.list', { caseId }, harm.token))[0]).toMatchObject({ status: 'concept' });
  });

  it('an extension letter completes its task, and cannot be signed after the original term', async () => {
    const { call, clock, harm, signer, caseId } = await setup();
    value(await call('case.extend', { id: caseId, months: 2, reason: 'Het dossier beslaat drie afdelingen en veel correspondentie.' }, harm.token));
    const late = value(await call('letter.draft', { caseId, kind: 'verlengingsbericht' }, harm.token));
    value(await call('letter.submit', { letterId: late.id }, harm.token));
    const onTime = value(await call('letter.get', { letterId: late.id }, harm.token));
    expect(onTime.content.blocks).toContainEqual({
      type: 'fields',
      part: 'verlenging',
      fields: expect.arrayContaining([{ label: 'Nieuwe uiterste datum', value: '25 februari 2027' }]),
    });
    clock.set(new Date('2026-12-24T09:00:00Z'));
    expect(await call('letter.sign', { letterId: late.id, password: STRONG_PASSWORD }, signer.token)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('vóór 23 december 2026') },
    });
    clock.set(new Date('2026-12-01T09:00:00Z'));
    value(await call('letter.sign', { letterId: late.id, password: STRONG_PASSWORD }, signer.token));
    value(await call('letter.markSent', { letterId: late.id }, harm.token));
    const detail = value(await call('case.get', { id: caseId }, harm.token));
    expect(detail.tasks.find((task) => task.kind === 'verlengingsbericht')?.status).toBe('done');
    // The identity established in setup moved it on; a letter that is no decision leaves it there.
    expect(detail.status).toBe('in_behandeling');
  });

  it('only the assigned handler drafts; other people’s cases and unsubmitted letters stay closed to signers', async () => {
    const { call, harm, signer, h2, caseId } = await setup();
    expect(await call('letter.draft', { caseId, kind: 'ontvangstbevestiging' }, h2.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const draft = value(await call('letter.draft', { caseId, kind: 'ontvangstbevestiging' }, harm.token));
    expect(await call('letter.get', { letterId: draft.id }, signer.token)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Deze brief is niet aan u voorgelegd.' },
    });
    expect(value(await call('letter.list', { caseId }, signer.token))).toEqual([]);
    expect(await call('letter.sign', { letterId: draft.id, password: STRONG_PASSWORD }, signer.token)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      await call(
        'letter.draft',
        { caseId, kind: 'besluit-correctie', data: { outcome: 'afgewezen', changes: [{ item: 'Naam', decision: 'afgewezen' }], reasons: 'x' } },
        harm.token,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Een brief "Besluit correctie (§14, art. 16–19 AVG)" past niet bij een verzoek om inzage.' },
    });
    value(await call('letter.discard', { letterId: draft.id }, harm.token));
    expect(value(await call('letter.list', { caseId }, harm.token))).toEqual([]);
    expect(value(await call('letter.kinds', {}, signer.token)).map((k) => k.kind)).toContain('besluit-inzage');
  });
});
