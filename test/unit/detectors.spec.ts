import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect, findTerm, foldTerm, ibanMod97, isValidBsn, isValidIban, type DetectorKind } from '../../shared/redaction/detectors.js';
import { foldForSearch } from '../../shared/cases/search.js';

const found = (text: string, kind: DetectorKind) => detect(text, [kind]).map((c) => c.text);

/** A sentence around the candidate, so boundaries are tested as they occur in letters. */
const inSentence = (s: string) => `Volgens ons dossier is het nummer ${s}, zoals eerder gemeld.`;

describe('BSN (11-proef)', () => {
  it.each(['111222333', '123456782', '999999990', '100000009'])('%s is valid', (bsn) => expect(isValidBsn(bsn)).toBe(true));
  it.each(['111222334', '123456789', '000000000', '12345678', '1234567820', '12345678a'])('%s is not', (bsn) => expect(isValidBsn(bsn)).toBe(false));

  it.each(['111222333', '1112.22.333', '111 222 333', '111.222.333', '111-222-333', '1112-22-333'])('finds %s, with dots, spaces or dashes', (bsn) => {
    expect(found(inSentence(bsn), 'bsn')).toEqual([bsn]);
  });

  it.each([
    ['a changed last digit', '111222334'],
    ['ten digits', '1112223330'],
    ['part of a longer grouped number', '0111 2223 33'],
    ['glued to letters', 'KL111222333'],
    ['the digits of an IBAN', 'NL91ABNA0417164300'],
    ['a dashed number that fails the 11-proef', '111-222-334'],
    ['a phone number with a dash', '011-1222333'],
  ])('does not find %s', (_, text) => expect(found(inSentence(text), 'bsn')).toEqual([]));

  it('finds a nine-digit group followed by another number', () => expect(found('BSN 111222333 12 jaar', 'bsn')).toEqual(['111222333']));
});

describe('IBAN (mod 97)', () => {
  it.each([
    'NL91ABNA0417164300',
    'NL91 ABNA 0417 1643 00',
    'DE89370400440532013000',
    'GB82 WEST 1234 5698 7654 32',
    'BE68539007547034',
    'FR1420041010050500013M02606',
    'nl91abna0417164300',
  ])('finds %s', (iban) => {
    expect(isValidIban(iban)).toBe(true);
    expect(found(inSentence(iban), 'iban')).toEqual([iban]);
  });

  it.each([
    ['a changed digit', 'NL91ABNA0417164301'],
    ['swapped digits', 'NL91ABNA0417163400'],
    ['one character short', 'NL91ABNA041716430'],
    ['an unknown country', 'XX91ABNA0417164300'],
    ['more characters glued on', 'NL91ABNA0417164300X'],
  ])('does not find %s', (_, text) => expect(found(inSentence(text), 'iban')).toEqual([]));
});

describe('phone numbers (Dutch)', () => {
  it.each([
    '06-12345678',
    '06 1234 5678',
    '0612345678',
    '06 12 34 56 78',
    '+31 6 12345678',
    '+31612345678',
    '+31 (0)6 12345678',
    '0031 6 1234 5678',
    '020-1234567',
    '035-1234567',
    '0294-123456',
    '(035) 123 4567',
    '088 123 45 67',
  ])('finds %s', (phone) => {
    expect(found(inSentence(phone), 'phone')).toEqual([phone]);
  });

  it.each([
    ['a free-phone service number', '0800-1234567'],
    ['a paid service number', '0900 123 45 67'],
    ['too few digits', '06-1234567'],
    ['too many digits', '06123456789'],
    ['a date followed by a number', '01-03-2011 12'],
    ['a ten-digit number without a leading 0', '1234567890'],
    ['a Belgian number', '+32 6 12345678'],
    ['a nine-digit BSN-valid number', '612345678'],
    ['the digits inside an IBAN', 'NL91 ABNA 0417 1643 00'],
  ])('does not find %s', (_, text) => expect(found(inSentence(text), 'phone')).toEqual([]));
});

