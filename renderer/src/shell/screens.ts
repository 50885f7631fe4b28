import type { FluentIcon } from '@fluentui/react-icons';
import { HomeRegular, PeopleSettingsRegular, PersonRegular, ShieldTaskRegular } from '@fluentui/react-icons';
import { contract, type ProcedureName } from '../../../shared/api/contract.js';
import { isAllowed } from '../../../shared/permissions.js';
import type { Role } from '../../../shared/roles.js';

export type ScreenId = 'start' | 'audit' | 'admin' | 'account';

export interface ScreenEntry {
  id: ScreenId;
  /** The procedure the screen cannot work without: the menu shows it only to whoever may call it. */
  needs: ProcedureName;
  icon: FluentIcon;
}

export const SCREENS: readonly ScreenEntry[] = [
  { id: 'start', needs: 'session.me', icon: HomeRegular },
  { id: 'audit', needs: 'audit.list', icon: ShieldTaskRegular },
  { id: 'admin', needs: 'staff.list', icon: PeopleSettingsRegular },
  { id: 'account', needs: 'account.changePassword', icon: PersonRegular },
];

/** The screens these functions may use. The backend checks every call regardless; this only hides. */
export function screensFor(roles: readonly Role[]): ScreenEntry[] {
  return SCREENS.filter((screen) => isAllowed(roles, contract[screen.needs].action));
}
