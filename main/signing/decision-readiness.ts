import { sql } from 'drizzle-orm';
import type { LocalDb } from '../../db/local/database.js';
import { identityChecksOf, type IdentityCheckRow } from '../../db/local/cases/case-files.js';
import { tasksOf, type CaseRow } from '../../db/local/cases/repository.js';
import { activeDecisionLetter, type LetterRow } from '../../db/local/letters/repository.js';
import { readSetting } from '../../db/local/settings/repository.js';
import { findStaffById } from '../../db/local/staff/repository.js';
import { isAwaitingDecision, isRepresentationRequired, type Channel } from '../../shared/cases/cases.js';
import { decisionGates, letterGateProblems, type DecisionFacts, type GateItem } from '../../shared/signing/decision-gates.js';
import type { IdSubject } from '../../shared/identity/identity-types.js';
import { nextStep, type NextStep } from '../../shared/work/next-step.js';
import { DECISION_KINDS, LETTER_KIND_LABELS } from '../../shared/letters/types.js';
import { thirdPartyProblems } from '../dossier/dossier.js';
import { DomainError } from '../platform/errors.js';

/** The channels whose changes are verified through a second channel first (§9); Mijn Alliantie unless the admin chose. */
export function secondChannelChannels(db: LocalDb): Channel[] {
  return readSetting(db, 'secondChannelChannels');
}

/** The §9 verification recorded on the case, with who did it. */
export function changeVerificationOf(db: LocalDb, row: CaseRow) {
  if (!row.changeVerificationMethod || !row.changeVerificationOutcome || !row.changeVerifiedAt) return null;
  const by = row.changeVerifiedBy ? findStaffById(db, row.changeVerifiedBy) : undefined;
  return {
    method: row.changeVerificationMethod,
    outcome: row.changeVerificationOutcome,
    verifiedByName: by?.fullName ?? null,
    verifiedAt: row.changeVerifiedAt,
  };
}

/** The last check of a person counts: a later "meer informatie" or "afgewezen" undoes an earlier one. */
export function isVerified(checks: readonly IdentityCheckRow[], subject: IdSubject): boolean {
  return checks.filter((c) => c.subject === subject).at(-1)?.outcome === 'geverifieerd';
}

/** The plain facts the decision gates read, from the store. */
export function decisionFactsOf(db: LocalDb, row: CaseRow): DecisionFacts {
  const checks = identityChecksOf(db, row.id);
  return {
    type: row.type,
    channel: row.channel,
    requesterName: row.requesterName,
    representationRequired: isRepresentationRequired({ birthDate: row.requesterBirthDate, legallyIncapacitated: row.legallyIncapacitated }, row.receivedOn),
    representative: row.representativeKind && row.representativeName ? { kind: row.representativeKind, name: row.representativeName } : null,
    requesterVerified: isVerified(checks, 'verzoeker'),
    representativeVerified: isVerified(checks, 'vertegenwoordiger'),
    formalRequirementsMet: row.writtenAndSigned,
    openTasks: tasksOf(db, row.id)
      .filter((t) => t.status === 'open')
      .map((t) => t.kind),
    thirdPartyProblems: thirdPartyProblems(db, row.id),
    secondChannelRequired: secondChannelChannels(db).includes(row.channel),
    secondChannelOutcome: row.changeVerificationOutcome ?? null,
  };
}

/** A correction decision that carries out at least one change (the ones §9 holds back). */
function carriesOutChange(letter: LetterRow): boolean {
  const changes =
    letter.kind === 'besluit-correctie' && 'changes' in letter.data && Array.isArray(letter.data.changes)
      ? (letter.data.changes as { decision?: unknown }[])
      : [];
  return changes.some((c) => c.decision === 'doorgevoerd');
}

/**
 * Refuses a decision letter whose premises do not hold, naming each missing one in Dutch. Called
 * by letter.submit and again by letter.sign: what held at submission may not hold any more.
 */
export function assertDecisionGates(db: LocalDb, row: CaseRow, letter: LetterRow, action: 'aangeboden' | 'ondertekend'): void {
  const problems = letterGateProblems(decisionFactsOf(db, row), {
    kind: letter.kind,
    addresseeName: letter.content.addressee.name,
    carriesOutChange: carriesOutChange(letter),
  });
  if (problems.length === 0) return;
  const first = problems[0] ?? '';
  throw new DomainError('CONFLICT', `Dit besluit kan nog niet worden ${action}: ${first.charAt(0).toLowerCase()}${first.slice(1)}`, { details: problems });
}

/** The checklist "Klaar voor besluit": the gates of the case, for the decision letter in progress when there is one; and the case's next step. */
export function readinessOf(
  db: LocalDb,
  row: CaseRow,
): { items: GateItem[]; ready: boolean; letterKind: string | null; letterLabel: string | null; nextStep: NextStep | null } {
  const facts = decisionFactsOf(db, row);
  const letter = activeDecisionLetter(db, row.id, DECISION_KINDS);
  let items = decisionGates(facts, letter?.kind);
  if (letter) {
    const own = letterGateProblems(facts, { kind: letter.kind, addresseeName: letter.content.addressee.name, carriesOutChange: carriesOutChange(letter) });
    const covered = new Set(items.flatMap((i) => i.missing));
    const addressee = own.filter((p) => !covered.has(p));
    items = items.filter((i) => i.id !== 'tweede_kanaal' || carriesOutChange(letter));
    items.push({ id: 'geadresseerde', label: 'Besluit gericht aan wie het moet ontvangen', ok: addressee.length === 0, missing: addressee, tab: 'letters' });
  }
  const documents = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM documents WHERE case_id = ${row.id}`)?.n ?? 0;
  const step = nextStep({
    open: isAwaitingDecision(row.status),
    gates: items,
    documents,
    decisionLetter: letter ? { state: letter.status, label: LETTER_KIND_LABELS[letter.kind] } : null,
  });
  return {
    items,
    ready: items.every((i) => i.ok),
    letterKind: letter?.kind ?? null,
    letterLabel: letter ? LETTER_KIND_LABELS[letter.kind] : null,
    nextStep: step,
  };
}
