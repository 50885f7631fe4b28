import { describe, expect, it } from 'vitest';
import { checkDocument, documentNumberTail, type DocumentEntry } from '../../shared/identity/identity.js';

/** ICAO 9303 specimens (issuing state UTO, "Utopia"). */
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const PASSPORT: DocumentEntry = {
  documentType: 'paspoort',
  issuingCountry: 'UTO',
  documentNumber: 'L898902C3',
  expiry: '2012-04-15',
  surname: 'Eriksson',
  birthDate: '1974-08-12',
  mrz: TD3,
};
const CARD: DocumentEntry = {
  documentType: 'identiteitskaart',
  issuingCountry: 'UTO',
  documentNumber: 'D23145890',
  expiry: '2012-04-15',
  surname: 'Eriksson',
  birthDate: '1974-08-12',
  mrz: TD1,
};
const CASE = { name: 'Anna Maria Eriksson', birthDate: '1974-08-12' };

const byCheck = (results: ReturnType<typeof checkDocument>) => Object.fromEntries(results.map((r) => [r.check, r]));
function breakAt(lines: string[], line: number, pos: number): string[] {
  return lines.map((l, i) => (i === line ? l.slice(0, pos) + (l[pos] === '0' ? '1' : '0') + l.slice(pos + 1) : l));
}

describe('identity document checks', () => {
  it('accepts the TD3 and TD1 specimens on a date they were valid', () => {
    for (const entry of [PASSPORT, CARD]) {
      const results = checkDocument(entry, CASE, '2011-01-01');
      expect(results.filter((r) => !r.ok)).toEqual([]);
      expect(byCheck(results).mrz?.message).toMatch(/ICAO 9303/u);
    }
  });

  it.each([
    ['TD3 document number', TD3, 1, 9, 'documentnummer'],
    ['TD3 birth date', TD3, 1, 19, 'geboortedatum'],
    ['TD3 expiry', TD3, 1, 27, 'vervaldatum'],
    ['TD3 personal number', TD3, 1, 42, 'persoonsnummer'],
    ['TD3 composite', TD3, 1, 43, 'totaal'],
    ['TD1 document number', TD1, 0, 14, 'documentnummer'],
    ['TD1 birth date', TD1, 1, 6, 'geboortedatum'],
    ['TD1 expiry', TD1, 1, 14, 'vervaldatum'],
    ['TD1 composite', TD1, 1, 29, 'totaal'],
  ])('a broken %s check digit is named', (_what, lines, line, pos, field) => {
    const entry = lines === TD3 ? PASSPORT : CARD;
    const mrz = byCheck(checkDocument({ ...entry, mrz: breakAt(lines, line, pos) }, CASE, '2011-01-01')).mrz;
    expect(mrz?.ok).toBe(false);
    expect(mrz?.message).toContain(`het controlecijfer van ${field} klopt niet`);
  });

  it('compares the MRZ with the typed fields', () => {
    const mrz = byCheck(
      checkDocument({ ...PASSPORT, documentNumber: 'L898902C4', birthDate: '1974-08-13' }, { ...CASE, birthDate: '1974-08-13' }, '2011-01-01'),
    ).mrz;
    expect(mrz?.message).toContain('het documentnummer verschilt van het ingevoerde');
    expect(mrz?.message).toContain('de geboortedatum verschilt van de ingevoerde');
    expect(byCheck(checkDocument({ ...CARD, documentType: 'paspoort' }, CASE, '2011-01-01')).mrz?.message).toMatch(/documentsoort \(I\)/u);
  });

  it('expiry counts on the day of the check itself', () => {
    expect(byCheck(checkDocument(PASSPORT, CASE, '2012-04-15')).geldigheid).toMatchObject({ ok: true, message: 'Geldig tot en met 15 april 2012.' });
    expect(byCheck(checkDocument(PASSPORT, CASE, '2012-04-16')).geldigheid).toMatchObject({ ok: false, message: 'Het document is verlopen op 15 april 2012.' });
  });

  it('checks name and date of birth against the case, accent-insensitively', () => {
    const nl: DocumentEntry = {
      documentType: 'identiteitskaart',
      issuingCountry: 'NLD',
      documentNumber: 'IX4B71K92',
      expiry: '2030-01-01',
      surname: 'Nguyen-Ozdemir',
      birthDate: '2011-03-14',
    };
    const ok = checkDocument(nl, { name: 'Łukasz Nguyễn-Özdemir', birthDate: '2011-03-14' }, '2026-11-25');
    expect(ok.filter((r) => !r.ok)).toEqual([]);
    const wrong = byCheck(
      checkDocument({ ...nl, surname: 'Jansen', birthDate: '2011-03-15' }, { name: 'Łukasz Nguyễn-Özdemir', birthDate: '2011-03-14' }, '2026-11-25'),
    );
    expect(wrong.naam?.ok).toBe(false);
    expect(wrong.geboortedatum?.message).toBe('De geboortedatum op het document verschilt van die in de zaak.');
  });

  it('knows the Dutch document number formats', () => {
    const nl = (documentType: DocumentEntry['documentType'], documentNumber: string) =>
      byCheck(
        checkDocument(
          { documentType, issuingCountry: 'NLD', documentNumber, expiry: '2030-01-01', surname: 'Jansen', birthDate: '1980-01-01' },
          { name: 'Jan Jansen', birthDate: '1980-01-01' },
          '2026-11-25',
        ),
      ).documentnummer?.ok;
    expect(nl('paspoort', 'NXC3F1K72')).toBe(true);
    expect(nl('paspoort', 'NOC3F1K72')).toBe(false); // no letter O
    expect(nl('paspoort', 'NXC3F1K7Z')).toBe(false); // ends in a digit
    expect(nl('rijbewijs', '5123456789')).toBe(true);
    expect(nl('rijbewijs', '512345678')).toBe(false);
    expect(documentNumberTail('NXC3F1K72')).toBe('1K72');
  });

  it('says when an MRZ is not one', () => {
    expect(byCheck(checkDocument({ ...PASSPORT, mrz: ['P<UTO', 'kort'] }, CASE, '2011-01-01')).mrz?.ok).toBe(false);
  });
});
