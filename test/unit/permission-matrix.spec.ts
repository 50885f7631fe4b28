import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../main/backend.js';
import { contract, PROCEDURE_NAMES } from '../../shared/api/contract.js';
import { ACTIONS, isAllowed, isPublicAction } from '../../shared/permissions.js';
import { ROLES, type Role } from '../../shared/roles.js';
import { STRONG_PASSWORD, addStaff, initialized, tempDir, value } from '../support/backend.js';
import { emptySampleIds, NEW_CASE, procedureSamples } from '../support/procedure-samples.js';

/**
 * Generated from the matrix in shared/permissions.ts: every role × every procedure, through the
 * dispatcher. A procedure a role may not call must be refused with FORBIDDEN (and audited as
 * denied); one it may call must get past the permission check.
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

describe('permission matrix, generated', () => {
  const cases = ROLES.flatMap((role) => PROCEDURE_NAMES.filter((p) => p !== 'session.logout' && p !== 'session.lock').map((procedure) => ({ role, procedure })));

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

describe('the matrix itself says what the staff functions are for', () => {
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
    'terms.manage': ['dpo'],
    'identity.registerCopy': ['intake', 'handler', 'dpo'],
    'letter.read': ['handler', 'signer', 'dpo'],
    'letter.draft': ['handler'],
    'letter.sign': ['signer'],
    'settings.signing': ['admin'],
    'register.read': ['handler', 'dpo', 'admin'],
    'register.manage': ['dpo'],
    'package.build': ['handler'],
    'retention.manage': ['dpo'],
    'retention.hold': ['handler', 'dpo'],
    'report.read': ['dpo', 'auditor'],
    'handover.export': ['handler', 'dpo'],
    'handover.import': ['handler'],
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
