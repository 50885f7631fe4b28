import { describe, expect, it } from 'vitest';
import { letterDraftInput } from '../../shared/letters/letter-schemas.js';
import { buildLetter } from '../../shared/letters/build.js';
import { contentProblems, decisionOutcome, letterText } from '../../shared/letters/check.js';
import type { AnyLetterInput } from '../../shared/letters/data.js';
import { DEFAULT_LETTERHEAD } from '../../shared/letters/letterhead.js';
import { DEFAULT_TEMPLATES } from '../../shared/letters/templates.js';
import { DECISION_KINDS, type Block, type LetterContent } from '../../shared/letters/types.js';
import { DECISION_INPUTS, LETTER_CASE, letterInput, letterReading, letterRefusal } from '../support/letters.js';

const text = letterReading;
const fails = letterRefusal;
const edit = (content: LetterContent, keep: (b: Block) => boolean): LetterContent => ({ ...content, blocks: content.blocks.filter(keep) });

const verzet = { case: { type: 'verzet' as const } };
const CHILD = {
  representative: { kind: 'wettelijk_vertegenwoordiger' as const, name: 'Marta Peters' },
  requester: { name: 'Noah Peters', address: 'Dorpsstraat 1, 1234 AB Hilversum', customerNumber: null },
};

describe('the missing letters', () => {
  it('niet-ontvankelijk: identity not established, with reasons, a new request and the remedies (art. 12(4))', () => {
    const t = text(DECISION_INPUTS['besluit-niet-ontvankelijk']);
    expect(t).toContain('Wij nemen uw verzoek niet in behandeling, omdat wij niet hebben kunnen vaststellen dat het van u komt');
    expect(t).toContain('Wij hebben niets van u ontvangen.');
    expect(t).toContain('U kunt altijd opnieuw een verzoek indienen. Toon dan uw identiteit aan');
    expect(t).toContain('verzoekschrift indienen bij de rechtbank');
    expect(decisionOutcome(DECISION_INPUTS['besluit-niet-ontvankelijk'])).toBe('niet_ontvankelijk_identiteit');
    const formal = text(
      letterInput('besluit-niet-ontvankelijk', {
        ground: 'vormvereiste',
        reasons: 'Uw verzoek is niet ondertekend; wij vroegen u op 4 november om een ondertekend verzoek.',
      }),
    );
    expect(formal).toContain('ook niet nadat wij u hebben gevraagd het aan te vullen');
    expect(formal).not.toContain('vaststellen dat het van u komt');
    const viaParent = text(
      letterInput('besluit-niet-ontvankelijk', { ground: 'identiteit', reasons: 'Er is geen uittreksel uit het gezagsregister ontvangen.' }, { case: CHILD }),
    );
    expect(viaParent).toContain('wie u bent en dat u namens Noah Peters mag optreden');
    expect(fails(letterInput('besluit-niet-ontvankelijk', { ground: 'identiteit', reasons: ' ' }))).toMatch(/^Geef de redenen/u);
  });

  it('geen gegevens: we process nothing, where we searched, and what we keep of the request itself', () => {
    const t = text(DECISION_INPUTS['besluit-geen-gegevens']);
    expect(t).toContain('maar wij verwerken geen persoonsgegevens van u');
    expect(t).toContain('Wij hebben gezocht in: de huuradministratie het klantcontactsysteem');
    expect(t).toContain('Er is daarom niets dat wij kunnen verstrekken.');
    expect(t).toContain('Alleen de gegevens over de behandeling van dit verzoek');
    expect(text(letterInput('besluit-geen-gegevens', {}))).not.toContain('Wij hebben gezocht in');
    expect(text(letterInput('besluit-geen-gegevens', {}, verzet))).toContain('geen gebruik van gegevens dat wij kunnen stoppen');
    expect(decisionOutcome(DECISION_INPUTS['besluit-geen-gegevens'])).toBe('geen_gegevens');
  });

  it('gedeeltelijke afwijzing van inzage: the art. 41 UAVG ground, the reasons, what was withheld, and the art. 15 rest', () => {
    const t = text(DECISION_INPUTS['besluit-afwijzing-inzage']);
    expect(t).toContain('Wij geven u gedeeltelijk inzage.');
    expect(t).toContain('artikel 23 AVG en artikel 41 Uitvoeringswet AVG');
    expect(t).toContain('strafbare feiten (artikel 41, lid 1 onder d UAVG)');
    expect(t).toContain('Het dossier van het woonfraudeonderzoek | Een lopend strafrechtelijk onderzoek');
    expect(t).toContain('artikel 15, lid 3 AVG');
    expect(t).toContain('Huuradministratie');
    expect(decisionOutcome(DECISION_INPUTS['besluit-afwijzing-inzage'])).toBe('deels');
  });

  it('afwijzing van inzage: no copy and no register extract, but the ground, the reasons and what was withheld', () => {
    const input = letterInput('besluit-afwijzing-inzage', {
      outcome: 'afgewezen',
      grounds: ['rechten_anderen'],
      reasons: 'Het dossier gaat in zijn geheel over de klachten van uw buren; uw eigen gegevens staan er niet los van.',
      withheld: [{ what: 'Het overlastdossier', why: 'Het bestaat geheel uit meldingen van buren die niet ingestemd hebben.' }],
    });
    const t = text(input);
    expect(t).toContain('Wij wijzen uw verzoek om inzage af.');
    expect(t).toContain('de rechten en vrijheden van anderen (artikel 15, lid 4 AVG)');
    expect(t).toContain('Het overlastdossier');
    expect(t).not.toContain('U ontvangt een kopie');
    expect(t).not.toContain('Huuradministratie');
    expect(contentProblems(buildLetter(input), LETTER_CASE)).toEqual([]);
    expect(fails(letterInput('besluit-afwijzing-inzage', { outcome: 'afgewezen', grounds: [], reasons: 'x', withheld: [{ what: 'a', why: 'b' }] }))).toMatch(
      /wettelijke grond/u,
    );
    expect(fails(letterInput('besluit-afwijzing-inzage', { outcome: 'afgewezen', grounds: ['toezicht'], reasons: 'x', withheld: [] }))).toMatch(
      /^Vermeld wat u niet verstrekt/u,
    );
  });

  it('verzet tegen direct marketing: always granted, no weighing, no reasons asked, no refusal paragraph', () => {
    const t = text(DECISION_INPUTS['besluit-verzet-direct-marketing']);
    expect(t).toContain('voor direct marketing: aanbiedingen van onze partners per e-mail');
    expect(t).toContain('Wij willigen uw verzet in.');
    expect(t).toContain('wij wegen daarbij niets af en vragen geen reden (artikel 21, lid 2 en 3 AVG)');
    expect(t).toContain('Sinds 25 november 2026 gebruiken wij uw persoonsgegevens niet meer voor direct marketing.');
    for (const refusal of ['wijzen', 'van overheidswege', 'zwaarwegend', 'omstandigheden']) expect(t).not.toContain(refusal);
    expect(text(letterInput('besluit-verzet-direct-marketing', { processing: 'de nieuwsbrief', stoppedOn: '2026-11-10' }, verzet))).toContain(
      'Sinds 10 november 2026',
    );
    expect(fails(letterInput('besluit-verzet-direct-marketing', { processing: 'x', stoppedOn: '2026-10-01' }, verzet))).toMatch(
      /tussen de ontvangst van het verzet en vandaag/u,
    );
    expect(decisionOutcome(DECISION_INPUTS['besluit-verzet-direct-marketing'])).toBe('toegewezen');
  });

  it('kennisgeving aan ontvangers: to the recipient, what was corrected or erased (art. 19), not the old values', () => {
    const input = letterInput(
      'kennisgeving-ontvangers',
      {
        recipient: 'WoningNet',
        address: 'Postbus 2, 3500 AA Utrecht',
        changes: [
          { item: 'Telefoonnummer', action: 'verbeterd', to: '06 8765 4321' },
          { item: 'Aantekening over betalingsachterstand 2019', action: 'gewist' },
        ],
      },
      { case: { type: 'correctie' } },
    );
    const content = buildLetter(input);
    expect(content.addressee).toEqual({ name: 'WoningNet', lines: ['Postbus 2', '3500 AA Utrecht'] });
    expect(content.reference.yourLetterOf).toBeNull();
    const t = text(input);
    expect(t).toContain('Geachte WoningNet,');
    expect(t).toContain('persoonsgegevens verstrekt van Łukasz Nguyễn-Özdemir (klantnummer K-104233)');
    expect(t).toContain('Telefoonnummer | Verbeterd | 06 8765 4321');
    expect(t).toContain('Aantekening over betalingsachterstand 2019 | Gewist | —');
    expect(t).toContain('artikel 19 AVG');
    expect(t).not.toContain('Postbus 93374');
    expect(contentProblems(content, LETTER_CASE)).toEqual([]);
    expect(
      contentProblems(
        edit(content, (b) => b.type !== 'table'),
        LETTER_CASE,
      ),
    ).toEqual([expect.stringContaining('de ontvangers en de gecorrigeerde gegevens (artikel 19 AVG)')]);
    expect(fails(letterInput('kennisgeving-ontvangers', { recipient: 'X', address: 'Y 1, 1234 AB Z', changes: [] }, { case: { type: 'inzage' } }))).toMatch(
      /past niet bij een verzoek om inzage/u,
    );
  });

  it('klacht, termijn verstreken: the §16 route within six weeks after the missed term, only once it has passed', () => {
    const overdue = { case: { type: 'klacht' as const, dueOn: '2026-11-20' } };
    const t = text(letterInput('klacht-termijn-verstreken', {}, overdue));
    expect(t).toContain('hadden wij uiterlijk op 20 november 2026 moeten beslissen. Dat is niet gelukt.');
    expect(t).toContain('Wij beslissen alsnog zo snel mogelijk.');
    expect(t).toContain('een verzoekschriftprocedure bij de rechtbank starten (§16 onder a');
    expect(t).toContain('Postbus 93374, 2509 AJ Den Haag');
    expect(t).toContain('Dat kan binnen zes weken na 20 november 2026, de dag waarop onze termijn afliep');
    expect(t).not.toContain('artikel 35');
    expect(text(letterInput('klacht-termijn-verstreken', { decisionBy: '2026-12-04' }, overdue))).toContain(
      'Wij beslissen alsnog uiterlijk op 4 december 2026.',
    );
    expect(fails(letterInput('klacht-termijn-verstreken', {}, { case: { type: 'klacht' } }))).toMatch(/loopt nog tot en met 30 november 2026/u);
    const content = buildLetter(letterInput('klacht-termijn-verstreken', {}, overdue));
    expect(contentProblems(content, LETTER_CASE)).toEqual([]);
    expect(
      contentProblems(
        edit(content, (b) => b.part !== 'rechtsmiddelen'),
        LETTER_CASE,
      ).length,
    ).toBeGreaterThan(0);
  });

  it('every new kind has a template that passes its own check', () => {
    for (const kind of [
      'besluit-niet-ontvankelijk',
      'besluit-geen-gegevens',
      'besluit-afwijzing-inzage',
      'besluit-verzet-direct-marketing',
      'kennisgeving-ontvangers',
      'klacht-termijn-verstreken',
    ] as const) {
      expect(DEFAULT_TEMPLATES[kind].kind).toBe(kind);
    }
  });
});

