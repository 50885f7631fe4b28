import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { LocalDb } from '../../db/local/database.js';
import {
  completeTask,
  findOpenDuplicates,
  handlerNames,
  insertCase,
  openCasesPerHandler,
  insertTask,
  NO_CHANGE_VERIFICATION,
  takeReferenceNumber,
  ReferenceNumbersUsedUp,
  tasksOf,
  updateCase,
  type CaseRow,
} from '../../db/local/cases/repository.js';
import { identityChecksOf, insertIdentityCheck } from '../../db/local/cases/case-files.js';
import { findStaffById } from '../../db/local/staff/repository.js';
import { listHandlers } from '../staff/staff-view.js';
import { readSetting, writeSetting } from '../../db/local/settings/repository.js';
import type { Role } from '../../shared/staff/roles.js';
import type { caseCreateSchema, CaseDetail } from '../../shared/cases/case-schemas.js';
import {
  allowedTransitions,
  canTransition,
  CASE_STATUSES,
  dutchToday,
  formatReference,
  isAwaitingDecision,
  isClosed,
  formalRequirementOf,
  isRepresentationRequired,
  REASON_REQUIRED,
  STATUS_LABELS,
  type CaseStatus,
  type RepresentativeKind,
} from '../../shared/cases/cases.js';
import { ageOn, daysBetween, formatDutchDate } from '../../shared/deadlines/dates.js';
import { deadlinePolicyProblems, outsidePolicyMessage } from '../../shared/deadlines/terms.js';
import { computeDeadline, hasGdprCeiling, urgency, workingDaysLeft, type DeadlinePolicy } from '../../shared/deadlines/deadlines.js';
import { mayExtend, mayReassign, mayRegisterForOthers, maySelfAssign } from '../../shared/cases/access.js';
import type { CallContext } from '../platform/call-context.js';
import type { Vault } from '../platform/vault.js';
import { assertAssignedHandler, assertCanSeeContent, loadCase } from './case-access.js';
import { changeVerificationOf, secondChannelChannels } from '../signing/decision-readiness.js';
import { thirdPartyProblems } from '../dossier/dossier.js';
import { DomainError } from '../platform/errors.js';
import { centralConfigured } from '../sync/sync-settings.js';

type CaseInput = z.output<typeof caseCreateSchema>;

/** The deadline policy from the settings, or the defaults of the privacy policy. */
export function deadlinePolicy(db: LocalDb): DeadlinePolicy {
  return readSetting(db, 'deadlinePolicy');
}

const OPEN_STATUSES = CASE_STATUSES.filter((s) => isAwaitingDecision(s));

function assertHandler(db: LocalDb, handlerId: string): void {
  const handler = findStaffById(db, handlerId);
  if (!handler || !handler.active || !handler.roles.includes('handler')) {
    throw new DomainError('VALIDATION', 'Kies een actieve medewerker met de functie behandelaar.');
  }
}

export function toCaseDetail(db: LocalDb, row: CaseRow, today: string): CaseDetail {
  const names = handlerNames(db);
  const age = row.requesterBirthDate ? ageOn(row.requesterBirthDate, row.receivedOn) : null;
  const running = isAwaitingDecision(row.status) && row.suspendedSince === null;
  return {
    id: row.id,
    reference: row.reference,
    type: row.type,
    correctionKinds: row.correctionKinds,
    status: row.status,
    statusReason: row.statusReason,
    requester: {
      name: row.requesterName,
      birthDate: row.requesterBirthDate,
      address: row.requesterAddress,
      email: row.requesterEmail,
      phone: row.requesterPhone,
      relation: row.requesterRelation,
      customerNumber: row.customerNumber,
      legallyIncapacitated: row.legallyIncapacitated,
      ageOnReceipt: age,
    },
    representative:
      row.representativeKind && row.representativeName ? { kind: row.representativeKind, name: row.representativeName, basis: row.representativeBasis } : null,
    representationRequired: isRepresentationRequired({ birthDate: row.requesterBirthDate, legallyIncapacitated: row.legallyIncapacitated }, row.receivedOn),
    channel: row.channel,
    receivedOn: row.receivedOn,
    writtenAndSigned: row.writtenAndSigned,
    requestText: row.requestText,
    handlerId: row.handlerId,
    handlerName: row.handlerId ? (names.get(row.handlerId) ?? null) : null,
    createdAt: row.createdAt,
    dueOn: row.dueOn,
    originalDueOn: row.originalDueOn,
    workingDaysLeft: workingDaysLeft(today, row.dueOn),
    urgency: running ? urgency(today, row.dueOn) : 'none',
    dueBasis: row.dueBasis,
    extensionMonths: row.extensionMonths,
    extensionReason: row.extensionReason,
    extendedOn: row.extendedOn,
    suspendedDays: row.suspendedDays,
    suspendedSince: row.suspendedSince,
    tasks: tasksOf(db, row.id).map((t) => ({ id: t.id, kind: t.kind, status: t.status, dueOn: t.dueOn })),
    allowedTransitions: [...allowedTransitions(row.status)],
    changeVerification: { required: row.type === 'correctie' && secondChannelChannels(db).includes(row.channel), recorded: changeVerificationOf(db, row) },
  };
}

