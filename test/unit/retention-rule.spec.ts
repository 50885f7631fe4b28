import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_POLICY, dueWithin, isSynced, localRetention, registerRetention, type RetentionFacts } from '../../shared/domain/retention.js';

/** A decided inzage case: letter sent Wednesday 25 November 2026, closed the same day, synced. */
const DECIDED: RetentionFacts = {
  closedOn: '2026-11-25',
  lastLetterSentOn: '2026-11-25',
  hasDecision: true,
  decisionSynced: true,
  unsentOutbox: 0,
  activeHolds: [],
  shredded: false,
};
const policy = DEFAULT_RETENTION_POLICY;
const at = (today: string, facts: Partial<RetentionFacts> = {}, p = policy) => localRetention({ ...DECIDED, ...facts }, p, today);

describe('local retention: the case file on this desktop', () => {
  it('six weeks of appeal from sending (25 Nov → 6 Jan), 30 days of grace (→ 5 Feb), shredded from 6 February', () => {
    expect(at('2026-11-25')).toEqual({ state: 'bezwaartermijn', appealEndsOn: '2027-01-06', graceEndsOn: '2027-02-05', shredOn: '2027-02-06', due: false });
  });

  it('passes every boundary on exactly its day', () => {
    expect(at('2027-01-06')).toMatchObject({ state: 'bezwaartermijn', due: false });
    expect(at('2027-01-07')).toMatchObject({ state: 'respijt', due: false });
    expect(at('2027-02-05')).toMatchObject({ state: 'respijt', due: false });
    expect(at('2027-02-06')).toMatchObject({ state: 'te_vernietigen', due: true });
    expect(at('2028-01-01')).toMatchObject({ state: 'te_vernietigen', due: true });
  });

  it('an appeal period ending on a holiday or weekend ends on the next working day', () => {
    // Friday 13 November + 6 weeks = Christmas Day; 26 and 27 December are the weekend.
    expect(at('2026-12-01', { lastLetterSentOn: '2026-11-13' })).toMatchObject({ appealEndsOn: '2026-12-28', graceEndsOn: '2027-01-27', shredOn: '2027-01-28' });
  });

  it('without a letter the appeal period runs from closure; a later letter moves it', () => {
    expect(at('2026-12-01', { lastLetterSentOn: null, hasDecision: false, decisionSynced: false })).toMatchObject({ appealEndsOn: '2027-01-06' });
    expect(at('2026-12-01', { lastLetterSentOn: '2026-12-02' })).toMatchObject({ appealEndsOn: '2027-01-13' });
  });

  it('the grace period is a setting; 0 days shreds the day after the appeal period', () => {
    expect(at('2027-01-07', {}, { ...policy, graceDays: 0 })).toMatchObject({ state: 'te_vernietigen', shredOn: '2027-01-07', due: true });
    expect(at('2027-01-06', {}, { ...policy, graceDays: 0 })).toMatchObject({ state: 'bezwaartermijn', due: false });
  });

  it('waits for the sync: unsent outbox rows, or a decision whose decision row was not sent', () => {
    expect(at('2027-02-06', { unsentOutbox: 1 })).toMatchObject({ state: 'wacht_op_synchronisatie', due: false, shredOn: '2027-02-06' });
    expect(at('2027-02-06', { decisionSynced: false })).toMatchObject({ state: 'wacht_op_synchronisatie', due: false });
    // Closed without a decision and nothing in the outbox: synced.
    expect(at('2027-02-06', { hasDecision: false, decisionSynced: false })).toMatchObject({ state: 'te_vernietigen', due: true });
    expect(isSynced({ hasDecision: false, decisionSynced: false, unsentOutbox: 0 })).toBe(true);
  });

  it('a legal hold, an open complaint or a court case stops it, whatever the dates', () => {
    for (const hold of ['bewaarplicht', 'klacht', 'rechtszaak'] as const) {
      expect(at('2030-01-01', { activeHolds: [hold] })).toMatchObject({ state: 'bewaarplicht', due: false });
    }
  });

  it('open and already shredded cases are never due', () => {
    expect(at('2030-01-01', { closedOn: null })).toEqual({ state: 'open', appealEndsOn: null, graceEndsOn: null, shredOn: null, due: false });
    expect(at('2030-01-01', { shredded: true })).toMatchObject({ state: 'vernietigd', due: false });
  });
});

describe('central retention: the case register record and its letters', () => {
  it('two years after closure, from that day on', () => {
    expect(registerRetention(DECIDED, policy, '2028-11-24')).toEqual({ destroyOn: '2028-11-25', held: false, due: false });
    expect(registerRetention(DECIDED, policy, '2028-11-25')).toEqual({ destroyOn: '2028-11-25', held: false, due: true });
    expect(registerRetention(DECIDED, { ...policy, registerYears: 5 }, '2028-11-25')).toMatchObject({ destroyOn: '2031-11-25', due: false });
  });

  it('29 February + 2 years is 28 February; a hold overrides; an open case has no date', () => {
    expect(registerRetention({ closedOn: '2028-02-29', activeHolds: [] }, policy, '2030-02-28')).toMatchObject({ destroyOn: '2030-02-28', due: true });
    expect(registerRetention({ closedOn: '2026-11-25', activeHolds: ['rechtszaak'] }, policy, '2030-01-01')).toMatchObject({ held: true, due: false });
    expect(registerRetention({ closedOn: null, activeHolds: [] }, policy, '2030-01-01')).toEqual({ destroyOn: null, held: false, due: false });
  });

  it('within the coming days: today and up to N days ahead, and anything overdue', () => {
    expect(dueWithin('2026-12-25', '2026-11-25', 30)).toBe(true);
    expect(dueWithin('2026-12-26', '2026-11-25', 30)).toBe(false);
    expect(dueWithin('2026-01-01', '2026-11-25', 30)).toBe(true);
    expect(dueWithin(null, '2026-11-25', 30)).toBe(false);
  });
});
