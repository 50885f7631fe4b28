import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../shared/reports/csv.js';
import {
  computeReport,
  handlingWorkingDays,
  median,
  percentile,
  periodAround,
  reportCasesCsv,
  reportCsv,
  type ReportCase,
} from '../../shared/reports/reports.js';

const base = { extensionMonths: 0, thirdPartiesHeard: 0, redactedDocuments: 0, handlerName: 'Hanna Behandelaar' } as const;
const row = (r: Partial<ReportCase> & Pick<ReportCase, 'reference' | 'type' | 'channel' | 'receivedOn' | 'dueOn' | 'status'>): ReportCase => ({
  completedOn: null,
  outcome: null,
  ...base,
  ...r,
});

/**
 * Hand-counted: the first quarter of 2026, seen on 15 April 2026. Working days are counted by hand
 * on a calendar (25/26 December and 1 January are holidays).
 */
const FIXTURE: ReportCase[] = [
  // A: 5 → 19 January = 10 working days, on time.
  row({
    reference: 'AVG-2026-0001',
    type: 'inzage',
    channel: 'brief',
    receivedOn: '2026-01-05',
    dueOn: '2026-02-02',
    status: 'afgesloten',
    completedOn: '2026-01-19',
    outcome: 'toegewezen',
    thirdPartiesHeard: 1,
    redactedDocuments: 2,
  }),
  // B: 12 January → 10 February = 21 working days, a day late.
  row({
    reference: 'AVG-2026-0002',
    type: 'correctie',
    channel: 'email',
    receivedOn: '2026-01-12',
    dueOn: '2026-02-09',
    status: 'verzonden',
    completedOn: '2026-02-10',
    outcome: 'deels',
  }),
  // C: 2 February → 2 March = 20 working days, on time.
  row({
    reference: 'AVG-2026-0003',
    type: 'klacht',
    channel: 'balie',
    receivedOn: '2026-02-02',
    dueOn: '2026-03-16',
    status: 'afgesloten',
    completedOn: '2026-03-02',
    outcome: 'ongegrond',
    thirdPartiesHeard: 2,
    redactedDocuments: 1,
  }),
  // D: open and past its due date today.
  row({ reference: 'AVG-2026-0004', type: 'inzage', channel: 'mijn_alliantie', receivedOn: '2026-03-10', dueOn: '2026-04-07', status: 'in_behandeling' }),
  // E: open, extended by two months, not late.
  row({
    reference: 'AVG-2026-0005',
    type: 'verzet',
    channel: 'brief',
    receivedOn: '2026-03-20',
    dueOn: '2026-06-19',
    status: 'in_behandeling',
    extensionMonths: 2,
  }),
  // F: received last year, completed 8 January = 15 working days, on time.
  row({
    reference: 'AVG-2025-0099',
    type: 'inzage',
    channel: 'brief',
    receivedOn: '2025-12-15',
    dueOn: '2026-01-12',
    status: 'afgesloten',
    completedOn: '2026-01-08',
    outcome: 'toegewezen',
    redactedDocuments: 3,
  }),
  // G: withdrawn after 4 working days.
  row({
    reference: 'AVG-2026-0006',
    type: 'dataportabiliteit',
    channel: 'telefoon',
    receivedOn: '2026-02-16',
    dueOn: '2026-03-16',
    status: 'ingetrokken',
    completedOn: '2026-02-20',
    outcome: 'ingetrokken',
  }),
  // H: after the period: nowhere.
  row({ reference: 'AVG-2026-0007', type: 'inzage', channel: 'email', receivedOn: '2026-04-02', dueOn: '2026-04-30', status: 'ontvangen' }),
];
const Q1 = { from: '2026-01-01', to: '2026-03-31', today: '2026-04-15' };