/** Changes the policy for cases registered from now on; existing due dates stay as they were set. */
export function setDeadlinePolicy(ctx: CallContext, policy: DeadlinePolicy): DeadlinePolicy {
  ctx.setRecord('deadlinePolicy');
  const problems = deadlinePolicyProblems(policy);
  if (problems.length > 0) {
    const refusal = outsidePolicyMessage(problems);
    throw new DomainError('VALIDATION', refusal.message, refusal.details ? { details: refusal.details } : undefined);
  }
  ctx.commit((db) => writeSetting(db, 'deadlinePolicy', policy, ctx.now.toISOString()));
  return policy;
}

/** Intake, assignment, lifecycle and the deadline of cases. */
export class CaseService {
  constructor(private readonly vault: Vault) {}

  private get db(): LocalDb {
    return this.vault.open.db;
  }

  private existing(ctx: CallContext, id: string): CaseRow {
    return loadCase(this.db, ctx, id);
  }

  previewDeadline(ctx: CallContext, input: { type: CaseRow['type']; received: string }) {
    const d = computeDeadline({ type: input.type, received: input.received }, deadlinePolicy(this.db));
    return { due: d.due, basis: d.basis, workingDaysLeft: workingDaysLeft(dutchToday(ctx.now), d.due) };
  }

  duplicates(ctx: CallContext, input: { type: CaseRow['type']; name: string; birthDate?: string | undefined }) {
    const found = findOpenDuplicates(this.db, input.type, input.name, input.birthDate, OPEN_STATUSES);
    return { references: duplicateReferencesFor(ctx.requireSession().roles, found), possibleDuplicate: found.length > 0 };
  }

  /**
   * The active handler with the fewest open cases (on equal load the first by name), so that new
   * work spreads over the team; intake sees it as a suggestion and may choose anyone else.
   */
  suggestHandler(): { handlerId: string | null; openCases: number } {
    const load = openCasesPerHandler(this.db, OPEN_STATUSES);
    const ranked = listHandlers(this.db)
      .map((h) => ({ handlerId: h.id, name: h.fullName, openCases: load.get(h.id) ?? 0 }))
      .sort((a, b) => a.openCases - b.openCases || a.name.localeCompare(b.name, 'nl'));
    const best = ranked[0];
    return best ? { handlerId: best.handlerId, openCases: best.openCases } : { handlerId: null, openCases: 0 };
  }

