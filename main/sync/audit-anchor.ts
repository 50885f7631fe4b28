import type { LocalDb } from '../../db/local/database.js';
import { iterateAuditEvents, lastAuditEvent } from '../../db/local/audit/repository.js';
import type { AuditVerification } from '../../shared/api/contract.js';
import type { AuditAnchor } from './audit-push.js';

export type AnchorVerification = NonNullable<AuditVerification['anchor']>;

export interface AnchorComparison extends AnchorVerification {
  /** The first local event that contradicts an anchor (for the verification's firstBroken). */
  firstBroken: { seq: number; reason: string } | null;
}

/** 'de laatste gebeurtenis is' / 'de laatste 3 gebeurtenissen zijn'. */
const events = (n: number) => (n === 1 ? 'gebeurtenis is' : `${n} gebeurtenissen zijn`);

/**
 * Compares this desktop's chain with the heads the central database anchored (sequence number and
 * hash at each sync). The local chain check finds edits that were not re-hashed; this finds what a
 * re-hash hides: an anchored event that is gone (a deleted tail, even all events), or whose hash is
 * no longer the anchored one (an edit with the later hashes recomputed, a reordering).
 */
export function compareWithAnchors(db: LocalDb, anchors: readonly AuditAnchor[], source: 'central' | 'stored'): AnchorComparison {
  const head = lastAuditEvent(db)?.seq ?? 0;
  const relevant = anchors.filter((a) => a.seq > 0);
  if (relevant.length === 0) {
    return {
      state: 'none',
      anchoredSeq: null,
      unanchored: head,
      source,
      message: 'Deze auditketen is nog niet buiten deze computer vastgelegd: dat gebeurt bij de eerste synchronisatie met de centrale database.',
      firstBroken: null,
    };
  }
  const top = Math.max(...relevant.map((a) => a.seq));
  if (top > head) {
    return {
      state: 'broken',
      anchoredSeq: top,
      unanchored: 0,
      source,
      message: `De centrale database legde deze keten vast tot en met gebeurtenis ${top}, maar hier eindigt zij ${head === 0 ? 'voor de eerste gebeurtenis' : `bij gebeurtenis ${head}`}: de laatste ${events(top - head)} verwijderd.`,
      firstBroken: { seq: head + 1, reason: `Gebeurtenis ${head + 1} tot en met ${top} ontbreekt, terwijl de centrale database haar al had vastgelegd.` },
    };
  }
  const wanted = new Map<number, string[]>();
  for (const a of relevant) wanted.set(a.seq, [...(wanted.get(a.seq) ?? []), a.hash]);
  for (const event of iterateAuditEvents(db)) {
    const hashes = wanted.get(event.seq);
    if (!hashes) continue;
    if (hashes.length > 1 || hashes[0] !== event.hash) {
      const reason = `Gebeurtenis ${event.seq} is niet meer de gebeurtenis die de centrale database vastlegde: de keten is na het vastleggen gewijzigd, herschreven of op een andere volgorde gezet.`;
      return { state: 'broken', anchoredSeq: top, unanchored: 0, source, message: reason, firstBroken: { seq: event.seq, reason } };
    }
    wanted.delete(event.seq);
  }
  const missing = [...wanted.keys()].sort((a, b) => a - b)[0];
  if (missing !== undefined) {
    const reason = `Gebeurtenis ${missing} ontbreekt, terwijl de centrale database haar al had vastgelegd.`;
    return { state: 'broken', anchoredSeq: top, unanchored: 0, source, message: reason, firstBroken: { seq: missing, reason } };
  }
  const unanchored = head - top;
  const from = source === 'central' ? 'de centrale database' : 'de centrale database (bij de laatste synchronisatie)';
  return {
    state: unanchored === 0 ? 'anchored' : 'behind',
    anchoredSeq: top,
    unanchored,
    source,
    message:
      unanchored === 0
        ? `De keten klopt met ${from}: vastgelegd tot en met gebeurtenis ${top}.`
        : `De keten klopt met ${from} tot en met gebeurtenis ${top}. De nieuwste ${events(unanchored)} nog niet buiten deze computer vastgelegd; dat gebeurt bij de volgende synchronisatie.`,
    firstBroken: null,
  };
}

/** The local verification with the anchor comparison: a contradicted anchor makes the whole verification fail. */
export function withAnchor<T extends { ok: boolean; firstBroken: { seq: number; reason: string } | null }>(
  local: T,
  anchor: AnchorComparison,
): T & { anchor: AnchorVerification } {
  const { firstBroken, ...shown } = anchor;
  if (!local.ok || !firstBroken) return { ...local, anchor: shown };
  return { ...local, ok: false, firstBroken, anchor: shown };
}
