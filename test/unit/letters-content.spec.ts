import { describe, expect, it } from 'vitest';
import { buildLetter } from '../../shared/letters/build.js';
import { contentProblems, decisionOutcome, letterText } from '../../shared/letters/check.js';
import { DEFAULT_REGISTER } from '../../shared/letters/register.js';
import { type LetterContent } from '../../shared/letters/types.js';
import { DECISION_INPUTS, LETTER_CASE, letterInput, letterReading, letterRefusal } from '../support/letters.js';

const text = letterReading;
const fails = letterRefusal;

const AP = ['Autoriteit Persoonsgegevens', 'Postbus 93374, 2509 AJ Den Haag'];

const DECISIONS = DECISION_INPUTS;

describe('every decision letter states the remedies (§16; UAVG art. 35)', () => {
  it.each(Object.entries(DECISIONS))('%s: the AP with its address, the court and six weeks', (kind, input) => {
    const t = text(input);
    for (const phrase of AP) expect(t).toContain(phrase);
    if (kind === 'beslissing-op-klacht') {
      expect(t).toContain('Hiermee is onze klachtenprocedure afgerond');
      expect(t).toContain('Dat kan binnen zes weken na ontvangst van deze beslissing');
      expect(t).toContain('een verzoekschriftprocedure bij de rechtbank starten (§16 onder a');
      expect(t).not.toContain('Een klacht indienen bij Stichting de Alliantie');
    } else {
      expect(t).toContain('Binnen zes weken na ontvangst van deze');
      expect(t).toContain('verzoekschrift indienen bij de rechtbank');
      expect(t).toContain('Een klacht indienen bij Stichting de Alliantie');
    }
    expect(contentProblems(buildLetter(input), LETTER_CASE)).toEqual([]);
  });
});