  create(ctx: CallContext, input: CaseInput) {
    const session = ctx.requireSession();
    const today = dutchToday(ctx.now);
    if (input.received > today) throw new DomainError('VALIDATION', 'De datum van ontvangst ligt in de toekomst.');
    if (input.type === 'correctie' && input.correctionKinds.length === 0) {
      throw new DomainError('VALIDATION', 'Kies bij een correctieverzoek wat de verzoeker wil: verbetering, aanvulling, verwijdering of afscherming.');
    }
    if (input.type !== 'correctie' && input.correctionKinds.length > 0)
      throw new DomainError('VALIDATION', 'Een soort correctie hoort alleen bij een correctieverzoek.');
    if (input.requester.birthDate && input.requester.birthDate > input.received)
      throw new DomainError('VALIDATION', 'De geboortedatum ligt na de datum van ontvangst.');
    const mayAssignOthers = mayRegisterForOthers(session);
    if (input.handlerId) {
      if (!mayAssignOthers && input.handlerId !== session.staffId)
        throw new DomainError('FORBIDDEN', 'Een behandelaar kan een nieuwe zaak alleen aan zichzelf toewijzen.');
      assertHandler(this.db, input.handlerId);
    } else if (!mayAssignOthers && centralConfigured(this.db)) {
      // Row-level security there takes a handler's case only with them as its handler: it would wait in the outbox for good.
      throw new DomainError(
        'VALIDATION',
        'Wijs de zaak aan uzelf toe: de centrale database neemt van een behandelaar alleen eigen zaken aan. Een zaak zonder behandelaar registreert de balie of de FG.',
      );
    }
    const deadline = computeDeadline({ type: input.type, received: input.received }, deadlinePolicy(this.db));
    const duplicates = findOpenDuplicates(this.db, input.type, input.requester.name, input.requester.birthDate, OPEN_STATUSES);
    const at = ctx.now.toISOString();
    const id = randomUUID();
    ctx.setRecord(id);
    const reference = ctx.commit((db) => {
      const year = Number(today.slice(0, 4));
      let number: number;
      try {
        number = takeReferenceNumber(db, year);
      } catch (error) {
        if (!(error instanceof ReferenceNumbersUsedUp)) throw error;
        throw new DomainError(
          'CONFLICT',
          `Deze computer heeft geen vrije zaaknummers voor ${year}. Synchroniseer met de centrale database om nieuwe te krijgen; er is niets opgeslagen.`,
        );
      }
      const ref = formatReference(year, number);
      insertCase(db, {
        id,
        reference: ref,
        type: input.type,
        correctionKinds: input.correctionKinds,
        status: 'ontvangen',
        statusReason: null,
        requesterName: input.requester.name,
        requesterBirthDate: input.requester.birthDate ?? null,
        requesterAddress: input.requester.address ?? null,
        requesterEmail: input.requester.email ?? null,
        requesterPhone: input.requester.phone ?? null,
        requesterRelation: input.requester.relation,
        customerNumber: input.requester.customerNumber ?? null,
        legallyIncapacitated: input.requester.legallyIncapacitated,
        channel: input.channel,
        receivedOn: input.received,
        writtenAndSigned: input.writtenAndSigned,
        requestText: input.requestText,
        representativeKind: input.representative?.kind ?? null,
        representativeName: input.representative?.name ?? null,
        representativeBasis: input.representative?.basis ?? null,
        handlerId: input.handlerId ?? null,
        createdBy: session.staffId,
        createdAt: at,
        updatedAt: at,
        dueOn: deadline.due,
        originalDueOn: deadline.originalDue,
        dueBasis: deadline.basis,
        extensionMonths: 0,
        extensionReason: null,
        extendedOn: null,
        suspendedDays: 0,
        suspendedSince: null,
        ...NO_CHANGE_VERIFICATION,
      });
      if (formalRequirementOf(input.type) && !input.writtenAndSigned) {
        insertTask(db, { id: randomUUID(), caseId: id, kind: 'verzoek_om_aanvulling', status: 'open', dueOn: null, createdAt: at, doneAt: null });
      }
      return ref;
    });
    return { id, reference, due: deadline.due, duplicates: duplicateReferencesFor(session.roles, duplicates), possibleDuplicate: duplicates.length > 0 };
  }

  get(ctx: CallContext, id: string): CaseDetail {
    const row = this.existing(ctx, id);
    assertCanSeeContent(ctx.requireSession(), row);
    return toCaseDetail(this.db, row, dutchToday(ctx.now));
  }

  assign(ctx: CallContext, input: { id: string; handlerId: string }): Record<string, never> {
    const session = ctx.requireSession();
    const row = this.existing(ctx, input.id);
    if (isClosed(row.status)) throw new DomainError('CONFLICT', 'Een afgesloten zaak kan niet meer worden toegewezen.');
    if (!mayReassign(session, row) && !(maySelfAssign(session, row) && input.handlerId === session.staffId)) {
      throw new DomainError('FORBIDDEN', 'Een behandelaar kan alleen een zaak zonder behandelaar aan zichzelf toewijzen. Herverdelen doet de privacy officer.');
    }
    assertHandler(this.db, input.handlerId);
    ctx.commit((db) => updateCase(db, row.id, { handlerId: input.handlerId, updatedAt: ctx.now.toISOString() }));
    return {};
  }

