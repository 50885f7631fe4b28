/**
 * The names of all API procedures, without their schemas, so the preload script can expose one
 * bridge function per procedure without bundling zod. `contract.ts` must declare exactly these.
 */
export const PROCEDURE_NAMES = [
  'setup.status',
  'setup.createAdmin',
  'session.login',
  'session.logout',
  'session.me',
  'account.changePassword',
  'staff.list',
  'staff.add',
  'staff.setRoles',
  'staff.setActive',
  'staff.resetPassword',
  'audit.list',
  'audit.verify',
  'staff.handlers',
  'deadline.preview',
  'case.create',
  'case.duplicates',
  'case.queue',
  'case.get',
  'case.timeline',
  'case.assign',
  'case.transition',
  'case.extend',
  'case.suspendForId',
  'case.resumeAfterId',
  'case.completeTask',
  'settings.getDeadlinePolicy',
  'settings.setDeadlinePolicy',
  'identity.get',
  'identity.uploadCopy',
  'identity.viewCopy',
  'identity.maskCopy',
  'identity.confirmMasked',
  'identity.check',
  'identity.record',
  'dossier.list',
  'dossier.import',
  'dossier.pdf',
  'thirdParty.list',
  'thirdParty.add',
  'thirdParty.update',
] as const;

export type ProcedureName = (typeof PROCEDURE_NAMES)[number];

export function isProcedureName(name: string): name is ProcedureName {
  return (PROCEDURE_NAMES as readonly string[]).includes(name);
}
