import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION_POLICY,
  dueWithin,
  isSynced,
  letterRetention,
  localRetention,
  registerRetention,
  type RetentionFacts,
} from '../../shared/retention/retention.js';

/** A decided inzage case: letter sent Wednesday 25 November 2026, closed the same day, synced. */
const DECIDED: RetentionFacts = {
  closedOn: '2026-11-25',
  lastLetterSentOn: '2026-11-25',
  hasDecision: true,
  decisionSynced: true,
  unsentOutbox: 0,
  activeHolds: [],
  shredded: false,
  signedLetters: 1,
  lettersDestroyed: false,
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
    expect(at('2026-12-01', { lastLetterSentOn: '2026-11-13' })).toMatchObject({
      appealEndsOn: '2026-12-28',
      graceEndsOn: '2027-01-27',
      shredOn: '2027-01-28',
    });
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

const NO_LETTERS = { signedLetters: 0, lettersDestroyed: false };

describe('central retention: the case register record', () => {
  it('two years after closure, from that day on', () => {
    expect(registerRetention(DECIDED, policy, '2028-11-24')).toEqual({ destroyOn: '2028-11-25', held: false, due: false });
    expect(registerRetention(DECIDED, policy, '2028-11-25')).toEqual({ destroyOn: '2028-11-25', held: false, due: true });
    expect(registerRetention(DECIDED, { ...policy, registerYears: 5 }, '2028-11-25')).toMatchObject({ destroyOn: '2031-11-25', due: false });
  });

  it('29 February + 2 years is 28 February; a hold overrides; an open case has no date', () => {
    expect(registerRetention({ closedOn: '2028-02-29', activeHolds: [], ...NO_LETTERS }, policy, '2030-02-28')).toMatchObject({
      destroyOn: '2030-02-28',
      due: true,
    });
    expect(registerRetention({ closedOn: '2026-11-25', activeHolds: ['rechtszaak'], ...NO_LETTERS }, policy, '2030-01-01')).toMatchObject({
      held: true,
      due: false,
    });
    expect(registerRetention({ closedOn: null, activeHolds: [], ...NO_LETTERS }, policy, '2030-01-01')).toEqual({ destroyOn: null, held: false, due: false });
  });

  it('waits for letters kept longer than the register record, not for letters destroyed or never signed', () => {
    const longer = { ...policy, registerYears: 2, letterYears: 7 };
    expect(registerRetention(DECIDED, longer, '2033-11-24')).toEqual({ destroyOn: '2033-11-25', held: false, due: false });
    expect(registerRetention(DECIDED, longer, '2033-11-25')).toEqual({ destroyOn: '2033-11-25', held: false, due: true });
    expect(registerRetention({ ...DECIDED, ...NO_LETTERS }, longer, '2028-11-25')).toEqual({ destroyOn: '2028-11-25', held: false, due: true });
    expect(registerRetention({ ...DECIDED, lettersDestroyed: true }, longer, '2028-11-25')).toMatchObject({ destroyOn: '2028-11-25', due: true });
    // Letters kept shorter: the register record keeps its own term.
    expect(registerRetention(DECIDED, { ...policy, registerYears: 5, letterYears: 1 }, '2031-11-24')).toMatchObject({ destroyOn: '2031-11-25', due: false });
  });

  it('within the coming days: today and up to N days ahead, and anything overdue', () => {
    expect(dueWithin('2026-12-25', '2026-11-25', 30)).toBe(true);
    expect(dueWithin('2026-12-26', '2026-11-25', 30)).toBe(false);
    expect(dueWithin('2026-01-01', '2026-11-25', 30)).toBe(true);
    expect(dueWithin(null, '2026-11-25', 30)).toBe(false);
  });
});

describe('central retention: signed letters on their own term', () => {
  const shorter = { ...policy, registerYears: 5, letterYears: 2 };

  it('when the letters term ends before the register term: from that day on, before the register record', () => {
    expect(letterRetention(DECIDED, shorter, '2028-11-24')).toEqual({ destroyOn: '2028-11-25', held: false, due: false });
    expect(letterRetention(DECIDED, shorter, '2028-11-25')).toEqual({ destroyOn: '2028-11-25', held: false, due: true });
    expect(registerRetention(DECIDED, shorter, '2028-11-25')).toMatchObject({ destroyOn: '2031-11-25', due: false });
    expect(letterRetention(DECIDED, { ...policy, registerYears: 3, letterYears: 1 }, '2027-11-25')).toMatchObject({ destroyOn: '2027-11-25', due: true });
  });

  it('29 February + 2 years is 28 February', () => {
    expect(letterRetention({ ...DECIDED, closedOn: '2028-02-29' }, shorter, '2030-02-27')).toMatchObject({ destroyOn: '2030-02-28', due: false });
    expect(letterRetention({ ...DECIDED, closedOn: '2028-02-29' }, shorter, '2030-02-28')).toMatchObject({ destroyOn: '2030-02-28', due: true });
  });

  it('equal or longer terms: the letters go with the register record, never on their own', () => {
    for (const letterYears of [5, 7]) {
      expect(letterRetention(DECIDED, { ...shorter, letterYears }, '2040-01-01')).toEqual({ destroyOn: null, held: false, due: false });
    }
    expect(letterRetention(DECIDED, policy, '2040-01-01')).toEqual({ destroyOn: null, held: false, due: false });
  });

  it('a hold overrides; no signed letters, letters destroyed already, or an open case: nothing to do', () => {
    expect(letterRetention({ ...DECIDED, activeHolds: ['bewaarplicht'] }, shorter, '2030-01-01')).toEqual({ destroyOn: '2028-11-25', held: true, due: false });
    expect(letterRetention({ ...DECIDED, ...NO_LETTERS }, shorter, '2030-01-01')).toMatchObject({ destroyOn: null, due: false });
    expect(letterRetention({ ...DECIDED, lettersDestroyed: true }, shorter, '2030-01-01')).toMatchObject({ destroyOn: null, due: false });
    expect(letterRetention({ ...DECIDED, closedOn: null }, shorter, '2030-01-01')).toMatchObject({ destroyOn: null, due: false });
  });
});