  transition(ctx: CallContext, input: { id: string; to: CaseStatus; reason?: string | undefined }): CaseDetail {
    const session = ctx.requireSession();
    const row = this.existing(ctx, input.id);
    assertAssignedHandler(session, row);
    if (!canTransition(row.status, input.to)) {
      throw new DomainError('CONFLICT', `Een zaak met status "${STATUS_LABELS[row.status]}" kan niet naar "${STATUS_LABELS[input.to]}".`);
    }
    if (REASON_REQUIRED.has(input.to) && !input.reason) throw new DomainError('VALIDATION', 'Geef de reden; die komt ook in de brief aan de verzoeker.');
    if (input.to === 'besluit_in_concept') {
      const problems = thirdPartyProblems(this.db, row.id);
      if (problems.length > 0)
        throw new DomainError('CONFLICT', 'Eerst moeten alle derden zijn gehoord en hun gegevens zijn gelakt waar zij geen toestemming gaven.', {
          details: problems,
        });
    }
    const updated = ctx.commit((db) => updateCase(db, row.id, { status: input.to, statusReason: input.reason ?? null, updatedAt: ctx.now.toISOString() }));
    return toCaseDetail(this.db, updated, dutchToday(ctx.now));
  }

  /**
   * Art. 12(3): by at most two further months, with a reason, before the original term ends. The
   * requester must be told before then too: the case gets the task to send the extension letter.
   */
  extend(ctx: CallContext, input: { id: string; months: number; reason: string }) {
    const session = ctx.requireSession();
    const row = this.existing(ctx, input.id);
    if (!mayExtend(session, row))
      throw new DomainError('FORBIDDEN', 'Alleen de behandelaar aan wie deze zaak is toegewezen of de privacy officer kan de termijn verlengen.');
    const today = dutchToday(ctx.now);
    if (!isAwaitingDecision(row.status)) throw new DomainError('CONFLICT', 'Op deze zaak is al beslist; verlengen kan niet meer.');
    if (!hasGdprCeiling(row.type))
      throw new DomainError('CONFLICT', 'De termijn van een klacht volgt de klachtenregeling en kan niet op grond van art. 12 lid 3 AVG worden verlengd.');
    if (today > row.originalDueOn) {
      throw new DomainError('CONFLICT', `Verlengen kan alleen vóór het einde van de oorspronkelijke termijn (${formatDutchDate(row.originalDueOn)}).`);
    }
    if (input.months <= row.extensionMonths) throw new DomainError('CONFLICT', `De termijn is al met ${row.extensionMonths} maand(en) verlengd.`);
    const deadline = computeDeadline(
      { type: row.type, received: row.receivedOn, extensionMonths: input.months, suspendedDays: row.suspendedDays },
      deadlinePolicy(this.db),
    );
    const at = ctx.now.toISOString();
    ctx.commit((db) => {
      updateCase(db, row.id, {
        dueOn: deadline.due,
        dueBasis: deadline.basis,
        extensionMonths: input.months,
        extensionReason: input.reason,
        extendedOn: today,
        updatedAt: at,
      });
      const hasLetterTask = tasksOf(db, row.id).some((t) => t.kind === 'verlengingsbericht' && t.status === 'open');
      if (!hasLetterTask)
        insertTask(db, { id: randomUUID(), caseId: row.id, kind: 'verlengingsbericht', status: 'open', dueOn: row.originalDueOn, createdAt: at, doneAt: null });
    });
    return { dueOn: deadline.due, originalDueOn: row.originalDueOn };
  }

  /** Optional (policy setting): the clock stops on the day the request for identification is sent. */
  suspendForId(ctx: CallContext, input: { id: string; on: string }) {
    const row = this.existing(ctx, input.id);
    assertAssignedHandler(ctx.requireSession(), row);
    if (!deadlinePolicy(this.db).suspendWhileAwaitingId)
      throw new DomainError('CONFLICT', 'Volgens de instellingen loopt de termijn door tijdens het wachten op identificatie.');
    if (row.suspendedSince) throw new DomainError('CONFLICT', `De termijn staat al stil sinds ${formatDutchDate(row.suspendedSince)}.`);
    if (!isAwaitingDecision(row.status)) throw new DomainError('CONFLICT', 'Op deze zaak is al beslist.');
    if (input.on < row.receivedOn || input.on > dutchToday(ctx.now))
      throw new DomainError('VALIDATION', 'De datum moet tussen de ontvangst van het verzoek en vandaag liggen.');
    ctx.commit((db) => updateCase(db, row.id, { suspendedSince: input.on, updatedAt: ctx.now.toISOString() }));
    return { dueOn: row.dueOn, suspendedSince: input.on };
  }

