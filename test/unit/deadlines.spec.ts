import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, formatDutchDate, toIsoDate } from '../../shared/deadlines/dates.js';
import {
  computeDeadline,
  DEFAULT_DEADLINE_POLICY,
  isWorkingDay,
  REQUEST_TYPES,
  urgency,
  workingDaysLeft,
  type RequestType,
} from '../../shared/deadlines/deadlines.js';
import { holidayName } from '../../shared/deadlines/holidays.js';

/** Hand-checked against a calendar (weekdays verified independently, holidays from the Atw list). */
const TABLE: { why: string; type: RequestType; received: string; extend?: number; due: string; basis: string }[] = [
  { why: 'four weeks end on the same weekday', type: 'inzage', received: '2026-11-25', due: '2026-12-23', basis: 'beleid' },
  {
    why: '31 January: 4 weeks and 1 month both end Saturday 28 February, so Monday',
    type: 'inzage',
    received: '2026-01-31',
    due: '2026-03-02',
    basis: 'beleid',
  },
  { why: 'leap year: 4 weeks (28 Feb) before 1 month (29 Feb)', type: 'inzage', received: '2028-01-31', due: '2028-02-28', basis: 'beleid' },
  {
    why: 'leap year, extended 2 months: 31 Jan + 3 months = 30 April, a Sunday',
    type: 'inzage',
    received: '2028-01-31',
    extend: 2,
    due: '2028-05-01',
    basis: 'verlenging',
  },
  { why: 'ends on Easter Monday: next day', type: 'correctie', received: '2026-03-09', due: '2026-04-07', basis: 'beleid' },
  { why: 'Good Friday is not a public holiday for terms', type: 'verzet', received: '2026-03-06', due: '2026-04-03', basis: 'beleid' },
  { why: 'ends on Koningsdag (Monday 27 April)', type: 'inzage', received: '2026-03-30', due: '2026-04-28', basis: 'beleid' },
  {
    why: 'King’s Day on a Sunday is kept on Saturday 26 April: Monday 28 April counts',
    type: 'inzage',
    received: '2025-03-29',
    due: '2025-04-28',
    basis: 'beleid',
  },
  { why: 'Christmas, Boxing Day and a Sunday in a row', type: 'inzage', received: '2026-11-27', due: '2026-12-28', basis: 'beleid' },
  { why: 'year boundary onto Nieuwjaarsdag', type: 'dataportabiliteit', received: '2026-12-04', due: '2027-01-04', basis: 'beleid' },
  { why: 'month end: 31 March, 4 weeks before 30 April', type: 'inzage', received: '2026-03-31', due: '2026-04-28', basis: 'beleid' },
  { why: 'month end extended: 31 March + 3 months = 30 June', type: 'inzage', received: '2026-03-31', extend: 2, due: '2026-06-30', basis: 'verlenging' },
  { why: 'extended by one month: 25 Nov + 2 months = 25 January', type: 'inzage', received: '2026-11-25', extend: 1, due: '2027-01-25', basis: 'verlenging' },
  { why: '5 mei counts every year', type: 'inzage', received: '2026-04-07', due: '2026-05-06', basis: 'beleid' },
  { why: 'Hemelvaartsdag', type: 'inzage', received: '2026-04-16', due: '2026-05-15', basis: 'beleid' },
  { why: 'tweede pinksterdag, received on a holiday', type: 'inzage', received: '2026-04-27', due: '2026-05-26', basis: 'beleid' },
  { why: 'klacht: six weeks, no GDPR ceiling', type: 'klacht', received: '2026-11-25', due: '2027-01-06', basis: 'beleid' },
];

