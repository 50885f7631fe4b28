import { createHash, randomUUID } from 'node:crypto';
import type { LocalDb } from '../../db/local/database.js';
import { insertAuditEvent, iterateAuditEvents, lastAuditEvent, type AuditRow } from '../../db/local/audit/repository.js';
import type { AuditVerification } from '../../shared/api/contract.js';
import type { Role } from '../../shared/staff/roles.js';
import { DESKTOP_SIGNER, desktopMaySign, desktopSigningKey, signAsDesktop } from './audit-desktop-key.js';
import { auditSignatureValid, registeredSigners, signAuditHash, type SignerKey } from './audit-signing.js';

/** The hash the first event links to. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  actorId: string | null;
  roles: readonly Role[];
  procedure: string;
  recordType: string | null;
  recordId: string | null;
  outcome: AuditRow['outcome'];
}

/** SHA-256 over every field in a fixed order, including the previous event's hash and the sequence (not the signature, which signs this hash). */
export function auditEventHash(event: Omit<AuditRow, 'hash' | 'signature'>): string {
  const canonical = JSON.stringify([
    event.seq,
    event.id,
    event.at,
    event.actorId,
    event.roles,
    event.procedure,
    event.recordType,
    event.recordId,
    event.outcome,
    event.prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * Appends one event to the chain. Call inside the transaction of the change it records. The hash is
 * signed with the actor's own key while they are signed in here, otherwise with the desktop's key
 * (audit-desktop-key.ts), which verification accepts only for what happens without a signed-in member.
 */
export function appendAuditEvent(db: LocalDb, at: Date, fields: AuditFields): AuditRow {
  desktopSigningKey(db);
  const last = lastAuditEvent(db);
  const base = {
    seq: (last?.seq ?? 0) + 1,
    id: randomUUID(),
    at: at.toISOString(),
    actorId: fields.actorId,
    roles: [...fields.roles],
    procedure: fields.procedure,
    recordType: fields.recordType,
    recordId: fields.recordId,
    outcome: fields.outcome,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = auditEventHash(base);
  const row: AuditRow = { ...base, hash, signature: signAuditHash(fields.actorId, hash) ?? signAsDesktop(db, hash) };
  insertAuditEvent(db, row);
  return row;
}

export type ChainVerification = Omit<AuditVerification, 'central'>;

/**
 * Walks a chain from its start (rows in `seq` order) and names the first event that does not verify.
 * With `signers`, an event in the name of a member with a registered key must carry a signature by
 * one of their keys from the event that key was registered at on: recomputing hashes after an edit,
 * or writing an event in someone else's name, then needs that member's private key.
 */
export function verifyChain(rows: Iterable<ChainRow>, signers: ReadonlyMap<string, readonly SignerKey[]> = new Map()): ChainVerification {
  const { unsigned: _unsigned, unverifiable: _unverifiable, ...result } = walkChain(rows, signers, false);
  return result;
}

/**
 * A central copy of a desktop's chain, with the keys that desktop registered centrally: as strict as
 * the local verification, except that a signed event of a member who never registered a key there
 * (no central login) cannot be checked and is counted instead.
 */
export function verifyCentralChain(rows: Iterable<ChainRow>, signers: ReadonlyMap<string, readonly SignerKey[]>): ChainVerification & { unverifiable: number } {
  const { unsigned: _unsigned, ...result } = walkChain(rows, signers, true);
  return result;
}

type ChainRow = Omit<AuditRow, 'signature'> & { signature?: string | null };

function walkChain(
  rows: Iterable<ChainRow>,
  signers: ReadonlyMap<string, readonly SignerKey[]>,
  partial: boolean,
): ChainVerification & { unsigned: number; unverifiable: number } {
  let unsigned = 0;
  let unverifiable = 0;
  const desktopFrom = signers.get(DESKTOP_SIGNER)?.[0]?.fromSeq;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      return {
        ok: false,
        count,
        unsigned,
        unverifiable,
        firstBroken: { seq: row.seq, reason: `Gebeurtenis ${expectedSeq} tot en met ${row.seq - 1} ontbreekt of staat niet op volgorde.` },
      };
    }
    if (row.prevHash !== prevHash) {
      return {
        ok: false,
        count,
        unsigned,
        unverifiable,
        firstBroken: {
          seq: row.seq,
          reason: 'De koppeling met de vorige gebeurtenis klopt niet: een eerdere gebeurtenis is gewijzigd, verwijderd of verplaatst.',
        },
      };
    }
    const { hash, signature, ...rest } = row;
    if (auditEventHash(rest) !== hash) {
      return { ok: false, count, unsigned, unverifiable, firstBroken: { seq: row.seq, reason: 'De inhoud van deze gebeurtenis is gewijzigd.' } };
    }
    const broken = signatureBreak(row, hash, signature ?? null, signers, desktopFrom, partial);
    if (broken === UNVERIFIABLE) unverifiable += 1;
    else if (broken) return { ok: false, count, unsigned, unverifiable, firstBroken: { seq: row.seq, reason: broken } };
    if (!signature) unsigned += 1;
    prevHash = hash;
    expectedSeq += 1;
    count += 1;
  }
  return { ok: true, count, unsigned, unverifiable, firstBroken: null };
}

/** A signed event of a member without a registered key: not verifiable here (a failure locally). */
const UNVERIFIABLE = 'Gebeurtenis met een handtekening van een medewerker zonder vastgelegde sleutel.';

/**
 * Why an event's signature does not hold, or null. Before this desktop had its own key, an event in
 * the name of a member with a registered key needs that member's signature; from then on every event
 * is signed: by the member, or by the desktop for what happens without one (desktopMaySign).
 */
function signatureBreak(
  row: ChainRow,
  hash: string,
  signature: string | null,
  signers: ReadonlyMap<string, readonly SignerKey[]>,
  desktopFrom: number | undefined,
  partial: boolean,
): string | null {
  const validBy = (staffId: string | null) =>
    signature !== null &&
    staffId !== null &&
    (signers.get(staffId) ?? []).some((k) => k.fromSeq <= row.seq && auditSignatureValid(k.publicKey, hash, signature));
  const memberKeys = (row.actorId === null ? undefined : signers.get(row.actorId))?.filter((k) => k.fromSeq <= row.seq) ?? [];
  if (validBy(row.actorId)) return null;
  if (desktopFrom === undefined || row.seq < desktopFrom) {
    return memberKeys.length > 0
      ? `Gebeurtenis ${row.seq}: handtekening ontbreekt of klopt niet. De medewerker op wiens naam ze staat heeft haar niet zo geschreven: ze is toegevoegd of daarna gewijzigd.`
      : null;
  }
  if (signature === null) {
    return `Gebeurtenis ${row.seq}: handtekening ontbreekt of klopt niet. Sinds gebeurtenis ${desktopFrom} draagt elke gebeurtenis de handtekening van de medewerker of van deze computer: deze is buiten AVG Desk om toegevoegd of gewijzigd.`;
  }
  if (!validBy(DESKTOP_SIGNER)) {
    if (partial && row.actorId !== null && !signers.has(row.actorId)) return UNVERIFIABLE;
    return `Gebeurtenis ${row.seq}: handtekening ontbreekt of klopt niet. De medewerker op wiens naam ze staat heeft haar niet zo geschreven: ze is toegevoegd of daarna gewijzigd.`;
  }
  if (!desktopMaySign(row)) {
    return `Gebeurtenis ${row.seq}: alleen door deze computer ondertekend, maar dit is geen weigering of eigen werk van AVG Desk: alleen een aangemelde medewerker ondertekent deze handeling. Ze is buiten AVG Desk om toegevoegd.`;
  }
  return null;
}

/** This desktop's chain, from the start, with how many events carry no signature (see appendAuditEvent). */
export function verifyAuditChain(db: LocalDb): ChainVerification {
  return walkChain(iterateAuditEvents(db), registeredSigners(db), false);
}