describe('letters per kind', () => {
  it('ontvangstbevestiging: dates in Dutch, reference, the term and the extension rule', () => {
    const t = text(letterInput('ontvangstbevestiging', {}));
    expect(t).toContain('Op 2 november 2026 hebben wij uw verzoek om inzage in uw persoonsgegevens ontvangen');
    expect(t).toContain('Wij beslissen uiterlijk op 30 november 2026');
    expect(t).toContain('AVG-2026-0042');
    expect(t).toContain('artikel 12, lid 3 AVG');
    const complaint = text(letterInput('ontvangstbevestiging', {}, { case: { type: 'klacht' } }));
    expect(complaint).toContain('klachtenprocedure');
    expect(complaint).not.toContain('artikel 12, lid 3');
  });

  it('verzoek om identificatie: how, the BSN masked, the reply date, and the authority of a representative', () => {
    const t = text(letterInput('verzoek-om-identificatie', {}));
    expect(t).toContain('burgerservicenummer (BSN)');
    expect(t).toContain('vóór 9 december 2026');
    const viaParent = text(
      letterInput(
        'verzoek-om-identificatie',
        { replyBy: '2026-12-15' },
        { case: { representative: { kind: 'wettelijk_vertegenwoordiger', name: 'Marta Nguyễn' } } },
      ),
    );
    expect(viaParent).toContain('Geachte Marta Nguyễn,');
    expect(viaParent).toContain('U doet het verzoek namens Łukasz Nguyễn-Özdemir');
    expect(viaParent).toContain('vóór 15 december 2026');
  });

  it('verzoek om aanvulling: what is missing, by default the signature of an unsigned request', () => {
    expect(text(letterInput('verzoek-om-aanvulling', {}, { case: { writtenAndSigned: false } }))).toContain('door u ondertekend');
    expect(text(letterInput('verzoek-om-aanvulling', { missing: ['De voorgestelde wijziging van uw adres.'] }))).toContain(
      'De voorgestelde wijziging van uw adres.',
    );
    expect(fails(letterInput('verzoek-om-aanvulling', {}))).toBe('Geef aan wat er in het verzoek ontbreekt.');
  });

  it('zienswijze derde: to the third party, without naming the requester', () => {
    const party = { id: '6d7c1c36-1e0b-4d8e-9b8e-1a2b3c4d5e6f', name: 'Pieter Post', role: 'melder van overlast' };
    const content = buildLetter(
      letterInput('zienswijze-derde', { thirdPartyId: party.id, address: 'Dorpsstraat 3, 1234 AB Hilversum' }, { thirdParties: [party] }),
    );
    expect(content.addressee).toEqual({ name: 'Pieter Post', lines: ['Dorpsstraat 3', '1234 AB Hilversum'] });
    const t = letterText(content);
    expect(t).toContain('als melder van overlast');
    expect(t).toContain('§13');
    expect(t).not.toContain('Łukasz');
    expect(fails(letterInput('zienswijze-derde', { thirdPartyId: party.id, address: 'X 1, 1234 AB Y' }))).toBe(
      'Kies een derde uit het register van deze zaak.',
    );
  });

  it('verlengingsbericht: the reason and the new date, and only before the original term ends', () => {
    const extended = {
      extensionMonths: 2,
      extensionReason: 'Het dossier beslaat drie afdelingen en twaalf jaar huurgeschiedenis.',
      dueOn: '2027-01-30',
      originalDueOn: '2026-11-30',
    };
    const t = text(letterInput('verlengingsbericht', {}, { case: extended }));
    expect(t).toContain('Het dossier beslaat drie afdelingen en twaalf jaar huurgeschiedenis.');
    expect(t).toContain('Nieuwe uiterste datum: 30 januari 2027');
    expect(t).toContain('met twee maanden');
    expect(t).toContain('vóór het einde van de oorspronkelijke termijn');
    expect(fails(letterInput('verlengingsbericht', {}))).toMatch(/^Verleng eerst de termijn/u);
    expect(fails(letterInput('verlengingsbericht', {}, { case: extended, today: '2026-12-01' }))).toContain(
      'vóór het einde van de oorspronkelijke termijn (30 november 2026)',
    );
  });

  it('besluit inzage: the ticked activities with purposes, recipients by name, EEA, retention and source; the rights', () => {
    const t = text(
      letterInput('besluit-inzage', {}, { activities: DEFAULT_REGISTER.filter((a) => ['woonruimteverdeling', 'huuradministratie'].includes(a.id)) }),
    );
    expect(t).toContain('Woonruimteverdeling en toewijzing');
    expect(t).toContain('Ontvangers: WoningNet (derden belast met woonruimteverdeling); Gemeenten (overheidsorganen)');
    expect(t).toContain('Belastingdienst (overheidsorganen); Deurwaarders');
    expect(t).toContain('Buiten de EER: Geen.');
    expect(t).toContain('Uiterlijk twee jaar nadat de overeenkomst is geëindigd');
    expect(t).toContain('Bron: Uzelf en WoningNet.');
    expect(t).not.toContain('Nieuwsbrief');
    for (const right of ['rectificatie', 'te wissen', 'te beperken', 'bezwaar of verzet', 'dataportabiliteit', 'artikel 77 AVG']) expect(t).toContain(right);
    expect(t).toContain('Wij hebben geen gegevens achtergehouden en niets onleesbaar gemaakt.');
    expect(fails(letterInput('besluit-inzage', {}, { activities: [] }))).toMatch(/^Vink eerst in het verwerkingsregister aan/u);
  });

  it('besluit inzage: what is withheld or redacted, and why (art. 15(4))', () => {
    const input = letterInput(
      'besluit-inzage',
      { withheld: [{ what: 'Een interne juridische notitie', why: 'Vertrouwelijk advies van onze advocaat.' }] },
      { documents: { total: 4, redacted: 2 } },
    );
    const t = text(input);
    expect(t).toContain('Een interne juridische notitie | Vertrouwelijk advies van onze advocaat.');
    expect(t).toContain('Gegevens van andere personen in 2 documenten');
    expect(t).toContain('artikel 15, lid 4 AVG');
    expect(t).toContain('4 documenten uit het dossier als PDF, waarvan 2 met onleesbaar gemaakte gegevens van anderen');
    expect(decisionOutcome(input)).toBe('deels');
    expect(decisionOutcome(letterInput('besluit-inzage', {}))).toBe('toegewezen');
  });

  it('besluit dataportabiliteit: a machine-readable copy (art. 20)', () => {
    const t = text(DECISIONS['besluit-dataportabiliteit']);
    expect(t).toContain('JSON en CSV');
    expect(t).toContain('artikel 20 AVG');
  });

  it('besluit correctie afgewezen: the reasons are stated (§14), and required', () => {
    const t = text(DECISIONS['besluit-correctie']);
    expect(t).toContain('Wij wijzen uw verzoek af.');
    expect(t).toContain('De achterstand staat vast');
    expect(t).toContain('Huurachterstand | € 420 | € 0 | Niet doorgevoerd');
    expect(t).not.toContain('geïnformeerd');
    const input = letterInput(
      'besluit-correctie',
      { outcome: 'afgewezen', changes: [{ item: 'Adres', decision: 'afgewezen' }] },
      { case: { type: 'correctie' } },
    );
    expect(fails(input)).toBe('Geef de redenen van de afwijzing; die moeten in de brief staan (§14).');
  });

  it('besluit correctie toegewezen: lists the recipients informed, or why that was impossible or disproportionate', () => {
    const base = {
      outcome: 'toegewezen' as const,
      changes: [{ item: 'Telefoonnummer', from: '06 1234 5678', to: '06 8765 4321', decision: 'doorgevoerd' as const }],
    };
    const correction = { case: { type: 'correctie' as const, correctionKinds: ['verbetering' as const, 'aanvulling' as const] } };
    const informed = text(letterInput('besluit-correctie', { ...base, recipientsInformed: ['WoningNet', 'Aannemer Bouwbedrijf Ağaoğlu'] }, correction));
    expect(informed).toContain('heeft u ons gevraagd uw persoonsgegevens te verbeteren en aan te vullen');
    expect(informed).toContain('Wij willigen uw verzoek in.');
    expect(informed).toContain('artikel 19 AVG');
    expect(informed).toContain('WoningNet');
    expect(informed).toContain('Aannemer Bouwbedrijf Ağaoğlu');
    const disproportionate = text(
      letterInput(
        'besluit-correctie',
        { ...base, notInformed: { ground: 'onevenredige_inspanning', explanation: 'De gegevens gingen in 2019 naar een aannemer die niet meer bestaat.' } },
        correction,
      ),
    );
    expect(disproportionate).toContain('omdat dat een onevenredige inspanning zou vergen');
    expect(disproportionate).toContain('niet meer bestaat');
    expect(fails(letterInput('besluit-correctie', base, correction))).toMatch(/^Vermeld aan wie de correctie is doorgegeven/u);
    expect(fails(letterInput('besluit-correctie', { ...base, outcome: 'afgewezen', reasons: 'x' }, correction))).toMatch(
      /^Bij een afgewezen verzoek is geen wijziging doorgevoerd/u,
    );
  });

  it('besluit verzet: the reasons, and the exception for provision required by law (§15)', () => {
    const input = letterInput(
      'besluit-verzet',
      {
        outcome: 'afgewezen',
        processing: 'het verstrekken van uw inkomensgegevens',
        reasons: 'Het verstrekken is wettelijk verplicht.',
        legalObligation: 'de Woningwet verplicht ons de toewijzing te verantwoorden.',
      },
      { case: { type: 'verzet' } },
    );
    const t = text(input);
    expect(t).toContain('voor: het verstrekken van uw inkomensgegevens');
    expect(t).toContain('van overheidswege verplicht');
    expect(t).toContain('de Woningwet verplicht ons');
    expect(fails(letterInput('besluit-verzet', { outcome: 'deels', processing: 'x' }, { case: { type: 'verzet' } }))).toContain('(§15)');
  });

  it('afwijzing: the ground and reasons (art. 12(5)), and not for a complaint', () => {
    const t = text(DECISIONS.afwijzing);
    expect(t).toContain('omdat het buitensporig is (artikel 12, lid 5 AVG)');
    expect(t).toContain('vijf gelijke verzoeken');
    expect(decisionOutcome(DECISIONS.afwijzing)).toBe('afgewezen_buitensporig');
    expect(fails(letterInput('afwijzing', { ground: 'kennelijk_ongegrond', reasons: 'x' }, { case: { type: 'klacht' } }))).toBe(
      'Een brief "Afwijzing: kennelijk ongegrond of buitensporig (art. 12 lid 5 AVG)" past niet bij een klacht.',
    );
  });

  it('bevestiging intrekking: the date it was withdrawn', () => {
    expect(text(letterInput('bevestiging-intrekking', { withdrawnOn: '2026-11-20' }))).toContain(
      'Op 20 november 2026 heeft u ons laten weten dat u uw verzoek om inzage in uw persoonsgegevens intrekt.',
    );
    expect(fails(letterInput('bevestiging-intrekking', { withdrawnOn: '2026-11-26' }))).toMatch(/^De datum van intrekking/u);
  });
});

