import { type CaseDecision, type Relationship } from '../../shared/cases/access.js';
import type { Role } from '../../shared/staff/roles.js';

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

export const EXPECTED: Record<Role, Record<Check, Cells>> = {
  intake: {
    seeContent: 'nnn',
    work: 'nnn',
    extend: 'nnn',
    placeHold: 'nnn',
    liftHold: 'nnn',
    exportHandover: 'nnn',
    registerIdCopy: 'yyy',
    selfAssign: 'nnn',
    reassign: 'nnn',
    seeInQueue: 'yyy',
    listLetters: 'nnn',
    sendRegister: 'nnn',
    requestSigning: 'nnn',
    readSignedLetter: 'nnn',
    readSubmittedLetter: 'nnn',
  },
  handler: {
    seeContent: 'ynn',
    work: 'ynn',
    extend: 'ynn',
    placeHold: 'ynn',
    liftHold: 'nnn',
    exportHandover: 'ynn',
    registerIdCopy: 'ynn',
    selfAssign: 'nny',
    reassign: 'nnn',
    seeInQueue: 'yny',
    listLetters: 'ynn',
    sendRegister: 'yny',
    requestSigning: 'ynn',
    readSignedLetter: 'ynn',
    readSubmittedLetter: 'ynn',
  },
  signer: {
    seeContent: 'nnn',
    work: 'nnn',
    extend: 'nnn',
    placeHold: 'nnn',
    liftHold: 'nnn',
    exportHandover: 'nnn',
    registerIdCopy: 'nnn',
    selfAssign: 'nnn',
    reassign: 'nnn',
    seeInQueue: 'nnn',
    listLetters: 'yyy',
    sendRegister: 'nnn',
    requestSigning: 'nnn',
    readSignedLetter: 'nnn',
    readSubmittedLetter: 'yyy',
  },
  dpo: {
    seeContent: 'yyy',
    work: 'nnn',
    extend: 'yyy',
    placeHold: 'yyy',
    liftHold: 'yyy',
    exportHandover: 'yyy',
    registerIdCopy: 'yyy',
    selfAssign: 'nnn',
    reassign: 'yyy',
    seeInQueue: 'yyy',
    listLetters: 'yyy',
    sendRegister: 'yyy',
    requestSigning: 'yyy',
    readSignedLetter: 'yyy',
    readSubmittedLetter: 'yyy',
  },
  auditor: {
    seeContent: 'nnn',
    work: 'nnn',
    extend: 'nnn',
    placeHold: 'nnn',
    liftHold: 'nnn',
    exportHandover: 'nnn',
    registerIdCopy: 'nnn',
    selfAssign: 'nnn',
    reassign: 'nnn',
    seeInQueue: 'nnn',
    listLetters: 'nnn',
    sendRegister: 'nnn',
    requestSigning: 'nnn',
    readSignedLetter: 'nnn',
    readSubmittedLetter: 'nnn',
  },
  admin: {
    seeContent: 'nnn',
    work: 'nnn',
    extend: 'nnn',
    placeHold: 'nnn',
    liftHold: 'nnn',
    exportHandover: 'nnn',
    registerIdCopy: 'nnn',
    selfAssign: 'nnn',
    reassign: 'nnn',
    seeInQueue: 'nnn',
    listLetters: 'nnn',
    sendRegister: 'nnn',
    requestSigning: 'nnn',
    readSignedLetter: 'nnn',
    readSubmittedLetter: 'nnn',
  },
};

const POSITION: Record<Relationship, number> = { assigned: 0, other: 1, unassigned: 2 };

export function expected(role: Role, check: Check, relationship: Relationship): boolean {
  return EXPECTED[role][check][POSITION[relationship]] === 'y';
}
