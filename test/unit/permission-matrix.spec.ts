import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../main/app/backend.js';
import { contract, PROCEDURE_NAMES, type ProcedureName } from '../../shared/api/contract.js';
import { ACTIONS, isAllowed, isPublicAction, type Action } from '../../shared/staff/permissions.js';
import { ROLES, type Role } from '../../shared/staff/roles.js';
import { STRONG_PASSWORD, addStaff, initialized, tempDir, value } from '../support/backend.js';
import { emptySampleIds, NEW_CASE, procedureSamples } from '../support/procedure-samples.js';

/**
 * Who may call what, written out by hand from the team's rules (not read from shared/staff/permissions.ts):
 * per action of the matrix, the functions that hold it and every procedure that needs it. 'public'
 * needs no session, 'session' any session. The tests below hold the matrix, the contract's choice
 * of action per procedure and the dispatcher's refusals against this table.
 */
const EVERYONE: Role[] = ['intake', 'handler', 'signer', 'dpo', 'auditor', 'admin'];
const MAY: Record<string, { roles: 'public' | 'session' | Role[]; procedures: string[] }> = {
  'setup.read': { roles: 'public', procedures: ['setup.status'] },
  'setup.create': { roles: 'public', procedures: ['setup.createAdmin'] },
  'setup.recover': { roles: 'public', procedures: ['setup.recover', 'setup.restore'] },
  'session.login': { roles: 'public', procedures: ['session.login'] },
  'session.use': { roles: 'session', procedures: ['session.logout', 'session.me', 'session.lock', 'settings.getAutoLock', 'sync.status'] },
  'account.changePassword': { roles: 'session', procedures: ['account.changePassword'] },
  'backup.create': { roles: ['dpo', 'admin'], procedures: ['backup.create'] },
  'settings.manage': {
    roles: ['admin'],
    procedures: [
      'setup.newRecoveryKey',
      'settings.getLetterhead',
      'settings.setLetterhead',
      'settings.setAutoLock',
      'settings.getLogLevel',
      'settings.setLogLevel',
      'sync.getSettings',
      'sync.setSettings',
      'settings.getSecondChannel',
      'settings.setSecondChannel',
    ],
  },
  'settings.signing': { roles: ['admin'], procedures: ['settings.getSigning', 'settings.setSigning'] },
  'staff.read': { roles: ['admin'], procedures: ['staff.list'] },
  'staff.manage': { roles: ['admin'], procedures: ['staff.add', 'staff.setRoles', 'staff.setActive', 'staff.resetPassword'] },
  'staff.directory': { roles: ['intake', 'handler', 'dpo'], procedures: ['staff.handlers'] },
  // Functioneel beheer never reads the audit trail; the auditor and the privacy officer do.
  'audit.read': { roles: ['auditor', 'dpo'], procedures: ['audit.list', 'audit.verify', 'audit.search', 'audit.caseReads', 'audit.staff', 'audit.export'] },
  'case.register': { roles: ['intake', 'handler', 'dpo'], procedures: ['deadline.preview', 'case.create', 'case.duplicates', 'case.suggestHandler'] },
  'case.queue': { roles: ['intake', 'handler', 'dpo'], procedures: ['case.queue'] },
  'case.read': {
    roles: ['handler', 'dpo'],
    procedures: [
      'case.get',
      'case.timeline',
      'identity.get',
      'identity.viewCopy',
      'dossier.list',
      'dossier.pdf',
      'thirdParty.list',
      'redaction.suggest',
      'redaction.searchAll',
      'redaction.read',
      'redaction.readStatus',
      'case.activities',
      'retention.forCase',
      'case.readiness',
      'sources.checklist',
      'dataset.list',
    ],
  },
  'case.work': {
    roles: ['handler'],
    procedures: [
      'case.transition',
      'case.suspendForId',
      'case.resumeAfterId',
      'case.completeTask',
      'identity.maskCopy',
      'identity.confirmMasked',
      'identity.check',
      'identity.record',
      'dossier.import',
      'thirdParty.add',
      'thirdParty.update',
      'redaction.start',
      'redaction.status',
      'redaction.cancel',
      'case.selectActivities',
      'case.setRepresentative',
      'case.verifyChange',
      'sources.record',
      'dataset.import',
    ],
  },
  'case.extend': { roles: ['handler', 'dpo'], procedures: ['case.extend'] },
  'case.assign': { roles: ['handler', 'dpo'], procedures: ['case.assign'] },
  'identity.registerCopy': { roles: ['intake', 'handler', 'dpo'], procedures: ['identity.uploadCopy'] },
  'terms.manage': {
    roles: ['dpo'],
    procedures: [
      'settings.getDeadlinePolicy',
      'settings.setDeadlinePolicy',
      'letter.templates',
      'letter.setTemplate',
      'letter.resetTemplate',
      'retention.getPolicy',
      'retention.setPolicy',
    ],
  },
  'letter.read': { roles: ['handler', 'signer', 'dpo'], procedures: ['letter.kinds', 'letter.list', 'letter.stamp', 'letter.get'] },
  'letter.draft': { roles: ['handler'], procedures: ['letter.draft', 'letter.updateText', 'letter.submit', 'letter.discard', 'letter.markSent'] },
  'letter.sign': { roles: ['signer'], procedures: ['letter.queueForSigning', 'letter.sign', 'letter.return', 'signer.getProfile', 'signer.setProfile'] },
  'package.build': { roles: ['handler'], procedures: ['package.build'] },
  'register.read': { roles: ['handler', 'dpo', 'admin'], procedures: ['register.list'] },
  'register.manage': { roles: ['dpo'], procedures: ['register.upsert', 'register.remove'] },
  'retention.hold': { roles: ['handler', 'dpo'], procedures: ['retention.placeHold'] },
  'retention.manage': {
    roles: ['dpo'],
    procedures: ['retention.liftHold', 'retention.overview', 'retention.runLocal', 'retention.propose', 'retention.removeItem', 'retention.approve'],
  },
  'report.read': { roles: ['dpo', 'auditor'], procedures: ['report.get'] },
  'sync.run': { roles: EVERYONE, procedures: ['sync.run', 'sync.setCredentials'] },
  'handover.export': { roles: ['handler', 'dpo'], procedures: ['handover.export'] },
  'handover.import': { roles: ['handler'], procedures: ['handover.import'] },
  'work.read': { roles: ['intake', 'handler', 'signer', 'dpo'], procedures: ['work.mine', 'notifications.mine'] },
};
const ACTION_OF = new Map(Object.entries(MAY).flatMap(([action, { procedures }]) => procedures.map((p) => [p, action] as const)));
/** Whether `role` may call `procedure` according to the table: a session holder may call the public ones too. */
function tableAllows(role: Role, procedure: ProcedureName): boolean {
  const rule = MAY[ACTION_OF.get(procedure) ?? '']?.roles;
  if (rule === undefined) throw new Error(`${procedure} is missing from the table`);
  return rule === 'public' || rule === 'session' || rule.includes(role);
}

