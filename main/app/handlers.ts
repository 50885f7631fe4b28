import type { Vault } from '../platform/vault.js';
import { caseTimeline, listAuditEvents } from '../audit/audit-view.js';
import { createBackup } from '../settings/backup.js';
import { deadlinePolicy, setDeadlinePolicy, type CaseService } from '../cases/cases.js';
import type { DossierService } from '../dossier/dossier.js';
import type { IdentityService } from '../identity/identity.js';
import type { RedactionService } from '../redaction/redaction-service.js';
import type { LetterServices } from '../letters/index.js';
import type { QueueService } from '../cases/queue.js';
import { listHandlers } from '../staff/staff-view.js';
import { verifyAuditChain } from '../audit/audit.js';
import { withAnchor } from '../sync/audit-anchor.js';
import type { AuthService } from '../staff/auth.js';
import type { StaffService } from '../staff/staff.js';
import type { Handlers } from '../platform/call-context.js';
import { createRetentionHandlers } from '../retention/retention-handlers.js';
import type { RetentionService } from '../retention/retention.js';
import { createDesktopHandlers, type DesktopServices } from '../settings/desktop-handlers.js';
import { createSyncHandlers } from '../sync/sync-handlers.js';
import { createHandoverHandlers } from '../handover/handover-handlers.js';
import { createGateHandlers } from '../signing/gate-handlers.js';
import type { HandoverService } from '../handover/handover-service.js';
import type { MyWorkService } from '../work/my-work.js';
import type { NotificationService } from '../work/notifications.js';
import type { SyncService } from '../sync/sync-service.js';

export interface Services {
  vault: Vault;
  auth: AuthService;
  staff: StaffService;
  cases: CaseService;
  queue: QueueService;
  identity: IdentityService;
  dossier: DossierService;
  redaction: RedactionService;
  letters: LetterServices;
  retention: RetentionService;
  desktop: DesktopServices;
  sync: SyncService;
  handover: HandoverService;
  work: MyWorkService;
  notifications: NotificationService;
}

