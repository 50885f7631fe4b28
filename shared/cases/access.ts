import type { Role } from '../staff/roles.js';

/**
 * Who may do what with one case, decided from the caller's functions and how the case relates to
 * them. The permission matrix (shared/staff/permissions.ts) says which functions may call an action at
 * all; these rules narrow that per case, after the policy's need-to-know (§5: staff see personal
 * data only as far as their function needs it). The main process enforces them, the queue's SQL is
 * generated from the same table (db/local/cases/access-sql.ts), the renderer uses them to hide
 * what would be refused, and the central database's row-level security mirrors them.
 */

/** The caller: the local session, the renderer's signed-in staff member, or the sync's account. */
export interface Actor {
  readonly staffId: string;
  readonly roles: readonly Role[];
}

/** All a rule needs to know of the case: whom it is assigned to. */
export interface CaseAssignment {
  readonly handlerId: string | null;
}

/** How a case relates to the caller: assigned to them, to someone else, or to nobody yet. */
export type Relationship = 'assigned' | 'other' | 'unassigned';
export const RELATIONSHIPS = ['assigned', 'other', 'unassigned'] as const satisfies readonly Relationship[];

export function relationshipOf(actor: Actor, c: CaseAssignment): Relationship {
  if (c.handlerId === null) return 'unassigned';
  return c.handlerId === actor.staffId ? 'assigned' : 'other';
}

const ANY = RELATIONSHIPS;
const OWN = ['assigned'] as const;

/**
 * The rules, declared once: per decision, which function grants it for which relationships. A
 * function not named grants nothing. Kept as data so the queue's SQL and the tests read the same
 * declaration the predicates do.
 */
export const CASE_ACCESS = {
  /** The case's content (requester, dossier, identity, letters): the dpo, and the handler it is assigned to. */
  seeContent: { dpo: ANY, handler: OWN },
  /** Working on the case (status, tasks, dossier, identity checks, drafting letters): its handler only, not even the dpo. */
  work: { handler: OWN },
  /** Extending the term (art. 12(3) AVG): the assigned handler or the dpo. */
  extend: { dpo: ANY, handler: OWN },
  /** Stopping destruction with a legal hold: the assigned handler or the dpo; lifting it is the dpo's alone. */
  placeHold: { dpo: ANY, handler: OWN },
  liftHold: { dpo: ANY },
  /** Handing the open case file to another desktop: the dpo, or the handler who holds it. */
  exportHandover: { dpo: ANY, handler: OWN },
  /** Recording that an ID copy came in: intake at the desk and the dpo for any case, a handler for their own. */
  registerIdCopy: { intake: ANY, dpo: ANY, handler: OWN },
  /** Taking an unassigned case: a handler, for themselves. */
  selfAssign: { handler: ['unassigned'] },
  /** (Re)assigning a case to any handler: the dpo. */
  reassign: { dpo: ANY },
  /** The case as a row of the queue (reference, status, due date; content only where seeContent holds). */
  seeInQueue: { dpo: ANY, intake: ANY, handler: ['assigned', 'unassigned'] },
  /** The case's letters: those who see its content, and a signer for the letters put before them (see mayReadLetter). */
  listLetters: { dpo: ANY, handler: OWN, signer: ANY },
  /**
   * Sending the case's register row to the central database: the dpo, and a handler for their own
   * case or one they registered without a handler (intake sends only what it registered itself).
   */
  sendRegister: { dpo: ANY, handler: ['assigned', 'unassigned'] },
  /** Vouching centrally that a signed letter was put before a signer: the case's handler, or the dpo. */
  requestSigning: { dpo: ANY, handler: OWN },
} as const satisfies Record<string, Partial<Record<Role, readonly Relationship[]>>>;

export type CaseDecision = keyof typeof CASE_ACCESS;
export const CASE_DECISIONS = Object.keys(CASE_ACCESS) as CaseDecision[];

/** The relationships for which any of the caller's functions grants `decision`. */
export function grantedRelationships(roles: readonly Role[], decision: CaseDecision): ReadonlySet<Relationship> {
  const rule: Partial<Record<Role, readonly Relationship[]>> = CASE_ACCESS[decision];
  const granted = new Set<Relationship>();
  for (const role of roles) for (const r of rule[role] ?? []) granted.add(r);
  return granted;
}

/** May `actor` take `decision` on case `c`? */
export function may(actor: Actor, decision: CaseDecision, c: CaseAssignment): boolean {
  return grantedRelationships(actor.roles, decision).has(relationshipOf(actor, c));
}

/** Does any case exist on which `actor` may take `decision` (e.g. does the queue ever show content)? */
export function mayOnSome(actor: Pick<Actor, 'roles'>, decision: CaseDecision): boolean {
  return grantedRelationships(actor.roles, decision).size > 0;
}

export const canSeeContent = (actor: Actor, c: CaseAssignment): boolean => may(actor, 'seeContent', c);
export const isAssignedHandler = (actor: Actor, c: CaseAssignment): boolean => may(actor, 'work', c);
export const mayExtend = (actor: Actor, c: CaseAssignment): boolean => may(actor, 'extend', c);
export const mayPlaceHold = (actor: Actor, c: CaseAssignment): boolean => may(actor, 'placeHold', c);
export const mayLiftHold = (actor: Actor, c: CaseAssignment): boolean => may(actor, 'liftHold', c);
export const mayExportHandover = (actor: Actor, c: CaseAssignment): boolean => may(actor, 'exportHandover', c);
export const mayRegisterIdCopy = (actor: Actor, c: CaseAssignment): boolean => may(actor, 'registerIdCopy', c);
export const maySelfAssign = (actor: Actor, c: CaseAssignment): boolean => may(actor, 'selfAssign', c);
export const mayReassign = (actor: Actor, c: CaseAssignment): boolean => may(actor, 'reassign', c);
export const maySeeInQueue = (actor: Actor, c: CaseAssignment): boolean => may(actor, 'seeInQueue', c);
export const mayListLetters = (actor: Actor, c: CaseAssignment): boolean => may(actor, 'listLetters', c);

/** What of a letter decides who may read it besides the case's own people. */
export interface LetterAccess {
  readonly status: string;
  readonly signedBy: string | null;
}

/**
 * A letter: whoever sees the case's content; besides them a signer the letters submitted for
 * signing (four-eyes puts them before any signer) and the ones they signed themselves.
 */
export function mayReadLetter(actor: Actor, c: CaseAssignment, letter: LetterAccess): boolean {
  if (canSeeContent(actor, c)) return true;
  return actor.roles.includes('signer') && (letter.status === 'ter_ondertekening' || letter.signedBy === actor.staffId);
}

/**
 * Registering a case for another handler (or for none): intake and the dpo. A handler registers
 * for themselves, since the central database takes a handler's case only with them as its handler.
 */
export function mayRegisterForOthers(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.includes('intake') || actor.roles.includes('dpo');
}