/**
 * Every role × every procedure, through the dispatcher, against the table above. A procedure a role
 * may not call must be refused with FORBIDDEN (and audited as denied); one it may call must get past
 * the permission check.
 */
let backend: Backend;
let cleanup: () => void;
const tokens = {} as Record<Role, string>;
/** The sample inputs live in test/support/procedure-samples.ts (shared with test/robustness). */
const ids = emptySampleIds();
const staffIds = ids.staffIds;
const samples = procedureSamples(ids);

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  const init = await initialized(t.dir);
  backend = init.backend;
  ids.targetId = (await addStaff(backend, init.adminToken, 'doelwit', ['intake'])).id;
  for (const role of ROLES) {
    const staff = await addStaff(backend, init.adminToken, `alleen-${role}`, [role]);
    tokens[role] = staff.token;
    staffIds[role] = staff.id;
  }
  ids.caseId = (value(await backend.dispatch('case.create', { ...NEW_CASE, handlerId: staffIds.handler }, tokens.dpo)) as { id: string }).id;
  ids.unassignedCaseId = (value(await backend.dispatch('case.create', NEW_CASE, tokens.dpo)) as { id: string }).id;
});
afterAll(() => {
  backend.close();
  cleanup();
});

describe('permission matrix, through the dispatcher', () => {
  const cases = ROLES.flatMap((role) =>
    PROCEDURE_NAMES.filter((p) => p !== 'session.logout' && p !== 'session.lock').map((procedure) => ({ role, procedure })),
  );

  it.each(cases)('$role → $procedure', async ({ role, procedure }) => {
    const allowed = tableAllows(role, procedure);
    const before = value(await backend.dispatch('audit.list', { limit: 1 }, tokens.auditor)) as { seq: number }[];
    const result = await backend.dispatch(procedure, samples[procedure](role), tokens[role]);
    if (allowed) {
      if (!result.ok) expect(result.error.code, result.error.message).not.toBe('FORBIDDEN');
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'U heeft geen toestemming voor deze handeling.' } });
      const events = value(await backend.dispatch('audit.list', { limit: 5 }, tokens.auditor)) as {
        seq: number;
        procedure: string;
        outcome: string;
        roles: Role[];
      }[];
      const refusal = events.find((e) => e.seq > (before[0]?.seq ?? 0) && e.procedure === procedure);
      expect(refusal).toMatchObject({ outcome: 'denied', roles: [role] });
    }
  });

  it.each(PROCEDURE_NAMES.filter((p) => MAY[ACTION_OF.get(p) ?? '']?.roles !== 'public'))('no session → %s is refused', async (procedure) => {
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

describe('the matrix and the contract say what the table says', () => {
  it('the table names every action of the matrix, and no other', () => {
    expect(Object.keys(MAY).sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  it('the table names every procedure once', () => {
    const listed = Object.values(MAY).flatMap((m) => m.procedures);
    expect(listed.length).toBe(new Set(listed).size);
    expect([...listed].sort()).toEqual([...PROCEDURE_NAMES].sort());
  });

  it.each(PROCEDURE_NAMES)('%s needs the action the table gives it', (procedure) => {
    expect(contract[procedure].action).toBe(ACTION_OF.get(procedure));
  });

  it.each(Object.entries(MAY))('%s: the matrix allows exactly the roles of the table', (action, { roles }) => {
    const key = action as Action;
    expect(isPublicAction(key)).toBe(roles === 'public');
    for (const role of ROLES) {
      expect(isAllowed([role], key), `${role} ${action}`).toBe(roles === 'public' || roles === 'session' || roles.includes(role));
    }
    // With no function at all only the public actions and those for any session remain.
    expect(isAllowed([], key)).toBe(roles === 'public' || roles === 'session');
  });

  it('holding two functions gives what either gives: admins cannot read the audit trail, an admin who is also auditor can', () => {
    expect(isAllowed(['admin'], 'audit.read')).toBe(false);
    expect(isAllowed(['auditor'], 'staff.read')).toBe(false);
    expect(isAllowed(['admin', 'auditor'], 'audit.read')).toBe(true);
  });
});
