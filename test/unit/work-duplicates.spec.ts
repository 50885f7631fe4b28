import { describe, expect, it } from 'vitest';
import { possibleDuplicates } from '../../shared/work/duplicates.js';

describe('possible duplicates among open requests (intake, Mijn werk)', () => {
  it('groups requests with the same name, e-mail or address, whatever the case, accents or punctuation', () => {
    const found = possibleDuplicates([
      { reference: 'AVG-2026-0001', name: 'Zoë Þórsdóttir', email: 'zoe@example.org', address: 'Dorpsstraat 1\n1234 AB Hilversum' },
      { reference: 'AVG-2026-0002', name: 'ZOE THORSDOTTIR', email: null, address: 'Dorpsstraat 1, 1234AB  Hilversum' },
      { reference: 'AVG-2026-0003', name: 'Ahmed El Amrani', email: 'Zoe@Example.org', address: null },
      { reference: 'AVG-2026-0004', name: 'Jan de Vries', email: null, address: 'Kanaalstraat 12' },
    ]);
    expect(found).toEqual([
      { references: ['AVG-2026-0001', 'AVG-2026-0002'], basis: ['naam', 'adres'] },
      { references: ['AVG-2026-0001', 'AVG-2026-0003'], basis: ['e-mail'] },
    ]);
  });

  it('names every ground two requests share, once', () => {
    const found = possibleDuplicates([
      { reference: 'AVG-2026-0007', name: 'Fatma Yılmaz', email: 'f.yilmaz@example.org', address: null },
      { reference: 'AVG-2026-0005', name: 'fatma yilmaz', email: 'F.Yilmaz@example.org', address: null },
    ]);
    expect(found).toEqual([{ references: ['AVG-2026-0005', 'AVG-2026-0007'], basis: ['naam', 'e-mail'] }]);
  });

  it('finds nothing in different people, nor in empty fields', () => {
    expect(
      possibleDuplicates([
        { reference: 'AVG-2026-0001', name: 'Priya Ramdin', email: null, address: '' },
        { reference: 'AVG-2026-0002', name: 'Priya Ramdin-Kalloe', email: null, address: ' ' },
      ]),
    ).toEqual([]);
  });
});