describe('report figures against a hand-counted fixture', () => {
  const report = computeReport(FIXTURE, Q1, true);

  it('requests received in the period by type and channel, extensions, overdue now', () => {
    expect(report.received).toEqual({
      total: 6,
      byType: { inzage: 2, correctie: 1, verzet: 1, dataportabiliteit: 1, klacht: 1 },
      byChannel: { brief: 2, email: 1, mijn_alliantie: 1, balie: 1, telefoon: 1 },
      extensionsUsed: 1,
      overdueNow: 1,
    });
  });

  it('completed in the period: outcomes, on time, median and 90th percentile in working days, third parties, redactions', () => {
    expect(report.completed).toEqual({
      total: 5,
      byOutcome: [
        { outcome: 'toegewezen', label: 'Toegewezen', count: 2 },
        { outcome: 'deels', label: 'Deels toegewezen', count: 1 },
        { outcome: 'ingetrokken', label: 'Ingetrokken', count: 1 },
        { outcome: 'ongegrond', label: 'Klacht ongegrond', count: 1 },
      ],
      onTime: 4,
      late: 1,
      onTimePercentage: 80,
      medianWorkingDays: 15,
      p90WorkingDays: 21,
      thirdPartiesHeard: 3,
      redactedDocuments: 6,
    });
    expect(report.cases?.map((c) => [c.reference, c.workingDays])).toEqual([
      ['AVG-2025-0099', 15],
      ['AVG-2026-0001', 10],
      ['AVG-2026-0002', 21],
      ['AVG-2026-0003', 20],
      ['AVG-2026-0004', null],
      ['AVG-2026-0005', null],
      ['AVG-2026-0006', 4],
    ]);
  });

  it('per month', () => {
    expect(report.byMonth).toEqual([
      { month: '2026-01', received: 2, completedOnTime: 2, completedLate: 0 },
      { month: '2026-02', received: 2, completedOnTime: 1, completedLate: 1 },
      { month: '2026-03', received: 2, completedOnTime: 1, completedLate: 0 },
    ]);
  });

  it("the auditor's report holds the same figures, and no references or names, in JSON or CSV", () => {
    const forAuditor = computeReport(FIXTURE, Q1, false);
    expect({ ...forAuditor, cases: null }).toEqual({ ...report, cases: null });
    expect(forAuditor.cases).toBeNull();
    const everything = JSON.stringify(forAuditor) + reportCsv(forAuditor);
    expect(everything).not.toMatch(/AVG-\d{4}/u);
    expect(everything).not.toContain('Hanna');
  });

  it('an empty period has no percentages or medians, not zeros', () => {
    const empty = computeReport(FIXTURE, { from: '2027-01-01', to: '2027-01-31', today: '2027-02-01' }, false);
    expect(empty.completed).toMatchObject({ total: 0, onTimePercentage: null, medianWorkingDays: null, p90WorkingDays: null });
  });
});

describe('the pieces', () => {
  it('median, nearest-rank percentile and working days', () => {
    expect(median([4, 10, 15, 20])).toBe(12.5);
    expect(median([])).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
    expect(handlingWorkingDays('2026-01-05', '2026-01-05')).toBe(0);
    // Friday → Monday is one working day; Christmas and New Year do not count.
    expect(handlingWorkingDays('2026-01-02', '2026-01-05')).toBe(1);
    expect(handlingWorkingDays('2025-12-24', '2026-01-02')).toBe(4);
  });

  it('periods: month, quarter, year around a date', () => {
    expect(periodAround('maand', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodAround('kwartaal', '2026-05-14')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodAround('jaar', '2026-05-14')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('CSV for Dutch Excel: BOM, semicolons, CRLF, quoting, decimal comma, no formulas', () => {
    expect(csvField('gewoon')).toBe('gewoon');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('zei "nee"')).toBe('"zei ""nee"""');
    expect(csvField('twee\nregels')).toBe('"twee\nregels"');
    expect(csvField(' spatie')).toBe('" spatie"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(12.5)).toBe('12,5');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(toCsv(['Kop', 'Waarde'], [['a;b', 1]])).toBe('\uFEFFKop;Waarde\r\n"a;b";1\r\n');
    const csv = reportCsv(computeReport(FIXTURE, Q1, false));
    expect(csv.startsWith('\uFEFFOnderdeel;Omschrijving;Waarde\r\n')).toBe(true);
    expect(csv).toContain('Afgehandeld;Op tijd (%);80\r\n');
    expect(csv).toContain('Soort verzoek;Inzage (§13, art. 15 AVG);2\r\n');
    expect(reportCasesCsv(computeReport(FIXTURE, Q1, true).cases ?? [])).toContain(
      'AVG-2026-0002;Correctie (§14, art. 16–18 AVG);E-mail;2026-01-12;2026-02-09;2026-02-10;21;nee;Deels toegewezen;nee;Hanna Behandelaar\r\n',
    );
  });
});
