import { encodePng } from '../../main/dossier/images.js';
import type { ProcedureInput, ProcedureName } from '../../shared/api/contract.js';
import { DEFAULT_DEADLINE_POLICY } from '../../shared/deadlines/deadlines.js';
import { DEFAULT_LETTERHEAD } from '../../shared/letters/letterhead.js';
import { DEFAULT_TEMPLATES } from '../../shared/letters/templates.js';
import type { Role } from '../../shared/staff/roles.js';
import { ADMIN, STRONG_PASSWORD } from './basics.js';

/**
 * A valid input for every procedure, shared by the generated permission tests and the
 * wrong-people suite (test/robustness). The mapped type makes a new procedure without a sample a
 * type error: add its sample here.
 */
export const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
export const TINY_PNG = encodePng({ width: 2, height: 2, data: Buffer.alloc(16, 255) }).toString('base64');
export const NEW_CASE = {
  type: 'inzage',
  requester: { name: 'Test Verzoeker', relation: 'huurder' },
  channel: 'brief',
  received: '2026-11-20',
  writtenAndSigned: true,
} as const;

/** The records the samples point at; read when a sample is made, so a test can fill them in beforeAll. */
export interface SampleIds {
  targetId: string;
  caseId: string;
  unassignedCaseId: string;
  staffIds: Record<Role, string>;
  /** Records inside the case; without them the samples name a record that does not exist. */
  documentId?: string;
  letterId?: string;
  copyId?: string;
  thirdPartyId?: string;
  jobId?: string;
  /** A document-reading (OCR) job: its own registry, so its own id. */
  readJobId?: string;
}

export function emptySampleIds(): SampleIds {
  return { targetId: '', caseId: '', unassignedCaseId: '', staffIds: {} as Record<Role, string> };
}

export type ProcedureSamples = { [P in ProcedureName]: (role: Role) => ProcedureInput<P> };