describe('e-mail addresses', () => {
  it.each(['jan.de.vries@example.nl', 'j.ozdemir+huur@woning-corp.example.nl', 'Ł.nguyen@przykład.pl'])('finds %s', (email) =>
    expect(found(inSentence(email), 'email')).toEqual([email]),
  );
  it.each(['jan@', '@example.nl', 'jan@localhost', 'jan@@example.nl'])('does not find %s', (text) => expect(found(inSentence(text), 'email')).toEqual([]));
  it('stays linear on a long run without @', () => {
    const start = performance.now();
    detect(`${'a.'.repeat(50_000)}x`, ['email']);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('dates', () => {
  it.each(['14-03-2011', '14/03/2011', '14.03.2011', '2011-03-14', '14 maart 2011', '14 Maart 2011', '1 mrt. 1990', '29 februari 2024', '3 sept 1975'])(
    'finds %s',
    (date) => {
      expect(found(inSentence(date), 'dob')).toEqual([date]);
    },
  );
  it.each([
    ['30 February', '30-02-2011'],
    ['month 13', '14-13-2011'],
    ['29 February in a common year', '29 februari 2023'],
    ['a two-digit year', '14-03-11'],
    ['mixed separators', '14-03/2011'],
    ['an unknown month', '14 maartje 2011'],
  ])('does not find %s', (_, text) => expect(found(inSentence(text), 'dob')).toEqual([]));
});

describe('licence plates (sidecodes)', () => {
  it.each([
    'XX-99-99',
    '99-99-XX',
    '99-XX-99',
    'XX-99-XX',
    'XX-XX-99',
    '99-XX-XX',
    '12-ABC-3',
    '1-ABC-23',
    'AB-123-C',
    'A-123-BC',
    'ABC-12-D',
    'A-12-BCD',
    '1-AB-234',
    '123-AB-4',
  ])('finds %s', (plate) => {
    expect(found(inSentence(plate), 'plate')).toEqual([plate]);
  });
  it.each([
    ['no dashes', 'AB123C'],
    ['lower case', 'ab-123-c'],
    ['digits only', '12-34-56'],
    ['a longer code', '12-ABC-3-4'],
    ['a wrong grouping', 'ABCD-1-2'],
  ])('does not find %s', (_, text) => expect(found(inSentence(text), 'plate')).toEqual([]));
});

describe('findTerm', () => {
  it('finds a name whatever its case and accents, with offsets into the original text', () => {
    const text = 'OZDEMIR, özdemir en O\u0308zdemir (ontleed) belden.';
    const matches = findTerm(text, 'Özdemir');
    expect(matches.map((m) => m.text)).toEqual(['OZDEMIR', 'özdemir', 'O\u0308zdemir']);
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it.each([
    ['Łukasz', 'LUKASZ', 'LUKASZ'],
    ['lukasz', 'Łukasz belde', 'Łukasz'],
    ['Straße', 'STRASSE 12', 'STRASSE'],
    ['strasse', 'de Straße 12', 'Straße'],
    ['Griffioen', 'mevrouw Gri\ufb03oen', 'Gri\ufb03oen'],
    ['Jan de Vries', 'Jan de\r\n   Vries kwam', 'Jan de\r\n   Vries'],
    ['Vries', 'Vri\u00ADes', 'Vri\u00ADes'],
    ['Nguyễn-Özdemir', 'NGUYEN\u2011OZDEMIR', 'NGUYEN\u2011OZDEMIR'],
  ])('finds %s in %s', (term, text, expected) => expect(findTerm(text, term).map((m) => m.text)).toEqual([expected]));

  it('finds nothing for an empty or blank term, and merges overlapping hits', () => {
    expect(findTerm('aaa', '')).toEqual([]);
    expect(findTerm('aaa', '   ')).toEqual([]);
    expect(findTerm('aaaa', 'aa')).toEqual([{ start: 0, end: 4, text: 'aaaa' }]);
  });
});

describe('properties', () => {
  const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2];
  const validBsn = fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
    .map((d) => [...d, WEIGHTS.reduce((s, w, i) => s + w * (d[i] ?? 0), 0) % 11])
    .filter((d) => (d[8] ?? 10) < 10 && d.some((x) => x !== 0))
    .map((d) => d.join(''));
  const format = fc.constantFrom(
    (s: string) => s,
    (s: string) => `${s.slice(0, 4)}.${s.slice(4, 6)}.${s.slice(6)}`,
    (s: string) => `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`,
  );
  const words = fc.string({ unit: fc.constantFrom('a', 'b', 'e', 'n', 'r', 's', ' ', ',', '.', 'ö'), maxLength: 30 });

  it('a generated valid BSN is found, in any format and any text around it', () => {
    fc.assert(
      fc.property(validBsn, format, words, words, (bsn, fmt, before, after) => {
        const text = `${before} ${fmt(bsn)} ${after}`;
        expect(found(text, 'bsn')).toEqual([fmt(bsn)]);
      }),
    );
  });

  it('a BSN with one changed digit is never found', () => {
    fc.assert(
      fc.property(validBsn, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (bsn, at, delta) => {
        const changed = bsn.slice(0, at) + String((Number(bsn[at]) + delta) % 10) + bsn.slice(at + 1);
        expect(found(inSentence(changed), 'bsn')).toEqual([]);
      }),
    );
  });

  const COUNTRIES: [string, number][] = [
    ['NL', 18],
    ['BE', 16],
    ['DE', 22],
    ['FR', 27],
    ['GB', 22],
    ['ES', 24],
    ['PL', 28],
    ['TR', 26],
    ['NO', 15],
    ['MT', 31],
  ];
  const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const validIban = fc
    .tuple(fc.constantFrom(...COUNTRIES), fc.array(fc.integer({ min: 0, max: 35 }), { minLength: 31, maxLength: 31 }))
    .map(([[country, length], chars]) => {
      const bban = chars
        .slice(0, length - 4)
        .map((c) => ALNUM[c])
        .join('');
      const check = String(98 - ibanMod97(`${bban}${country}00`)).padStart(2, '0');
      return `${country}${check}${bban}`;
    });
  const grouped = fc.boolean().map((g) => (s: string) => (g ? (s.match(/.{1,4}/gu) ?? []).join(' ') : s));

  it('a generated valid IBAN is found, grouped or not', () => {
    fc.assert(
      fc.property(validIban, grouped, words, (iban, group, before) => {
        expect(found(`${before} ${group(iban)} .`, 'iban')).toEqual([group(iban)]);
      }),
    );
  });

  it('an IBAN with one changed character is never found', () => {
    fc.assert(
      fc.property(validIban, fc.nat(), fc.integer({ min: 1, max: 9 }), (iban, pick, delta) => {
        const at = 2 + (pick % (iban.length - 2));
        const c = iban[at] ?? '0';
        const swapped = /\d/u.test(c) ? String((Number(c) + delta) % 10) : ALNUM[10 + ((ALNUM.indexOf(c) - 10 + delta) % 26)];
        expect(found(inSentence(iban.slice(0, at) + (swapped ?? '') + iban.slice(at + 1)), 'iban')).toEqual([]);
      }),
    );
  });

  it('findTerm finds a name however it is cased, decomposed or stripped of accents, at the right offsets', () => {
    const names = ['Jan de Vries', 'Özdemir', 'Łukasz Nguyễn', 'Straße', 'Ağaoğlu'];
    const variant = fc.constantFrom(
      (s: string) => s,
      (s: string) => s.toUpperCase(),
      (s: string) => s.toLowerCase(),
      (s: string) => s.normalize('NFD'),
      (s: string) => foldForSearch(s),
    );
    const noise = fc.string({ unit: fc.constantFrom('1', '2', ' ', ',', '.', '-', 'x'), maxLength: 20 });
    fc.assert(
      fc.property(fc.constantFrom(...names), variant, noise, noise, (name, vary, before, after) => {
        const written = vary(name);
        const text = `${before}${written}${after}`;
        expect(findTerm(text, name)).toContainEqual({ start: before.length, end: before.length + written.length, text: written });
      }),
    );
  });

  it('every match folds to the term', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ minLength: 1, maxLength: 4 }), (text, term) => {
        for (const m of findTerm(text, term)) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(foldTerm(m.text)).toContain(foldTerm(term).trim());
        }
      }),
    );
  });
});