describe('letters that cannot contradict themselves', () => {
  const granted = letterInput('besluit-verzet', { outcome: 'toegewezen', processing: 'het delen van uw telefoonnummer met aannemers' }, verzet);

  it('a granted verzet has no refusal and no legal-duty paragraph, and claims no circumstances the case does not record', () => {
    const t = text(granted);
    expect(t).toContain('Wij willigen uw verzet in.');
    for (const refusal of [
      'van overheidswege',
      'hoeven wij daaraan geen gevolg te geven',
      'Dat is hier het geval',
      'niet (volledig) inwilligen',
      'zwaarwegende',
    ])
      expect(t).not.toContain(refusal);
    expect(t).not.toContain('omstandigheden toegelicht');
    expect(fails(letterInput('besluit-verzet', { outcome: 'toegewezen', processing: 'x', legalObligation: 'de Woningwet' }, verzet))).toMatch(
      /^Een toegewezen verzet beroept zich niet op een wettelijke plicht/u,
    );
    const told = text(letterInput('besluit-verzet', { outcome: 'toegewezen', processing: 'x', circumstancesGiven: true }, verzet));
    expect(told).toContain('U heeft daarbij de bijzondere persoonlijke omstandigheden toegelicht waarop het verzet berust.');
  });

  it('the legal-duty paragraph stays in a refusal', () => {
    const t = text(
      letterInput(
        'besluit-verzet',
        { outcome: 'afgewezen', processing: 'x', reasons: 'Het verstrekken is wettelijk verplicht.', legalObligation: 'de Woningwet verplicht ons.' },
        verzet,
      ),
    );
    expect(t).toContain('van overheidswege verplicht');
  });

  it('the request date is the one date the case records, in the reference line and the text', () => {
    const content = buildLetter(letterInput('besluit-inzage', {}, { case: { receivedOn: '2026-11-20', dueOn: '2026-12-18', originalDueOn: '2026-12-18' } }));
    expect(content.reference.yourLetterOf).toBe('2026-11-20');
    const t = letterText(content);
    expect(t).toContain('Op 20 november 2026 heeft u ons gevraagd');
    expect(t).not.toMatch(/19 november/u);
    expect(buildLetter(letterInput('besluit-inzage', {}, { case: { channel: 'balie' } })).reference.yourLetterOf).toBeNull();
    // No second date can be typed per letter.
    const caseId = '00000000-0000-4000-8000-000000000000';
    expect(letterDraftInput.safeParse({ caseId, kind: 'besluit-inzage', data: { yourLetterOf: '2026-11-19' } }).success).toBe(false);
  });

  it('a receipt for a case already overdue says so and promises no past date', () => {
    const overdue = { today: '2026-12-02' };
    const t = text(letterInput('ontvangstbevestiging', {}, overdue));
    expect(t).toContain('De wettelijke termijn om op uw verzoek te beslissen is op 30 november 2026 verstreken.');
    expect(t).not.toContain('uiterlijk op');
    expect(t).not.toContain('vóór die datum');
    expect(t).toContain('binnen zes weken na 30 november 2026 een verzoekschrift indienen bij de rechtbank');
    const complaint = text(letterInput('ontvangstbevestiging', {}, { ...overdue, case: { type: 'klacht' } }));
    expect(complaint).not.toContain('uiterlijk op');
    expect(complaint).toContain('De termijn van die procedure is op 30 november 2026 verstreken');
    expect(text(letterInput('ontvangstbevestiging', {}))).toContain('Wij beslissen uiterlijk op 30 november 2026.');
  });

  it('the complaint decision names the §16 routes, not art. 35 UAVG', () => {
    const t = text(DECISION_INPUTS['beslissing-op-klacht']);
    expect(t).toContain('een verzoekschriftprocedure bij de rechtbank starten (§16 onder a van ons privacyreglement)');
    expect(t).toContain('om te bemiddelen of te adviseren in uw geschil met Stichting de Alliantie (§16 onder b van ons privacyreglement)');
    expect(t).not.toContain('artikel 35');
    expect(t).not.toContain('35 Uitvoeringswet');
  });

  it('letters to a representative speak of the represented person’s data', () => {
    const kinds: AnyLetterInput[] = [
      letterInput('besluit-inzage', {}, { case: CHILD }),
      letterInput('besluit-dataportabiliteit', {}, { case: { ...CHILD, type: 'dataportabiliteit' } }),
      letterInput(
        'besluit-correctie',
        {
          outcome: 'toegewezen',
          changes: [{ item: 'Adres', to: 'Dorpsstraat 2', decision: 'doorgevoerd' }],
          notInformed: { ground: 'niet_verstrekt', explanation: 'Geen.' },
        },
        { case: { ...CHILD, type: 'correctie' } },
      ),
      letterInput('besluit-verzet', { outcome: 'toegewezen', processing: 'foto’s in de bewonerskrant' }, { case: { ...CHILD, type: 'verzet' } }),
      letterInput('besluit-verzet-direct-marketing', { processing: 'de nieuwsbrief' }, { case: { ...CHILD, type: 'verzet' } }),
      letterInput('verzoek-om-identificatie', {}, { case: CHILD }),
      letterInput('besluit-niet-ontvankelijk', { ground: 'identiteit', reasons: 'Geen bewijs van gezag ontvangen.' }, { case: CHILD }),
    ];
    for (const input of kinds) {
      const t = text(input);
      expect(t, input.kind).toContain('Geachte Marta Peters,');
      expect(t, input.kind).not.toContain('uw persoonsgegevens');
      expect(t, input.kind).toMatch(/(persoonsgegevens|gegevens) (van|die wij van) Noah Peters|van Noah Peters/u);
    }
    expect(text(kinds[3] as AnyLetterInput)).toContain('Wij stoppen met dit gebruik van de persoonsgegevens van Noah Peters.');
    expect(text(kinds[0] as AnyLetterInput)).toContain('Over de persoonsgegevens van Noah Peters kunt u ons vragen');
  });
});