describe('addressee, reference line and content model', () => {
  it('puts the address in lines for the window and the reference line in place', () => {
    const content: LetterContent = buildLetter(letterInput('ontvangstbevestiging', {}));
    expect(content.addressee).toEqual({ name: 'Łukasz Nguyễn-Özdemir', lines: ['Weißstraße 12', '1234 AB Hilversum'] });
    expect(content.reference).toEqual({
      ourReference: 'AVG-2026-0042',
      date: '2026-11-25',
      yourLetterOf: '2026-11-02',
      subject: 'Ontvangstbevestiging van uw verzoek om inzage',
    });
    expect(content.title).toBe('Ontvangstbevestiging van uw verzoek om inzage – AVG-2026-0042');
    expect(content.signatory.placeholder).toMatch(/tekenbevoegde/u);
  });

  it('asks for an address when a gemachtigde acts, or when the case has none', () => {
    expect(fails(letterInput('ontvangstbevestiging', {}, { case: { representative: { kind: 'gemachtigde', name: 'Mr. A. Advocaat' } } }))).toMatch(
      /gemachtigde/u,
    );
    expect(fails(letterInput('ontvangstbevestiging', {}, { case: { requester: { ...LETTER_CASE.requester, address: null } } }))).toMatch(
      /adres van de verzoeker ontbreekt/u,
    );
    const named = buildLetter(letterInput('ontvangstbevestiging', { addressee: { name: 'Mr. A. Advocaat', address: 'Postbus 1\n1000 AA Amsterdam' } }));
    expect(named.addressee).toEqual({ name: 'Mr. A. Advocaat', lines: ['Postbus 1', '1000 AA Amsterdam'] });
  });

  it('an edit that drops the remedies is caught before submitting', () => {
    const content = buildLetter(DECISIONS['besluit-verzet']);
    const edited = { ...content, blocks: content.blocks.filter((b) => !(b.type === 'list' && b.items.some((i) => i.includes('rechtbank')))) };
    expect(contentProblems(edited, LETTER_CASE)).toEqual(
      expect.arrayContaining([expect.stringContaining('de termijn van zes weken'), expect.stringContaining('het verzoekschrift bij de rechtbank')]),
    );
  });
});
