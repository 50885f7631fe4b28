import { addDays, addMonths, type IsoDate } from '../deadlines/dates.js';
import { rollToWorkingDay } from '../deadlines/deadlines.js';

/**
 * Retention rules (policy §4), pure: what happens to a closed case's data and when.
 *
 * Local: the case file on this desktop (documents, redacted versions, letters' PDFs, what remains
 * of identity copies: everything encrypted with the case key) is crypto-shredded once
 *   (a) the case is synced: every outbox row about the case has been sent, and when the case has a
 *       decision, its decision row is among them (a case closed without a decision — withdrawn,
 *       niet-ontvankelijk without a letter — is synced when nothing about it waits in the outbox);
 *   (b) the appeal period has passed: six weeks after the last letter of the case was sent (the
 *       decision letter, or later letters), or after closure when no letter was ever sent; a term
 *       ending on a Saturday, Sunday or public holiday ends on the next working day (Algemene
 *       termijnenwet), as every term in this app;
 *   (c) the grace period (setting, default 30 days) after that has passed;
 * and no legal hold, complaint or court case (one `hold` with a kind) is active.
 *
 * Central, per record type: the case register record is kept `registerYears` (default 2) after
 * closure, its signed letters `letterYears` (default 2). When the letters' term ends first, the
 * letters go on a destruction list of their own (item kind 'brieven') while the register record
 * stays; the letters hang off the register record, so a register record whose letters must be
 * kept longer waits for them. Everything the dpo approves on a destruction list; a hold stops it.
 */

/** A hold is a legal hold (wettelijke bewaarplicht), an open complaint, or a court case / AP procedure. */
export const HOLD_KINDS = ['bewaarplicht', 'klacht', 'rechtszaak'] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];
export const HOLD_LABELS: Readonly<Record<HoldKind, string>> = {
  bewaarplicht: 'Wettelijke bewaarplicht (legal hold)',
  klacht: 'Lopende klacht over de afhandeling',
  rechtszaak: 'Procedure bij de rechter of de Autoriteit Persoonsgegevens',
};

/** What a destruction list item destroys: a case register record (with everything of the case), or only its signed letters. */
export const DESTRUCTION_KINDS = ['registratie', 'brieven'] as const;
export type DestructionKind = (typeof DESTRUCTION_KINDS)[number];

export interface RetentionPolicy {
  /** Days after the appeal period before the local file is shredded. */
  graceDays: number;
  /** Years after closure that the case register record is kept. */
  registerYears: number;
  /** Years after closure that the case's signed letters are kept (shorter or longer than the register). */
  letterYears: number;
}

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = { graceDays: 30, registerYears: 2, letterYears: 2 };

/** Six weeks to appeal to the court or complain to the Autoriteit Persoonsgegevens (the letters say so). */
export const APPEAL_WEEKS = 6;

export interface RetentionFacts {
  /** The day the case was closed (Dutch calendar date); null while it is open. */
  closedOn: IsoDate | null;
  /** The latest day a letter of the case was sent; null when none was. */
  lastLetterSentOn: IsoDate | null;
  /** A decision was recorded (a signed decision letter). */
  hasDecision: boolean;
  /** An outbox row of kind decision for this case has been sent. */
  decisionSynced: boolean;
  /** Outbox rows about this case that have not been sent yet. */
  unsentOutbox: number;
  /** Active (not lifted) holds. */
  activeHolds: readonly HoldKind[];
  /** The local file was shredded already. */
  shredded: boolean;
  /** Letters of the case that were signed (their PDFs and text are what the letters' term keeps). */
  signedLetters: number;
  /** The letters were destroyed already on an approved destruction list. */
  lettersDestroyed: boolean;
}

export type LocalRetentionState = 'open' | 'vernietigd' | 'bewaarplicht' | 'wacht_op_synchronisatie' | 'bezwaartermijn' | 'respijt' | 'te_vernietigen';

export const LOCAL_STATE_LABELS: Readonly<Record<LocalRetentionState, string>> = {
  open: 'Zaak loopt nog',
  vernietigd: 'Dossier vernietigd',
  bewaarplicht: 'Bewaren: vernietiging gestopt',
  wacht_op_synchronisatie: 'Wacht op synchronisatie met de centrale database',
  bezwaartermijn: 'Beroepstermijn loopt',
  respijt: 'Respijttermijn loopt',
  te_vernietigen: 'Wordt vernietigd bij de volgende ronde',
};

