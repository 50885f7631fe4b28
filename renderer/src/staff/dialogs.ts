import type { Staff } from '../../../shared/api/contract.js';

/** What every staff dialog gets: the account it acts on, and where to report. */
export interface DialogProps {
  open: boolean;
  staff: Staff;
  onClose: () => void;
  /** The action succeeded: `message` for the success bar, `staffId` of the account it changed. */
  onDone: (message: string, staffId: string) => void;
}

export type StaffDialog = { kind: 'add' } | { kind: 'roles' | 'deactivate' | 'activate' | 'reset'; staff: Staff };