export function procedureSamples(ids: SampleIds): ProcedureSamples {
  return {
    'setup.status': () => ({}),
    'setup.createAdmin': () => ({ userName: 'tweede', fullName: 'Tweede Beheerder', password: STRONG_PASSWORD }),
    'session.login': () => ({ userName: ADMIN.userName, password: ADMIN.password }),
    'setup.recover': () => ({ recoveryKey: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE', userName: 'beheer', newPassword: STRONG_PASSWORD }),
    'setup.newRecoveryKey': () => ({}),
    'backup.create': () => ({ path: '/nonexistent-dir/backup.zip' }),
    'session.logout': () => ({}),
    'session.me': () => ({}),
    'account.changePassword': () => ({ currentPassword: STRONG_PASSWORD, newPassword: STRONG_PASSWORD }),
    'staff.list': () => ({}),
    'staff.add': (role) => ({ userName: `nieuw-${role}`, fullName: `Nieuwe ${role}`, roles: ['intake'], password: STRONG_PASSWORD }),
    'staff.setRoles': () => ({ staffId: ids.targetId, roles: ['intake'] }),
    'staff.setActive': () => ({ staffId: ids.targetId, active: true, password: STRONG_PASSWORD }),
    'staff.resetPassword': () => ({ staffId: ids.targetId, newPassword: STRONG_PASSWORD }),
    'audit.list': () => ({ limit: 10 }),
    'audit.verify': () => ({}),
    'staff.handlers': () => ({}),
    'deadline.preview': () => ({ type: 'inzage', received: '2026-11-20' }),
    'case.create': () => NEW_CASE,
    'case.duplicates': () => ({ type: 'inzage', name: 'Test Verzoeker' }),
    'case.suggestHandler': () => ({}),
    'case.queue': () => ({}),
    'case.get': () => ({ id: ids.caseId }),
    'case.timeline': () => ({ id: ids.caseId }),
    'case.assign': () => ({ id: ids.unassignedCaseId, handlerId: ids.staffIds.handler }),
    'case.transition': () => ({ id: ids.caseId, to: 'in_behandeling' }),
    'case.extend': () => ({ id: ids.caseId, months: 1, reason: 'Omvangrijk dossier bij drie afdelingen' }),
    'case.suspendForId': () => ({ id: ids.caseId, on: '2026-11-21' }),
    'case.resumeAfterId': () => ({ id: ids.caseId, on: '2026-11-22' }),
    'case.completeTask': () => ({ id: ids.caseId, taskId: NO_SUCH_ID }),
    'settings.getDeadlinePolicy': () => ({}),
    'settings.setDeadlinePolicy': () => DEFAULT_DEADLINE_POLICY,
    'identity.get': () => ({ caseId: ids.caseId }),
    'identity.uploadCopy': () => ({ caseId: ids.caseId, subject: 'verzoeker', fileName: 'id.png', dataBase64: TINY_PNG }),
    'identity.viewCopy': () => ({ caseId: ids.caseId, copyId: ids.copyId ?? NO_SUCH_ID }),
    'identity.maskCopy': () => ({ caseId: ids.caseId, copyId: ids.copyId ?? NO_SUCH_ID, boxes: [{ x: 0, y: 0, width: 1, height: 1 }] }),
    'identity.confirmMasked': () => ({ caseId: ids.caseId, copyId: ids.copyId ?? NO_SUCH_ID }),
    'identity.check': () => ({
      caseId: ids.caseId,
      subject: 'verzoeker',
      document: {
        documentType: 'paspoort',
        issuingCountry: 'NLD',
        documentNumber: 'NXC3F1K72',
        expiry: '2030-01-01',
        surname: 'Verzoeker',
        birthDate: '1980-01-01',
      },
    }),
    'identity.record': () => ({
      caseId: ids.caseId,
      subject: 'verzoeker',
      method: 'mijn_alliantie',
      outcome: 'meer_informatie',
      reason: 'Inlog kon niet worden bevestigd.',
    }),
    'dossier.list': () => ({ caseId: ids.caseId }),
    'dossier.import': () => ({
      caseId: ids.caseId,
      fileName: 'notitie.txt',
      dataBase64: Buffer.from('Gespreksnotitie').toString('base64'),
      source: 'klantcontact',
    }),
    'dossier.pdf': () => ({ caseId: ids.caseId, documentId: ids.documentId ?? NO_SUCH_ID }),
    'thirdParty.list': () => ({ caseId: ids.caseId }),
    'thirdParty.add': () => ({ caseId: ids.caseId, name: 'Buurman Test', role: 'buurman' }),
    'thirdParty.update': () => ({ caseId: ids.caseId, id: ids.thirdPartyId ?? NO_SUCH_ID, hearingStatus: 'toestemming' }),
    'redaction.suggest': () => ({ caseId: ids.caseId, documentId: ids.documentId ?? NO_SUCH_ID, patterns: ['bsn'] }),
    'redaction.searchAll': () => ({ caseId: ids.caseId, terms: ['Pieter'] }),
    'redaction.start': () => ({ caseId: ids.caseId, documentId: ids.documentId ?? NO_SUCH_ID, redactions: [{ page: 0, x: 1, y: 1, width: 5, height: 5 }] }),
    'redaction.status': () => ({ jobId: ids.jobId ?? NO_SUCH_ID }),
    'redaction.cancel': () => ({ jobId: ids.jobId ?? NO_SUCH_ID }),
    'redaction.read': () => ({ caseId: ids.caseId, documentId: ids.documentId ?? NO_SUCH_ID }),
    'redaction.readStatus': () => ({ jobId: ids.readJobId ?? NO_SUCH_ID }),
    'letter.kinds': () => ({}),
    'letter.draft': () => ({
      caseId: ids.caseId,
      kind: 'ontvangstbevestiging',
      data: { addressee: { name: 'Test Verzoeker', address: 'Dorpsstraat 1, 1234 AB Hilversum' } },
    }),
    'letter.list': () => ({ caseId: ids.caseId }),
    'letter.stamp': () => ({ caseId: ids.caseId }),
    'letter.get': () => ({ letterId: ids.letterId ?? NO_SUCH_ID }),
    'letter.updateText': () => ({
      letterId: ids.letterId ?? NO_SUCH_ID,
      subjectLine: 'Onderwerp',
      salutation: 'Geachte heer,',
      blocks: [{ type: 'paragraph', text: 'Tekst.' }],
      closing: 'Met vriendelijke groet,',
    }),
    'letter.submit': () => ({ letterId: ids.letterId ?? NO_SUCH_ID }),
    'letter.discard': () => ({ letterId: ids.letterId ?? NO_SUCH_ID }),
    'letter.queueForSigning': () => ({}),
    'work.mine': () => ({}),
    'notifications.mine': () => ({}),
    'letter.sign': () => ({ letterId: ids.letterId ?? NO_SUCH_ID, password: STRONG_PASSWORD }),
    'letter.return': () => ({ letterId: ids.letterId ?? NO_SUCH_ID, comment: 'Graag de motivering aanvullen.' }),
    'letter.markSent': () => ({ letterId: ids.letterId ?? NO_SUCH_ID }),
    'letter.templates': () => ({}),
    'letter.setTemplate': () => ({ template: DEFAULT_TEMPLATES.ontvangstbevestiging }),
    'letter.resetTemplate': () => ({ kind: 'ontvangstbevestiging' }),
    'package.build': () => ({ caseId: ids.caseId }),
    'sources.checklist': () => ({ caseId: ids.caseId }),
    'sources.record': () => ({ caseId: ids.caseId, activityId: 'huuradministratie', found: true, note: '' }),
    'dataset.list': () => ({ caseId: ids.caseId }),
    'dataset.import': () => ({
      caseId: ids.caseId,
      activityId: 'huuradministratie',
      fileName: 'export.csv',
      dataBase64: Buffer.from('naam;bedrag\r\nTest Verzoeker;12\r\n').toString('base64'),
    }),
    'settings.getSigning': () => ({}),
    'settings.setSigning': () => ({ p12Base64: Buffer.from('geen pkcs12').toString('base64'), password: 'geheim' }),
    'settings.getLetterhead': () => ({}),
    'settings.setLetterhead': () => DEFAULT_LETTERHEAD,
    'signer.getProfile': () => ({}),
    'signer.setProfile': () => ({ functionTitle: 'Teamleider Klantenservice' }),
    'register.list': () => ({}),
    'register.upsert': () => ({
      activity: {
        id: 'test-verwerking',
        name: 'Testverwerking',
        purpose: 'Een doel om te testen.',
        legalBasis: 'Overeenkomst (art. 6 lid 1 sub b AVG).',
        dataCategories: ['Naam'],
        recipients: [{ name: 'WoningNet', category: 'Derden belast met woonruimteverdeling' }],
        transfersOutsideEea: 'Geen.',
        retention: 'Twee jaar (§4).',
        source: 'Uzelf.',
        policyReference: '§6',
        sortOrder: 999,
      },
    }),
    'register.remove': () => ({ activityId: 'nieuwsbrief' }),
    'case.activities': () => ({ caseId: ids.caseId }),
    'case.selectActivities': () => ({ caseId: ids.caseId, activityIds: ['huuradministratie'] }),
    'retention.getPolicy': () => ({}),
    'retention.setPolicy': () => ({ graceDays: 30, registerYears: 2, letterYears: 2 }),
    'retention.forCase': () => ({ caseId: ids.caseId }),
    'retention.placeHold': () => ({ caseId: ids.caseId, kind: 'bewaarplicht', reason: 'Fiscale bewaarplicht van zeven jaar.' }),
    'retention.liftHold': () => ({ caseId: ids.caseId, holdId: NO_SUCH_ID, reason: 'De procedure is afgerond.' }),
    'retention.overview': () => ({}),
    'retention.runLocal': () => ({ dryRun: true }),
    'retention.propose': () => ({}),
    'retention.removeItem': () => ({ listId: NO_SUCH_ID, caseId: ids.caseId, reason: 'Nog in gebruik bij een klacht.' }),
    'retention.approve': () => ({ listId: NO_SUCH_ID }),
    'report.get': () => ({ from: '2026-01-01', to: '2026-12-31' }),
    'audit.search': () => ({ filter: { category: 'ingezien' } }),
    'audit.caseReads': () => ({ caseReference: 'AVG-2026-0001' }),
    'audit.staff': () => ({}),
    'audit.export': () => ({ filter: {} }),
    'settings.getAutoLock': () => ({}),
    'settings.setAutoLock': () => ({ minutes: 10 }),
    'session.lock': () => ({}),
    'settings.getLogLevel': () => ({}),
    'settings.setLogLevel': () => ({ level: 'info' }),
    'setup.restore': () => ({ method: 'password', path: '/nonexistent-dir/backup.zip', userName: ADMIN.userName, password: ADMIN.password }),
    'sync.status': () => ({}),
    'sync.run': () => ({}),
    'sync.getSettings': () => ({}),
    'sync.setSettings': () => ({ url: 'postgres://127.0.0.1:5433/postgres', intervalMinutes: 5 }),
    'sync.setCredentials': () => ({ loginRole: 'avg_u_test', password: 'geheim' }),
    'handover.export': () => ({ caseId: ids.caseId, path: '/nonexistent-dir/overdracht.avgh', password: STRONG_PASSWORD }),
    'handover.import': () => ({ path: '/nonexistent-dir/overdracht.avgh', password: STRONG_PASSWORD }),
    'case.readiness': () => ({ caseId: ids.caseId }),
    'case.setRepresentative': () => ({ id: ids.caseId, representative: { kind: 'wettelijk_vertegenwoordiger', name: 'Test Ouder' } }),
    // The sample case is an inzage: the verification is refused as a conflict after the permission check.
    'case.verifyChange': () => ({ caseId: ids.caseId, method: 'terugbellen', outcome: 'bevestigd' }),
    'settings.getSecondChannel': () => ({}),
    'settings.setSecondChannel': () => ({ channels: ['mijn_alliantie'] }),
  };
}