describe('every decision carries the FG and the art. 15(1)(h) statement', () => {
  it.each(DECISION_KINDS)('%s', (kind) => {
    const t = text(DECISION_INPUTS[kind]);
    expect(t).toContain(
      'functionaris gegevensbescherming: De functionaris gegevensbescherming van Stichting de Alliantie, privacy@de-alliantie.nl, 088 0023200 of Postbus 105, 1200 AC Hilversum.',
    );
    expect(t).toContain('Wij nemen geen besluiten die uitsluitend op geautomatiseerde verwerking berusten, ook niet op basis van profilering.');
  });

  it('the FG from the letterhead settings, and the declared logic where the register has automated decision-making', () => {
    const organisation = { ...DEFAULT_LETTERHEAD, dpo: { name: 'Mr. Femke de Graaf', email: 'fg@example.nl', phone: '', address: '' } };
    const input = letterInput(
      'besluit-inzage',
      {},
      {
        organisation,
        automatedDecisions: [
          {
            activity: 'Inkomenstoets',
            logic: 'Het systeem toetst het inkomen automatisch aan de inkomensgrens; u kunt een medewerker vragen het opnieuw te bekijken.',
          },
        ],
      },
    );
    const t = text(input);
    expect(t).toContain('functionaris gegevensbescherming: Mr. Femke de Graaf, fg@example.nl.');
    expect(t).toContain('Inkomenstoets: Het systeem toetst het inkomen automatisch');
    expect(t).not.toContain('Wij nemen geen besluiten die uitsluitend');
    const noContact = { ...DEFAULT_LETTERHEAD, dpo: { name: 'FG', email: '', phone: '', address: '' } };
    expect(fails(letterInput('besluit-inzage', {}, { organisation: noContact }))).toMatch(/functionaris gegevensbescherming/u);
    expect(text(letterInput('ontvangstbevestiging', {}))).not.toContain('functionaris gegevensbescherming');
  });
});