  /** The clock runs again from the day the identification arrived; the due date moves by the days it stood still. */
  resumeAfterId(ctx: CallContext, input: { id: string; on: string }) {
    const row = this.existing(ctx, input.id);
    assertAssignedHandler(ctx.requireSession(), row);
    if (!row.suspendedSince) throw new DomainError('CONFLICT', 'De termijn staat niet stil.');
    if (input.on < row.suspendedSince || input.on > dutchToday(ctx.now))
      throw new DomainError('VALIDATION', 'De datum moet tussen het begin van de opschorting en vandaag liggen.');
    const suspendedDays = row.suspendedDays + daysBetween(row.suspendedSince, input.on);
    const deadline = computeDeadline(
      { type: row.type, received: row.receivedOn, extensionMonths: row.extensionMonths, suspendedDays },
      deadlinePolicy(this.db),
    );
    ctx.commit((db) =>
      updateCase(db, row.id, {
        suspendedSince: null,
        suspendedDays,
        dueOn: deadline.due,
        originalDueOn: deadline.originalDue,
        updatedAt: ctx.now.toISOString(),
      }),
    );
    return { dueOn: deadline.due, suspendedDays };
  }

  /**
   * Closing the aanvulling task records that the request now has the form of its type (§13–§15):
   * the handler closes it when the written, signed (verzet: reasoned) request is in.
   */
  completeTask(ctx: CallContext, input: { id: string; taskId: string }): Record<string, never> {
    const row = this.existing(ctx, input.id);
    assertAssignedHandler(ctx.requireSession(), row);
    const at = ctx.now.toISOString();
    ctx.commit((db) => {
      const task = tasksOf(db, row.id).find((t) => t.id === input.taskId && t.status === 'open');
      if (!task || !completeTask(db, row.id, task.id, at)) throw new DomainError('NOT_FOUND', 'Deze taak bestaat niet of is al afgerond.');
      if (task.kind === 'verzoek_om_aanvulling' && !row.writtenAndSigned) updateCase(db, row.id, { writtenAndSigned: true, updatedAt: at });
    });
    return {};
  }

  /**
   * The representative, recorded or replaced after intake (a minor's parent who writes later). A
   * new representative must be identified again: earlier checks of "the representative" were of
   * someone else, so they no longer count.
   */
  setRepresentative(
    ctx: CallContext,
    input: { id: string; representative: { kind: RepresentativeKind; name: string; basis?: string | undefined } | null },
  ): CaseDetail {
    const row = this.existing(ctx, input.id);
    assertAssignedHandler(ctx.requireSession(), row);
    if (!isAwaitingDecision(row.status)) throw new DomainError('CONFLICT', 'Op deze zaak is al beslist; de vertegenwoordiger kan niet meer worden gewijzigd.');
    const next = input.representative;
    const same = next !== null && row.representativeName === next.name && row.representativeKind === next.kind;
    const at = ctx.now.toISOString();
    const updated = ctx.commit((db) => {
      if (!same && row.representativeName !== null) {
        const checks = identityChecksOf(db, row.id).filter((c) => c.subject === 'vertegenwoordiger');
        if (checks.length > 0) {
          insertIdentityCheck(db, {
            id: randomUUID(),
            caseId: row.id,
            subject: 'vertegenwoordiger',
            method: checks.at(-1)?.method ?? 'balie',
            outcome: 'meer_informatie',
            reason: 'Een andere vertegenwoordiger is vastgelegd; diens identiteit en bevoegdheid moeten opnieuw worden vastgesteld.',
            documentType: null,
            issuingCountry: null,
            documentNumberTail: null,
            expiry: null,
            checksPassed: [],
            authority: null,
            copiesDestroyed: 0,
            verifiedBy: ctx.requireSession().staffId,
            verifiedAt: at,
          });
        }
      }
      return updateCase(db, row.id, {
        representativeKind: next?.kind ?? null,
        representativeName: next?.name ?? null,
        representativeBasis: next?.basis ?? null,
        updatedAt: at,
      });
    });
    return toCaseDetail(this.db, updated, dutchToday(ctx.now));
  }
}

/**
 * Intake types a name and must not learn from it which cases that person has: a name → reference
 * lookup would let the desk find every request of a neighbour. Intake hears that a duplicate may
 * exist and asks the privacy team; functions that work on cases keep the references.
 */
function duplicateReferencesFor(roles: readonly Role[], references: string[]): string[] {
  return roles.some((role) => role !== 'intake') ? references : [];
}