/** Procedure → service call. Permission, validation and audit are the dispatcher's work, not here. */
export function createHandlers({
  vault,
  auth,
  staff,
  cases,
  queue,
  identity,
  dossier,
  redaction,
  letters,
  retention,
  desktop,
  sync,
  handover,
  work,
  notifications,
}: Services): Handlers {
  return {
    'setup.status': () => auth.status(),
    'setup.createAdmin': (ctx, input) => auth.createAdmin(ctx, input),
    'session.login': (ctx, input) => auth.login(ctx, input),
    'setup.recover': (ctx, input) => auth.recover(ctx, input),
    'setup.newRecoveryKey': (ctx) => auth.newRecoveryKey(ctx),
    'backup.create': (ctx, input) => {
      ctx.setRecord(null);
      return createBackup(vault, input.path, ctx.now);
    },
    'session.logout': (ctx) => auth.logout(ctx),
    'session.me': (ctx) => auth.me(ctx),
    'account.changePassword': (ctx, input) => auth.changePassword(ctx, input),
    'staff.list': () => staff.list(),
    'staff.add': (ctx, input) => staff.add(ctx, input),
    'staff.setRoles': (ctx, input) => staff.setRoles(ctx, input),
    'staff.setActive': (ctx, input) => staff.setActive(ctx, input),
    'staff.resetPassword': (ctx, input) => staff.resetPassword(ctx, input),
    'audit.list': (_ctx, input) => listAuditEvents(vault.open.db, input),
    // `central`: every desktop's chain as the central database holds it (null without a central login).
    'audit.verify': async (ctx) => {
      const staffId = ctx.requireSession().staffId;
      const local = withAnchor(verifyAuditChain(vault.open.db), await sync.auditAnchor(staffId));
      return { ...local, central: await sync.verifyCentralAudit(staffId) };
    },
    'staff.handlers': () => listHandlers(vault.open.db),
    'deadline.preview': (ctx, input) => cases.previewDeadline(ctx, input),
    'case.create': (ctx, input) => cases.create(ctx, input),
    'case.duplicates': (ctx, input) => cases.duplicates(ctx, input),
    'case.suggestHandler': () => cases.suggestHandler(),
    'case.queue': (ctx, input) => queue.list(ctx, input),
    'case.get': (ctx, input) => cases.get(ctx, input.id),
    'case.timeline': (ctx, input) => {
      cases.get(ctx, input.id); // the same row-level check as reading the case
      return caseTimeline(vault.open.db, input.id);
    },
    'case.assign': (ctx, input) => cases.assign(ctx, input),
    'case.transition': (ctx, input) => cases.transition(ctx, input),
    'case.extend': (ctx, input) => cases.extend(ctx, input),
    'case.suspendForId': (ctx, input) => cases.suspendForId(ctx, input),
    'case.resumeAfterId': (ctx, input) => cases.resumeAfterId(ctx, input),
    'case.completeTask': (ctx, input) => cases.completeTask(ctx, input),
    'settings.getDeadlinePolicy': () => deadlinePolicy(vault.open.db),
    'settings.setDeadlinePolicy': (ctx, input) => setDeadlinePolicy(ctx, input),
    'identity.get': (ctx, input) => identity.get(ctx, input.caseId),
    'identity.uploadCopy': (ctx, input) => identity.uploadCopy(ctx, input),
    'identity.viewCopy': (ctx, input) => identity.viewCopy(ctx, input),
    'identity.maskCopy': (ctx, input) => identity.maskCopy(ctx, input),
    'identity.confirmMasked': (ctx, input) => identity.confirmMasked(ctx, input),
    'identity.check': (ctx, input) => identity.check(ctx, input),
    'identity.record': (ctx, input) => identity.record(ctx, input),
    'dossier.list': (ctx, input) => dossier.list(ctx, input.caseId),
    'dossier.import': (ctx, input) => dossier.import(ctx, input),
    'dossier.pdf': (ctx, input) => dossier.pdf(ctx, input),
    'thirdParty.list': (ctx, input) => dossier.listThirdParties(ctx, input.caseId),
    'thirdParty.add': (ctx, input) => dossier.addThirdParty(ctx, input),
    'thirdParty.update': (ctx, input) => dossier.updateThirdParty(ctx, input),
    'redaction.suggest': (ctx, input) => redaction.suggest(ctx, input),
    'redaction.searchAll': (ctx, input) => redaction.searchAll(ctx, input),
    'redaction.start': (ctx, input) => redaction.start(ctx, input),
    'redaction.status': (ctx, input) => redaction.status(ctx, input.jobId),
    'redaction.cancel': (ctx, input) => redaction.cancel(ctx, input.jobId),
    'redaction.read': (ctx, input) => redaction.read(ctx, input),
    'redaction.readStatus': (ctx, input) => redaction.readStatus(ctx, input.jobId),
    'sources.checklist': (ctx, input) => letters.sources.checklist(ctx, input.caseId),
    'sources.record': (ctx, input) => letters.sources.recordSearch(ctx, input),
    'dataset.list': (ctx, input) => letters.sources.list(ctx, input.caseId),
    'dataset.import': (ctx, input) => letters.sources.importDataset(ctx, input),
    'letter.kinds': () => letters.letters.kinds(),
    'letter.draft': (ctx, input) => letters.letters.draft(ctx, input),
    'letter.list': (ctx, input) => letters.letters.list(ctx, input.caseId),
    'letter.stamp': (ctx, input) => letters.letters.stamp(ctx, input.caseId),
    'letter.get': (ctx, input) => letters.letters.get(ctx, input.letterId),
    'letter.updateText': (ctx, input) => letters.letters.updateText(ctx, input),
    'letter.submit': (ctx, input) => letters.letters.submit(ctx, input.letterId),
    'letter.discard': (ctx, input) => letters.letters.discard(ctx, input.letterId),
    'letter.queueForSigning': (ctx) => letters.signing.queue(ctx),
    'letter.sign': (ctx, input) => letters.signing.sign(ctx, input.letterId, input.password),
    'letter.return': (ctx, input) => letters.signing.return(ctx, input),
    'letter.markSent': (ctx, input) => letters.letters.markSent(ctx, input),
    'letter.templates': () => letters.settings.templates(),
    'letter.setTemplate': (ctx, input) => letters.settings.setTemplate(ctx, input.template),
    'letter.resetTemplate': (ctx, input) => letters.settings.resetTemplate(ctx, input.kind),
    'package.build': (ctx, input) => letters.packages.build(ctx, input.caseId),
    'settings.getSigning': () => letters.identities.info(),
    'settings.setSigning': (ctx, input) => letters.identities.configure(ctx, input),
    'settings.getLetterhead': () => letters.settings.letterhead(),
    'settings.setLetterhead': (ctx, input) => letters.settings.setLetterhead(ctx, input),
    'signer.getProfile': (ctx) => letters.settings.signerProfile(ctx),
    'signer.setProfile': (ctx, input) => letters.settings.setSignerProfile(ctx, input),
    'register.list': (_ctx, input) => letters.register.list(input),
    'register.upsert': (ctx, input) => letters.register.upsert(ctx, input.activity),
    'register.remove': (ctx, input) => letters.register.remove(ctx, input.activityId),
    'case.activities': (ctx, input) => letters.register.selected(ctx, input.caseId),
    'case.selectActivities': (ctx, input) => letters.register.select(ctx, input),
    ...createRetentionHandlers(vault, retention),
    ...createDesktopHandlers(desktop),
    ...createSyncHandlers(sync),
    ...createHandoverHandlers(handover),
    ...createGateHandlers(vault, cases),
    'work.mine': (ctx) => work.mine(ctx),
    'notifications.mine': (ctx) => notifications.mine(ctx),
  };
}