describe('mandatory content that editing cannot remove', () => {
  const access = buildLetter(DECISION_INPUTS['besluit-inzage']);

  it('an access decision stripped of its art. 15(1) content is refused, naming what is missing', () => {
    expect(contentProblems(access, LETTER_CASE)).toEqual([]);
    const stripped = edit(access, (b) => b.part !== 'art15_1' && b.part !== 'art15_1_e' && b.part !== 'art15_1_h');
    const problems = contentProblems(stripped, LETTER_CASE);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('de verwerkingen uit het register (artikel 15, lid 1 onder a tot en met d en g, en lid 2 AVG)'),
        expect.stringContaining('de rechten op rectificatie, wissing, beperking en bezwaar (artikel 15, lid 1 onder e AVG)'),
        expect.stringContaining('de verklaring over geautomatiseerde besluitvorming (artikel 15, lid 1 onder h AVG)'),
      ]),
    );
  });

  it('one activity fewer, or an activity without its recipients, is named', () => {
    let dropped = false;
    const oneFewer = edit(access, (b) => (b.part === 'art15_1' && !dropped ? ((dropped = true), false) : true));
    expect(contentProblems(oneFewer, LETTER_CASE)).toEqual([expect.stringMatching(/^De brief mist 1 van de 3 verplichte blokken/u)]);
    const noRecipients: LetterContent = {
      ...access,
      blocks: access.blocks.map((b) => (b.part === 'art15_1' && b.type === 'fields' ? { ...b, fields: b.fields.filter((f) => f.label !== 'Ontvangers') } : b)),
    };
    expect(contentProblems(noRecipients, LETTER_CASE)).toEqual(['Bij een verwerking ontbreekt de ontvangers (artikel 15, lid 1 onder c AVG).']);
  });

  it('rephrasing keeps a part; removing the copy, what was withheld, the reasons or the FG does not', () => {
    const rephrased: LetterContent = {
      ...access,
      blocks: access.blocks.map((b) =>
        b.part === 'art15_3' && b.type === 'paragraph' ? { ...b, text: 'Bijgaand vindt u een afschrift van alle gegevens (artikel 15, lid 3 AVG).' } : b,
      ),
    };
    expect(contentProblems(rephrased, LETTER_CASE)).toEqual([]);
    for (const part of ['art15_3', 'art15_4', 'fg'] as const) {
      expect(
        contentProblems(
          edit(access, (b) => b.part !== part),
          LETTER_CASE,
        ),
        part,
      ).toEqual([expect.stringContaining('De brief mist een verplicht onderdeel')]);
    }
    const refusal = buildLetter(DECISION_INPUTS['besluit-afwijzing-inzage']);
    expect(
      contentProblems(
        edit(refusal, (b) => b.part !== 'gronden' && b.part !== 'motivering'),
        LETTER_CASE,
      ),
    ).toEqual(
      expect.arrayContaining([expect.stringContaining('de wettelijke grond om inzage te beperken'), expect.stringContaining('de redenen van het besluit')]),
    );
    const correction = buildLetter(
      letterInput(
        'besluit-correctie',
        { outcome: 'toegewezen', changes: [{ item: 'Adres', to: 'Dorpsstraat 2', decision: 'doorgevoerd' }], recipientsInformed: ['WoningNet'] },
        { case: { type: 'correctie' } },
      ),
    );
    expect(
      contentProblems(
        edit(correction, (b) => b.part !== 'art19'),
        LETTER_CASE,
      ),
    ).toEqual([expect.stringContaining('(artikel 19 AVG)')]);
  });

  it('the extension keeps its reasons and date as a block', () => {
    const extended = { extensionMonths: 1, extensionReason: 'Drie afdelingen moeten zoeken.', dueOn: '2026-12-30', originalDueOn: '2026-11-30' };
    const content = buildLetter(letterInput('verlengingsbericht', {}, { case: extended }));
    expect(
      contentProblems(
        edit(content, (b) => b.part !== 'verlenging'),
        { ...LETTER_CASE, ...extended },
      ),
    ).toEqual(expect.arrayContaining([expect.stringContaining('de reden van de verlenging en de nieuwe uiterste datum')]));
  });

  it('an admin template saved before a slot became required still gets it', () => {
    const old = {
      ...DEFAULT_TEMPLATES['besluit-inzage'],
      blocks: DEFAULT_TEMPLATES['besluit-inzage'].blocks.filter((b) => !(b.type === 'slot' && (b.slot === 'fg' || b.slot === 'kopie'))),
    };
    const content = buildLetter(DECISION_INPUTS['besluit-inzage'], old);
    expect(contentProblems(content, LETTER_CASE)).toEqual([]);
    expect(letterText(content)).toContain('functionaris gegevensbescherming');
  });
});
