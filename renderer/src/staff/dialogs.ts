import type { Staff } from '../../../shared/api/contract.js';
import type { DialogControl } from '../ui/useDialog.js';

/** A staff action that succeeded: `message` for the success bar, `staffId` of the account it changed. */
export interface StaffChange {
  message: string;
  staffId: string;
}

/** What every staff dialog gets: the account it acts on, and where to report. */
export interface DialogProps extends DialogControl<StaffChange> {
  staff: Staff;
}

export type StaffDialog = { kind: 'add' } | { kind: 'roles' | 'deactivate' | 'activate' | 'reset'; staff: Staff };
