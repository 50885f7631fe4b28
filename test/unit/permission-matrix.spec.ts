import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../main/backend.js';
import { encodePng } from '../../main/services/images.js';
import { contract, PROCEDURE_NAMES, type ProcedureInput, type ProcedureName } from '../../shared/api/contract.js';
import { DEFAULT_DEADLINE_POLICY } from '../../shared/domain/deadlines.js';
import { DEFAULT_LETTERHEAD } from '../../shared/domain/letters/letterhead.js';
import { DEFAULT_TEMPLATES } from '../../shared/domain/letters/templates.js';
import { ACTIONS, isAllowed, isPublicAction } from '../../shared/permissions.js';
import { ROLES, type Role } from '../../shared/roles.js';
import { ADMIN, STRONG_PASSWORD, addStaff, initialized, tempDir, value } from '../support/backend.js';

/**
 * Generated from the matrix in shared/permissions.ts: every role × every procedure, through the
 * dispatcher. A procedure a role may not call must be refused with FORBIDDEN (and audited as
 * denied); one it may call must get past the permission check.
 */
let backend: Backend;
let cleanup: () => void;
const tokens = {} as Record<Role, string>;
let targetId = '';
let caseId = '';
let unassignedCaseId = '';
const staffIds = {} as Record<Role, string>;
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const TINY_PNG = encodePng({ width: 2, height: 2, data: Buffer.alloc(16, 255) }).toString('base64');
const NEW_CASE = { type: 'inzage', requester: { name: 'Test Verzoeker', relation: 'huurder' }, channel: 'brief', received: '2026-11-20', writtenAndSigned: true } as const;

/** A valid input per procedure; the Record type makes a new procedure without a sample a type error. */
const samples: { [P in ProcedureName]: (role: Role) => ProcedureInput<P> } = {
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
  'staff.setRoles': () => ({ staffId: targetId, roles: ['intake'] }),
  'staff.setActive': () => ({ staffId: targetId, active: true, password: STRONG_PASSWORD }),
  'staff.resetPassword': () => ({ staffId: targetId, newPassword: STRONG_PASSWORD }),
  'audit.list': () => ({ limit: 10 }),
  'audit.verify': () => ({}),
  'staff.handlers': () => ({}),
  'deadline.preview': () => ({ type: 'inzage', received: '2026-11-20' }),
  'case.create': () => NEW_CASE,
  'case.duplicates': () => ({ type: 'inzage', name: 'Test Verzoeker' }),
  'case.queue': () => ({}),
  'case.get': () => ({ id: caseId }),
  'case.timeline': () => ({ id: caseId }),
  'case.assign': () => ({ id: unassignedCaseId, handlerId: staffIds.handler }),
  'case.transition': () => ({ id: caseId, to: 'in_behandeling' }),
  'case.extend': () => ({ id: caseId, months: 1, reason: 'Omvangrijk dossier bij drie afdelingen' }),
  'case.suspendForId': () => ({ id: caseId, on: '2026-11-21' }),
  'case.resumeAfterId': () => ({ id: caseId, on: '2026-11-22' }),
  'case.completeTask': () => ({ id: caseId, taskId: NO_SUCH_ID }),
  'settings.getDeadlinePolicy': () => ({}),
  'settings.setDeadlinePolicy': () => DEFAULT_DEADLINE_POLICY,
  'identity.get': () => ({ caseId }),
  'identity.uploadCopy': () => ({ caseId, subject: 'verzoeker', fileName: 'id.png', dataBase64: TINY_PNG }),
  'identity.viewCopy': () => ({ caseId, copyId: NO_SUCH_ID }),
  'identity.maskCopy': () => ({ caseId, copyId: NO_SUCH_ID, boxes: [{ x: 0, y: 0, width: 1, height: 1 }] }),
  'identity.confirmMasked': () => ({ caseId, copyId: NO_SUCH_ID }),
  'identity.check': () => ({ caseId, subject: 'verzoeker', document: { documentType: 'paspoort', issuingCountry: 'NLD', documentNumber: 'NXC3F1K72', expiry: '2030-01-01', surname: 'Verzoeker', birthDate: '1980-01-01' } }),
  'identity.record': () => ({ caseId, subject: 'verzoeker', method: 'mijn_alliantie', outcome: 'meer_informatie', reason: 'Inlog kon niet worden bevestigd.' }),
  'dossier.list': () => ({ caseId }),
  'dossier.import': () => ({ caseId, fileName: 'notitie.txt', dataBase64: Buffer.from('Gespreksnotitie').toString('base64'), source: 'klantcontact' }),
  'dossier.pdf': () => ({ caseId, documentId: NO_SUCH_ID }),
  'thirdParty.list': () => ({ caseId }),
  'thirdParty.add': () => ({ caseId, name: 'Buurman Test', role: 'buurman' }),
  'thirdParty.update': () => ({ caseId, id: NO_SUCH_ID, hearingStatus: 'toestemming' }),
  'redaction.suggest': () => ({ caseId, documentId: NO_SUCH_ID, patterns: ['bsn'] }),
  'redaction.searchAll': () => ({ caseId, terms: ['Pieter'] }),
  'redaction.start': () => ({ caseId, documentId: NO_SUCH_ID, redactions: [{ page: 0, x: 1, y: 1, width: 5, height: 5 }] }),
  'redaction.status': () => ({ jobId: NO_SUCH_ID }),
  'redaction.cancel': () => ({ jobId: NO_SUCH_ID }),
  'letter.kinds': () => ({}),
  'letter.draft': () => ({ caseId, kind: 'ontvangstbevestiging', data: { addressee: { name: 'Test Verzoeker', address: 'Dorpsstraat 1, 1234 AB Hilversum' } } }),
  'letter.list': () => ({ caseId }),
  'letter.get': () => ({ letterId: NO_SUCH_ID }),
  'letter.updateText': () => ({ letterId: NO_SUCH_ID, subjectLine: 'Onderwerp', salutation: 'Geachte heer,', blocks: [{ type: 'paragraph', text: 'Tekst.' }], closing: 'Met vriendelijke groet,' }),
  'letter.submit': () => ({ letterId: NO_SUCH_ID }),
  'letter.discard': () => ({ letterId: NO_SUCH_ID }),
  'letter.queueForSigning': () => ({}),
  'letter.sign': () => ({ letterId: NO_SUCH_ID }),
  'letter.return': () => ({ letterId: NO_SUCH_ID, comment: 'Graag de motivering aanvullen.' }),
  'letter.markSent': () => ({ letterId: NO_SUCH_ID }),
  'letter.templates': () => ({}),
  'letter.setTemplate': () => ({ template: DEFAULT_TEMPLATES.ontvangstbevestiging }),
  'letter.resetTemplate': () => ({ kind: 'ontvangstbevestiging' }),
  'package.build': () => ({ caseId }),
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
  'case.activities': () => ({ caseId }),
  'case.selectActivities': () => ({ caseId, activityIds: ['huuradministratie'] }),
};

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const init = await initialized(t.dir);
  backend = init.backend;
  targetId = (await addStaff(backend, init.adminToken, 'doelwit', ['intake'])).id;
  for (const role of ROLES) {
    const staff = await addStaff(backend, init.adminToken, `alleen-${role}`, [role]);
    tokens[role] = staff.token;
    staffIds[role] = staff.id;
  }
  caseId = (value(await backend.dispatch('case.create', { ...NEW_CASE, handlerId: staffIds.handler }, tokens.dpo)) as { id: string }).id;
  unassignedCaseId = (value(await backend.dispatch('case.create', NEW_CASE, tokens.dpo)) as { id: string }).id;
});
afterAll(() => {
  backend.close();
  cleanup();
});

