import type { FluentIcon } from '@fluentui/react-icons';
import {
  ArchiveRegular,
  BriefcaseRegular,
  DataBarVerticalRegular,
  DocumentAddRegular,
  HomeRegular,
  PeopleSettingsRegular,
  PersonRegular,
  ShieldTaskRegular,
  SignatureRegular,
  TaskListLtrRegular,
} from '@fluentui/react-icons';
import { contract, type ProcedureName } from '../../../shared/api/contract.js';
import { isAllowed } from '../../../shared/staff/permissions.js';
import type { Role } from '../../../shared/staff/roles.js';

export type ScreenId = 'start' | 'work' | 'queue' | 'intake' | 'signing' | 'reports' | 'audit' | 'retention' | 'admin' | 'account';

export interface ScreenEntry {
  id: ScreenId;
  /** The procedure the screen cannot work without (or, for a list, one of them): the menu shows it only to whoever may call it. */
  needs: ProcedureName | readonly ProcedureName[];
  icon: FluentIcon;
}

/** The order of the left navigation: the daily work first, then oversight, then administration. */
export const SCREENS: readonly ScreenEntry[] = [
  { id: 'start', needs: 'session.me', icon: HomeRegular },
  { id: 'work', needs: 'work.mine', icon: BriefcaseRegular },
  { id: 'queue', needs: 'case.queue', icon: TaskListLtrRegular },
  { id: 'intake', needs: 'case.create', icon: DocumentAddRegular },
  { id: 'signing', needs: 'letter.queueForSigning', icon: SignatureRegular },
  { id: 'reports', needs: 'report.get', icon: DataBarVerticalRegular },
  { id: 'audit', needs: 'audit.list', icon: ShieldTaskRegular },
  { id: 'retention', needs: 'retention.overview', icon: ArchiveRegular },
  // Beheer: functioneel beheer's technical settings and the privacy officer's terms, templates and register.
  { id: 'admin', needs: ['staff.list', 'settings.getDeadlinePolicy'], icon: PeopleSettingsRegular },
  { id: 'account', needs: 'account.changePassword', icon: PersonRegular },
];

/**
 * The screens these functions may use. The backend checks every call regardless; this only hides.
 * Whoever has work waiting (intake, handler, signer, dpo) starts in Mijn werk: the welcome screen is for the other functions.
 */
export function screensFor(roles: readonly Role[]): ScreenEntry[] {
  const allowed = SCREENS.filter((screen) =>
    (typeof screen.needs === 'string' ? [screen.needs] : screen.needs).some((p) => isAllowed(roles, contract[p].action)),
  );
  return allowed.some((screen) => screen.id === 'work') ? allowed.filter((screen) => screen.id !== 'start') : allowed;
}

/** The screen that opens after sign-in: Mijn werk where there is one. */
export function defaultScreen(screens: readonly ScreenEntry[]): ScreenId {
  return screens[0]?.id ?? 'start';
}