describe('deadline engine: hand-checked table', () => {
  it.each(TABLE)('$why ($type, received $received → $due)', ({ type, received, extend, due, basis }) => {
    expect(computeDeadline({ type, received, extensionMonths: extend ?? 0 })).toMatchObject({ due, basis });
  });

  it('the GDPR ceiling wins when the policy term is longer', () => {
    const policy = { ...DEFAULT_DEADLINE_POLICY, terms: { ...DEFAULT_DEADLINE_POLICY.terms, inzage: { weeks: 6 } } };
    expect(computeDeadline({ type: 'inzage', received: '2026-11-25' }, policy)).toMatchObject({ due: '2026-12-28', basis: 'avg-plafond' });
  });

  it('suspension moves the due date by the suspended days', () => {
    expect(computeDeadline({ type: 'inzage', received: '2026-11-25', suspendedDays: 7 })).toMatchObject({ due: '2026-12-30', suspendedDays: 7 });
  });

  it('refuses an extension beyond two months or of a complaint', () => {
    expect(() => computeDeadline({ type: 'inzage', received: '2026-11-25', extensionMonths: 3 })).toThrow(RangeError);
    expect(() => computeDeadline({ type: 'klacht', received: '2026-11-25', extensionMonths: 1 })).toThrow(RangeError);
  });

  it('knows which days are holidays', () => {
    expect(holidayName('2026-04-06')).toBe('Tweede paasdag');
    expect(holidayName('2026-05-05')).toBe('Bevrijdingsdag');
    expect(holidayName('2026-04-03')).toBeUndefined();
    expect(isWorkingDay('2026-12-24')).toBe(true);
  });

  it('counts working days left and flags urgency', () => {
    expect(workingDaysLeft('2026-11-25', '2026-12-23')).toBe(20);
    expect(workingDaysLeft('2026-12-23', '2026-12-23')).toBe(0);
    expect(workingDaysLeft('2026-12-24', '2026-12-23')).toBe(-1);
    expect(Object.is(workingDaysLeft('2028-12-31', '2028-12-30'), 0)).toBe(true); // found by the property test: never -0
    expect(workingDaysLeft('2026-12-24', '2026-12-28')).toBe(1); // 25, 26 holidays, 27 Sunday
    expect(urgency('2026-12-16', '2026-12-23')).toBe('warning');
    expect(urgency('2026-12-15', '2026-12-23')).toBe('ok');
    expect(urgency('2026-12-24', '2026-12-23')).toBe('overdue');
  });
});

describe('deadline engine: properties', () => {
  const date = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map(toIsoDate);
  const type = fc.constantFrom(...REQUEST_TYPES);

  it('the due date is a working day, after receipt, never past the ceiling unless extended', () => {
    fc.assert(
      fc.property(date, type, (received, t) => {
        const { due } = computeDeadline({ type: t, received });
        expect(isWorkingDay(due)).toBe(true);
        expect(due > received).toBe(true);
        if (t !== 'klacht') {
          // Not later than the one-month ceiling, rolled over to a working day at most.
          let ceiling = addMonths(received, 1);
          while (!isWorkingDay(ceiling)) ceiling = toIsoDate(new Date(Date.parse(ceiling) + 86_400_000));
          expect(due <= ceiling).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('an extension never exceeds two further months and never shortens the term', () => {
    fc.assert(
      fc.property(
        date,
        fc.constantFrom('inzage', 'correctie', 'verzet', 'dataportabiliteit') as fc.Arbitrary<RequestType>,
        fc.integer({ min: 1, max: 2 }),
        (received, t, months) => {
          const plain = computeDeadline({ type: t, received });
          const extended = computeDeadline({ type: t, received, extensionMonths: months });
          expect(extended.due >= plain.due).toBe(true);
          expect(isWorkingDay(extended.due)).toBe(true);
          let limit = addMonths(received, 3);
          while (!isWorkingDay(limit)) limit = toIsoDate(new Date(Date.parse(limit) + 86_400_000));
          expect(extended.due <= limit).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('dates', () => {
  it('formats Dutch dates', () => {
    expect(formatDutchDate('2026-11-25')).toBe('25 november 2026');
    expect(formatDutchDate('2027-01-01')).toBe('1 januari 2027');
  });

  it('computes age on a date, turning 16 on the birthday itself, 29 February on 1 March', () => {
    expect(ageOn('2010-11-25', '2026-11-25')).toBe(16);
    expect(ageOn('2010-11-26', '2026-11-25')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
    expect(ageOn('2009-02-28', '2025-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2023-02-28')).toBe(14);
    expect(ageOn('2008-02-29', '2023-03-01')).toBe(15);
  });
});

describe('working days left, against counting day by day', () => {
  /** The slow, obvious count, as a second reader of the arithmetic one. */
  function byHand(today: string, due: string): number {
    let n = 0;
    if (today <= due) {
      for (let d = today; d < due;) {
        d = toIsoDate(new Date(Date.parse(d) + 86_400_000));
        if (isWorkingDay(d)) n += 1;
      }
      return n;
    }
    for (let d = due; d < today; d = toIsoDate(new Date(Date.parse(d) + 86_400_000))) if (isWorkingDay(d)) n -= 1;
    return n;
  }
  const date = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }).map(toIsoDate);
  it('agrees for any two dates', () => {
    fc.assert(
      fc.property(date, date, (today, due) => {
        expect(workingDaysLeft(today, due)).toBe(byHand(today, due));
      }),
      { numRuns: 400 },
    );
  });
});
