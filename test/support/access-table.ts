import { type CaseDecision, type Relationship } from '../../shared/cases/access.js';
import { ROLES, type Role } from '../../shared/staff/roles.js';

/**
 * Who may do what with one case, written out by hand from the privacy policy's need-to-know (§5:
 * staff see a requester's data only as far as their function needs it) and the team's division of
 * work: the desk registers, the assigned handler works the case, the dpo oversees every case, a
 * signer sees only letters put before them, the auditor and functioneel beheer see no case at all.
 *
 * Each cell reads assigned / assigned to another handler / unassigned: 'y' allowed, 'n' refused.
 * The letter rows are about a letter of the case signed by another signer, and one submitted for
 * signing. Not derived from shared/cases/access.ts: the tests hold that code against this table.
 */
export type Check = CaseDecision | 'readSignedLetter' | 'readSubmittedLetter';
type Cells = `${'y' | 'n'}${'y' | 'n'}${'y' | 'n'}`;

/** One row per decision: the cells of each function, in this order. */
type Row = readonly [intake: Cells, handler: Cells, signer: Cells, dpo: Cells, auditor: Cells, admin: Cells];
const COLUMNS = ['intake', 'handler', 'signer', 'dpo', 'auditor', 'admin'] as const satisfies readonly Role[];
if ([...COLUMNS].sort().join() !== [...ROLES].sort().join()) throw new Error('De toegangstabel heeft niet precies één kolom per functie.');

const TABLE: Record<Check, Row> = {
  seeContent: ['nnn', 'ynn', 'nnn', 'yyy', 'nnn', 'nnn'],
  work: ['nnn', 'ynn', 'nnn', 'nnn', 'nnn', 'nnn'],
  extend: ['nnn', 'ynn', 'nnn', 'yyy', 'nnn', 'nnn'],
  placeHold: ['nnn', 'ynn', 'nnn', 'yyy', 'nnn', 'nnn'],
  liftHold: ['nnn', 'nnn', 'nnn', 'yyy', 'nnn', 'nnn'],
  exportHandover: ['nnn', 'ynn', 'nnn', 'yyy', 'nnn', 'nnn'],
  registerIdCopy: ['yyy', 'ynn', 'nnn', 'yyy', 'nnn', 'nnn'],
  selfAssign: ['nnn', 'nny', 'nnn', 'nnn', 'nnn', 'nnn'],
  reassign: ['nnn', 'nnn', 'nnn', 'yyy', 'nnn', 'nnn'],
  seeInQueue: ['yyy', 'yny', 'nnn', 'yyy', 'nnn', 'nnn'],
  listLetters: ['nnn', 'ynn', 'yyy', 'yyy', 'nnn', 'nnn'],
  sendRegister: ['nnn', 'yny', 'nnn', 'yyy', 'nnn', 'nnn'],
  requestSigning: ['nnn', 'ynn', 'nnn', 'yyy', 'nnn', 'nnn'],
  readSignedLetter: ['nnn', 'ynn', 'nnn', 'yyy', 'nnn', 'nnn'],
  readSubmittedLetter: ['nnn', 'ynn', 'yyy', 'yyy', 'nnn', 'nnn'],
};

export const EXPECTED = Object.fromEntries(
  COLUMNS.map((role, column) => [role, Object.fromEntries(Object.entries(TABLE).map(([check, cells]) => [check, cells[column]]))]),
) as Record<Role, Record<Check, Cells>>;

const POSITION: Record<Relationship, number> = { assigned: 0, other: 1, unassigned: 2 };

export function expected(role: Role, check: Check, relationship: Relationship): boolean {
  return EXPECTED[role][check][POSITION[relationship]] === 'y';
}
