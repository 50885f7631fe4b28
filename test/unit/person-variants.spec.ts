import { describe, expect, it } from 'vitest';
import { addressParts, findMentions, nameParts, personTerms, shortLabel, type PersonIdentifiers } from '../../shared/redaction/person-variants.js';

const MARLOES: PersonIdentifiers = {
  name: 'Marloes Brinkhorst',
  address: 'Kerkstraat 14, 1211 AB Hilversum',
  email: 'marloes.brinkhorst@voorbeeld.nl',
  phone: '06-87654321',
};
const found = (text: string, person: PersonIdentifiers = MARLOES, other?: PersonIdentifiers) => findMentions(text, person, other).map((m) => m.text);

describe('name parts', () => {
  it.each([
    ['Marloes Brinkhorst', { given: ['Marloes'], initials: ['M'], particles: [], core: 'Brinkhorst' }],
    ['Marloes Johanna Brinkhorst', { given: ['Marloes', 'Johanna'], initials: ['M', 'J'], particles: [], core: 'Brinkhorst' }],
    ['M.J. Brinkhorst', { given: [], initials: ['M', 'J'], particles: [], core: 'Brinkhorst' }],
    ['Pieter van den Berg', { given: ['Pieter'], initials: ['P'], particles: ['van', 'den'], core: 'Berg' }],
    ['Berg, Pieter van den', { given: ['Pieter'], initials: ['P'], particles: ['van', 'den'], core: 'Berg' }],
    ['Anouk Brinkhorst-Jansen', { given: ['Anouk'], initials: ['A'], particles: [], core: 'Brinkhorst-Jansen' }],
    ['Brinkhorst', { given: [], initials: [], particles: [], core: 'Brinkhorst' }],
  ])('%s', (name, parts) => expect(nameParts(name)).toEqual(parts));

  it('labels a person by initial and surname', () => {
    expect(shortLabel('Marloes Brinkhorst')).toBe('M. Brinkhorst');
    expect(shortLabel('Pieter van den Berg')).toBe('P. van den Berg');
  });

  it('reads street with number and postcode from an address', () => {
    expect(addressParts('Kerkstraat 14, 1211 AB Hilversum')).toEqual({ street: 'Kerkstraat 14', postcode: '1211 AB' });
    expect(addressParts('Van Goghlaan 3-a\n1211ab Hilversum')).toEqual({ street: 'Van Goghlaan 3-a', postcode: '1211 AB' });
  });
});

describe('every mention of a third party', () => {
  it.each([
    ['Mevrouw Brinkhorst belde.', 'Mevrouw Brinkhorst'],
    ['Gesprek met mw. Brinkhorst.', 'mw. Brinkhorst'],
    ['De heer Brinkhorst', 'De heer Brinkhorst'],
    ['Brief aan de familie Brinkhorst.', 'familie Brinkhorst'],
    ['Volgens M. Brinkhorst is het lawaai.', 'M. Brinkhorst'],
    ['Volgens M.J. Brinkhorst is het lawaai.', 'M.J. Brinkhorst'],
    ['Volgens dhr. M.J.Brinkhorst is het lawaai.', 'dhr. M.J.Brinkhorst'],
    ['Brinkhorsts hond blafte.', 'Brinkhorsts'],
    ["Brinkhorst's hond blafte.", "Brinkhorst's"],
    ['Lijst: Brinkhorst, M.', 'Brinkhorst, M.'],
    ['E-mail Marloes: zie bijlage', 'Marloes'],
    ['MARLOES BRINKHORST', 'MARLOES BRINKHORST'],
    ['Zij woont aan de Kerkstraat 14 sinds 2019.', 'Kerkstraat 14'],
    ['Postcode 1211AB, te Hilversum.', '1211AB'],
    ['Post naar 1211 AB.', '1211 AB'],
    ['Mail van marloes.brinkhorst@voorbeeld.nl kwam binnen.', 'marloes.brinkhorst@voorbeeld.nl'],
    ['Afzender: Marloes.Brinkhorst (privé)', 'Marloes.Brinkhorst'],
    ['Bel 06 8765 4321 na zes uur.', '06 8765 4321'],
    ['Bel +31 6 87654321 na zes uur.', '+31 6 87654321'],
  ])('in %s finds %s', (text, expected) => expect(found(text)).toEqual([expected]));

  it('does not find a surname or first name inside other words', () => {
    expect(found('De Brinkhorststraat en Marloesje')).toEqual([]);
    expect(found('Kerkstraat 145 is een ander huis')).toEqual([]);
    expect(found('Jan belde in januari', { name: 'Jan Smit' })).toEqual(['Jan']);
  });

  it('finds particles in either order and abbreviated', () => {
    const pieter = { name: 'Pieter van den Berg' };
    expect(found('Buurman van den Berg belde.', pieter)).toEqual(['van den Berg']);
    expect(found('Lijst: Berg, van den en anderen', pieter)).toEqual(['Berg, van den']);
    expect(found('Mevrouw Van den Berg belde', pieter)).toEqual(['Mevrouw Van den Berg']);
    expect(found('Volgens P. v.d. Berg klopt het', pieter)).toEqual(['P. v.d. Berg']);
    expect(found('Pieter zei het', pieter)).toEqual(['Pieter']);
  });

  it('finds each part of a double surname', () => {
    const anouk = { name: 'Anouk Brinkhorst-Jansen' };
    expect(found('Mevrouw Jansen en mevrouw Brinkhorst zijn dezelfde als A. Brinkhorst-Jansen.', anouk)).toEqual([
      'Mevrouw Jansen',
      'mevrouw Brinkhorst',
      'A. Brinkhorst-Jansen',
    ]);
  });

  it('leaves out what the requester shares: a first name or surname of both is not the third party', () => {
    const requester = { name: 'Marloes de Wit' };
    expect(found('Marloes schreef aan mevrouw Brinkhorst', MARLOES, requester)).toEqual(['mevrouw Brinkhorst']);
    expect(personTerms(MARLOES, requester).map((t) => t.text)).not.toContain('Marloes');
    const sister = { name: 'Karin Brinkhorst' };
    expect(found('Brinkhorst belde; Marloes Brinkhorst ook', MARLOES, sister)).toEqual(['Marloes Brinkhorst']);
  });

  it('does not take the start of a sentence for an initial', () => {
    expect(found('Dat zei ik. Brinkhorst antwoordde.')).toEqual(['Brinkhorst']);
  });

  it('finds the requester-style identifiers: customer number, IBAN and BSN in another spelling', () => {
    const person = { name: 'Fatma Yılmaz', customerNumber: 'K-100234', iban: 'NL91ABNA0417164300', bsn: '111222333' };
    expect(found('Klant K-100234, rekening NL91 ABNA 0417 1643 00, BSN 111-222-333.', person)).toEqual(['K-100234', 'NL91 ABNA 0417 1643 00', '111-222-333']);
  });
});