export interface LocalRetention {
  state: LocalRetentionState;
  /** The last day on which the requester can still appeal. */
  appealEndsOn: IsoDate | null;
  /** The last day of the grace period. */
  graceEndsOn: IsoDate | null;
  /** The first day on which the file may be shredded (when synced and not held). */
  shredOn: IsoDate | null;
  /** Shred now. */
  due: boolean;
}

export function isSynced(facts: Pick<RetentionFacts, 'hasDecision' | 'decisionSynced' | 'unsentOutbox'>): boolean {
  return facts.unsentOutbox === 0 && (!facts.hasDecision || facts.decisionSynced);
}

export function localRetention(facts: RetentionFacts, policy: RetentionPolicy, today: IsoDate): LocalRetention {
  if (facts.shredded) return { state: 'vernietigd', appealEndsOn: null, graceEndsOn: null, shredOn: null, due: false };
  if (facts.closedOn === null) return { state: 'open', appealEndsOn: null, graceEndsOn: null, shredOn: null, due: false };
  const anchor = facts.lastLetterSentOn ?? facts.closedOn;
  const appealEndsOn = rollToWorkingDay(addDays(anchor, APPEAL_WEEKS * 7));
  const graceEndsOn = addDays(appealEndsOn, policy.graceDays);
  const shredOn = addDays(graceEndsOn, 1);
  const dates = { appealEndsOn, graceEndsOn, shredOn };
  if (facts.activeHolds.length > 0) return { state: 'bewaarplicht', ...dates, due: false };
  if (today <= appealEndsOn) return { state: 'bezwaartermijn', ...dates, due: false };
  if (today <= graceEndsOn) return { state: 'respijt', ...dates, due: false };
  if (!isSynced(facts)) return { state: 'wacht_op_synchronisatie', ...dates, due: false };
  return { state: 'te_vernietigen', ...dates, due: true };
}

export interface RegisterRetention {
  /** The day from which the register record may be destroyed (after the dpo approves). */
  destroyOn: IsoDate | null;
  held: boolean;
  due: boolean;
}

type TermFacts = Pick<RetentionFacts, 'closedOn' | 'activeHolds' | 'signedLetters' | 'lettersDestroyed'>;

/** Whether the case still has signed letters the letters' term keeps. */
const lettersKept = (facts: TermFacts) => facts.signedLetters > 0 && !facts.lettersDestroyed;

/**
 * The case register record: `registerYears` after closure (29 February → 28 February), or later
 * when its letters are kept longer (they are destroyed with it).
 */
export function registerRetention(facts: TermFacts, policy: RetentionPolicy, today: IsoDate): RegisterRetention {
  if (facts.closedOn === null) return { destroyOn: null, held: false, due: false };
  const own = addMonths(facts.closedOn, policy.registerYears * 12);
  const letters = addMonths(facts.closedOn, policy.letterYears * 12);
  const destroyOn = lettersKept(facts) && letters > own ? letters : own;
  const held = facts.activeHolds.length > 0;
  return { destroyOn, held, due: !held && today >= destroyOn };
}

export interface LetterRetention {
  /** The day from which the letters may be destroyed on their own; null when they go with the register. */
  destroyOn: IsoDate | null;
  held: boolean;
  due: boolean;
}

/**
 * The case's signed letters on their own term: only when it ends before the register's (otherwise
 * they go with the register record), and only while there are letters left to destroy.
 */
export function letterRetention(facts: TermFacts, policy: RetentionPolicy, today: IsoDate): LetterRetention {
  if (facts.closedOn === null || !lettersKept(facts) || policy.letterYears >= policy.registerYears) return { destroyOn: null, held: false, due: false };
  const destroyOn = addMonths(facts.closedOn, policy.letterYears * 12);
  const held = facts.activeHolds.length > 0;
  return { destroyOn, held, due: !held && today >= destroyOn };
}

/** Whether a date falls within the coming `days` days (today included), or has passed already. */
export function dueWithin(date: IsoDate | null, today: IsoDate, days: number): boolean {
  return date !== null && date <= addDays(today, days);
}
