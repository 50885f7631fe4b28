import type { Role } from './roles.js';

/**
 * The permission matrix: the single source of truth for who may do what.
 * The main process enforces it on every API call; the renderer only uses it to hide what a user
 * may not do; the central database mirrors it with PostgreSQL roles (db/central).
 *
 * An action is a capability, not a procedure: several procedures can need the same action.
 * `public` actions need no session (first-run setup, login); `authenticated` ones need any session.
 */
export const ACTIONS = {
  'setup.read': 'public',
  'setup.create': 'public',
  'session.login': 'public',
  /** All passwords lost: the recovery key sets a new password for an admin. */
  'setup.recover': 'public',
  /**
   * A backup holds every case of the desktop and opens away from it, outside the app's checks: only
   * the dpo and functioneel beheer make one, and only their passwords (and the recovery key) open it.
   */
  'backup.create': ['dpo', 'admin'],
  'session.use': 'authenticated',
  'account.changePassword': 'authenticated',
  'staff.read': ['admin'],
  'staff.manage': ['admin'],
  'audit.read': ['auditor', 'dpo'],
  /** Names of active handlers, to assign cases. Staff names are not case content. */
  'staff.directory': ['intake', 'handler', 'dpo'],
  /** Register a request; intake may also assign it to a handler at registration. */
  'case.register': ['intake', 'handler', 'dpo'],
  /** The work queue: intake sees status and due date only; handlers their own cases; the dpo all. */
  'case.queue': ['intake', 'handler', 'dpo'],
  /** Case content. Handlers only for cases assigned to them (checked per case in the service). */
  'case.read': ['handler', 'dpo'],
  /** Work on a case: status, tasks, suspension. Only the assigned handler. */
  'case.work': ['handler'],
  /** Extend the term (art. 12(3)): the assigned handler or the dpo. */
  'case.extend': ['handler', 'dpo'],
  /** Assign: the dpo any case to any handler; a handler an unassigned case to themselves. */
  'case.assign': ['handler', 'dpo'],
  /** Record that an ID copy came in (intake at the desk or post room); viewing it is case.read. */
  'identity.registerCopy': ['intake', 'handler', 'dpo'],
  /** Technical settings (letterhead, central connection, auto-lock, log level, recovery key): functioneel beheer. */
  'settings.manage': ['admin'],
  /**
   * The terms the policy leaves to the privacy officer: deadline terms per request type, retention
   * terms, the letter templates. Within the policy's bounds, checked in the service.
   */
  'terms.manage': ['dpo'],
  /** Read letters: the handler and dpo of the case; a signer the letters put before them (checked in the service). */
  'letter.read': ['handler', 'signer', 'dpo'],
  /** Draft, edit, submit and mark sent: the assigned handler (checked in the service). */
  'letter.draft': ['handler'],
  /** Review and sign, or send back: never a letter one wrote or edited (four-eyes, in the service). */
  'letter.sign': ['signer'],
  /** The organisation's signing certificate (PKCS#12) and its password. */
  'settings.signing': ['admin'],
  /** The processing register: handlers tick activities, the privacy officer maintains it; admins may read it. */
  'register.read': ['handler', 'dpo', 'admin'],
  'register.manage': ['dpo'],
  /** The access package (inzage, dataportabiliteit): the assigned handler. */
  'package.build': ['handler'],
  /** Sync with the central database as oneself; what one may send and see there, PostgreSQL decides per function. */
  'sync.run': ['intake', 'handler', 'signer', 'dpo', 'auditor', 'admin'],
  /** Retention: the bewaartermijnen screen, destruction lists and lifting holds. */
  'retention.manage': ['dpo'],
  /** Place a legal hold on a case: the dpo or the assigned handler (checked in the service). */
  'retention.hold': ['handler', 'dpo'],
  /** Reports: the dpo sees all; the auditor the same figures without references or names. */
  'report.read': ['dpo', 'auditor'],
  /** Hand an open case file over to another desktop: the dpo, or the handler it is assigned to here (checked in the service). */
  'handover.export': ['handler', 'dpo'],
  /** "Mijn werk": the start page of what waits for the caller, a section per function (the service shows only one's own). */
  'work.read': ['intake', 'handler', 'signer', 'dpo'],
  /** Import a handover bundle: the handler who takes the case over. */
  'handover.import': ['handler'],
} as const satisfies Record<string, 'public' | 'authenticated' | readonly Role[]>;

export type Action = keyof typeof ACTIONS;

export function isPublicAction(action: Action): boolean {
  return ACTIONS[action] === 'public';
}

/** May a staff member holding `roles` perform `action`? Public actions are always allowed. */
export function isAllowed(roles: readonly Role[], action: Action): boolean {
  const rule: 'public' | 'authenticated' | readonly Role[] = ACTIONS[action];
  if (rule === 'public' || rule === 'authenticated') return true;
  return roles.some((role) => rule.includes(role));
}