describe('permission matrix, generated', () => {
  const cases = ROLES.flatMap((role) => PROCEDURE_NAMES.filter((p) => p !== 'session.logout').map((procedure) => ({ role, procedure })));

  it.each(cases)('$role → $procedure', async ({ role, procedure }) => {
    const allowed = isAllowed([role], contract[procedure].action);
    const before = value(await backend.dispatch('audit.list', { limit: 1 }, tokens.auditor)) as { seq: number }[];
    const result = await backend.dispatch(procedure, samples[procedure](role), tokens[role]);
    if (allowed) {
      if (!result.ok) expect(result.error.code, result.error.message).not.toBe('FORBIDDEN');
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'U heeft geen toestemming voor deze handeling.' } });
      const events = value(await backend.dispatch('audit.list', { limit: 5 }, tokens.auditor)) as { seq: number; procedure: string; outcome: string; roles: Role[] }[];
      const refusal = events.find((e) => e.seq > (before[0]?.seq ?? 0) && e.procedure === procedure);
      expect(refusal).toMatchObject({ outcome: 'denied', roles: [role] });
    }
  });

  it.each(PROCEDURE_NAMES.filter((p) => !isPublicAction(contract[p].action)))('no session → %s is refused', async (procedure) => {
    const result = await backend.dispatch(procedure, samples[procedure]('intake'), null);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const forged = await backend.dispatch(procedure, samples[procedure]('intake'), 'nep-token');
    expect(forged).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('every role may sign out', async () => {
    for (const role of ROLES) {
      const login = value(await backend.dispatch('session.login', { userName: `alleen-${role}`, password: STRONG_PASSWORD }, null)) as { token: string };
      value(await backend.dispatch('session.logout', {}, login.token));
      expect(await backend.dispatch('session.me', {}, login.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
  });
});

describe('the matrix itself says what DESIGN.md says', () => {
  // Written out by hand, so a mistaken edit of the matrix fails here rather than silently passing above.
  const expected: Record<string, Role[]> = {
    'staff.read': ['admin'],
    'staff.manage': ['admin'],
    'audit.read': ['auditor', 'dpo'],
    'case.register': ['intake', 'handler', 'dpo'],
    'case.queue': ['intake', 'handler', 'dpo'],
    'case.read': ['handler', 'dpo'],
    'case.work': ['handler'],
    'case.extend': ['handler', 'dpo'],
    'case.assign': ['handler', 'dpo'],
    'settings.manage': ['admin'],
    'identity.registerCopy': ['intake', 'handler', 'dpo'],
    'letter.read': ['handler', 'signer', 'dpo'],
    'letter.draft': ['handler'],
    'letter.sign': ['signer'],
    'settings.signing': ['admin'],
    'register.read': ['handler', 'dpo', 'admin'],
    'register.manage': ['admin'],
    'package.build': ['handler'],
  };
  it.each(Object.entries(expected))('%s is for %j only', (action, roles) => {
    for (const role of ROLES) {
      expect(isAllowed([role], action as keyof typeof ACTIONS), `${role} ${action}`).toBe(roles.includes(role));
    }
  });

  it('admins cannot read the audit trail and auditors cannot see staff', () => {
    expect(isAllowed(['admin'], 'audit.read')).toBe(false);
    expect(isAllowed(['auditor'], 'staff.read')).toBe(false);
    expect(isAllowed(['admin', 'auditor'], 'audit.read')).toBe(true);
  });

  it('every procedure names an action in the matrix', () => {
    for (const p of PROCEDURE_NAMES) expect(ACTIONS).toHaveProperty([contract[p].action]);
  });
});
