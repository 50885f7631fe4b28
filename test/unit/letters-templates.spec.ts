import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract.js';
import { describeIssues, useDutchValidation } from '../../shared/api/validation.js';
import { buildLetter } from '../../shared/letters/build.js';
import { letterText } from '../../shared/letters/check.js';
import { checkTemplateText, fieldsOf, fillText, LetterError } from '../../shared/letters/fields.js';
import type { LetterTemplate } from '../../shared/letters/template-types.js';
import { checkTemplate, DEFAULT_TEMPLATES } from '../../shared/letters/templates.js';
import { LETTER_KINDS } from '../../shared/letters/types.js';
import { letterInput } from '../support/letters.js';

describe('letter templates: text with named fields', () => {
  it.each(LETTER_KINDS)('the default template of %s passes its own check', (kind) => {
    expect(checkTemplate(kind, DEFAULT_TEMPLATES[kind])).toEqual([]);
  });

  it('fills fields, keeps doubled braces literal, and refuses unknown fields in Dutch', () => {
    expect(fillText('Kenmerk {kenmerk}, {{niet vervangen}}', { kenmerk: 'AVG-2026-0001' })).toBe('Kenmerk AVG-2026-0001, {niet vervangen}');
    expect(fieldsOf('Beste {verzoeker.naam}, uw {soort_verzoek}')).toEqual(['verzoeker.naam', 'soort_verzoek']);
    expect(() => fillText('Beste {verzoeker.voornaam}', {})).toThrow(LetterError);
    expect(() => fillText('Beste {verzoeker.voornaam}', {})).toThrow('Onbekend veld {verzoeker.voornaam} in de sjabloon. Pas de sjabloon aan in Beheer.');
    expect(checkTemplateText('Uiterlijk {uiterste datum}')).toEqual([
      'Een accolade "{" zonder geldig veld: "{uiterste datum}". Schrijf {{ voor een accolade in de tekst.',
    ]);
    expect(checkTemplateText('Tot {uiterste_datum}}')).toEqual(['Een losse accolade "}" in de tekst. Schrijf }} voor een accolade in de tekst.']);
    expect(() => fillText('Namens {vertegenwoordiger.naam}', { 'vertegenwoordiger.naam': null })).toThrow(/heeft in deze zaak geen waarde/u);
  });

  it('renders an admin’s own wording; the legal parts stay generated', () => {
    const own: LetterTemplate = {
      ...DEFAULT_TEMPLATES.afwijzing,
      subject: 'Uw {soort_verzoek} van {datum_ontvangst}',
      blocks: [
        { type: 'paragraph', text: 'Beste {verzoeker.naam}, wij gaan niet in op uw verzoek ({afwijzing.grond}).' },
        { type: 'slot', slot: 'motivering' },
        { type: 'slot', slot: 'rechtsmiddelen' },
        { type: 'slot', slot: 'fg' },
        { type: 'slot', slot: 'geautomatiseerd' },
      ],
    };
    expect(checkTemplate('afwijzing', own)).toEqual([]);
    const content = buildLetter(letterInput('afwijzing', { ground: 'kennelijk_ongegrond', reasons: 'Het verzoek gaat niet over persoonsgegevens.' }), own);
    expect(content.reference.subject).toBe('Uw verzoek om inzage van 2 november 2026');
    const text = letterText(content);
    expect(text).toContain('Beste Łukasz Nguyễn-Özdemir, wij gaan niet in op uw verzoek (kennelijk ongegrond).');
    expect(text).toContain('Postbus 93374, 2509 AJ Den Haag');
  });

  it('refuses a template that drops or conditions a required part, or names an unknown field', () => {
    const withoutRemedies: LetterTemplate = {
      ...DEFAULT_TEMPLATES['besluit-inzage'],
      blocks: DEFAULT_TEMPLATES['besluit-inzage'].blocks.filter((b) => !(b.type === 'slot' && b.slot === 'rechtsmiddelen')),
    };
    expect(checkTemplate('besluit-inzage', withoutRemedies)).toEqual([
      'De sjabloon voor "Besluit inzage (art. 15 AVG)" mist het verplichte onderdeel "Klacht, verzoekschrift bij de rechtbank en de Autoriteit Persoonsgegevens (§16; art. 35 UAVG)".',
    ]);
    const conditional: LetterTemplate = {
      ...DEFAULT_TEMPLATES['besluit-correctie'],
      blocks: DEFAULT_TEMPLATES['besluit-correctie'].blocks.map((b) => (b.type === 'slot' && b.slot === 'motivering' ? { ...b, when: ['toegewezen'] } : b)),
    };
    expect(checkTemplate('besluit-correctie', conditional)).toEqual([
      'Het verplichte onderdeel "De redenen van (gedeeltelijke) afwijzing" mag geen voorwaarde hebben.',
    ]);
    const typo: LetterTemplate = { ...DEFAULT_TEMPLATES.ontvangstbevestiging, salutation: 'Geachte {geadresseerde.voornaam},' };
    expect(checkTemplate('ontvangstbevestiging', typo)).toEqual(['Onbekend veld {geadresseerde.voornaam}. Kies uit de velden in de lijst.']);
    expect(checkTemplate('afwijzing', DEFAULT_TEMPLATES.ontvangstbevestiging)[0]).toMatch(/hoort bij "Ontvangstbevestiging"/u);
  });
});

describe('the letters API speaks Dutch about bad input', () => {
  it('names each field in Dutch, also where a name means something else elsewhere', () => {
    useDutchValidation();
    const issues = (procedure: 'letter.draft' | 'letter.updateText', input: unknown) => {
      const parsed = contract[procedure].input.safeParse(input);
      return parsed.success ? [] : describeIssues(parsed.error.issues);
    };
    const caseId = '00000000-0000-4000-8000-000000000000';
    expect(issues('letter.draft', { caseId, kind: 'brief' })).toEqual(['Soort brief: is ongeldig.']);
    expect(
      issues('letter.draft', { caseId, kind: 'besluit-correctie', data: { outcome: 'ja', changes: [{ item: 'Naam', to: 5, decision: 'doorgevoerd' }] } }),
    ).toEqual(['Uitkomst: heeft een onbekende waarde.', 'Wordt: heeft een ongeldige waarde.']);
    expect(
      issues('letter.updateText', { letterId: caseId, subjectLine: '', salutation: 'Geachte heer,', blocks: [{ type: 'alinea' }], closing: 'Groet,' }),
    ).toEqual(['Onderwerp: is verplicht.', 'Soort tekstblok: is ongeldig.']);
  });
});
