import { inArray, sql } from 'drizzle-orm';
import type { LocalDb } from '../../db/local/database.js';
import { cases } from '../../db/local/schema.js';
import { may, mayOnSome } from '../../shared/cases/access.js';
import { accessActor, has, inChunks, type PushContext } from './push.js';
import { withSavepoint } from './sql.js';

/**
 * Four eyes in the central database: the case's handler (or the dpo) vouches that a letter was put
 * before a signer (signing_requests); only then does the signer's own login record the decision and
 * the signed letter.
 */
interface SignedPayload {
  letterId: string;
  caseId: string;
  letterKind: string;
  signedBy: string;
}

function unsentSignedLetters(db: LocalDb): SignedPayload[] {
  const rows = db.all<{ payload: string }>(sql`SELECT payload FROM outbox WHERE sent_at IS NULL AND kind IN ('decision', 'letter')`);
  const out: SignedPayload[] = [];
  for (const { payload } of rows) {
    const p = JSON.parse(payload) as Partial<SignedPayload>;
    if (p.letterId && p.caseId && p.letterKind && p.signedBy)
      out.push({ letterId: p.letterId, caseId: p.caseId, letterKind: p.letterKind, signedBy: p.signedBy });
  }
  return out;
}

/** Which of this signer's unsent letters the central database accepts from her (one query). */
export async function lettersBeforeSigner(ctx: PushContext): Promise<Set<string>> {
  if (!has(ctx.actor, 'signer')) return new Set();
  const mine = unsentSignedLetters(ctx.db).filter((p) => p.signedBy === ctx.actor.localId);
  if (mine.length === 0) return new Set();
  const { rows } = await ctx.client.query<{ letter: string }>('SELECT l::text AS letter FROM avg_letters_before_signer($1::uuid[], $2::uuid[]) AS l', [
    mine.map((p) => p.letterId),
    mine.map((p) => p.caseId),
  ]);
  return new Set(rows.map((r) => r.letter));
}

/** Letters put before a signer per statement: three arrays, one round trip. */
const REQUESTS_PER_STATEMENT = 2000;
// The function asks who calls once per statement and puts the letters before a signer in that login's name.
const INSERT_REQUESTS = 'SELECT avg_request_signatures($1::uuid[], $2::uuid[], $3::text[])';

function insertRequests(ctx: PushContext, requests: readonly SignedPayload[]) {
  return ctx.client.query(INSERT_REQUESTS, [requests.map((p) => p.letterId), requests.map((p) => p.caseId), requests.map((p) => p.letterKind)]);
}

/**
 * The handler (or the dpo) vouches centrally that a signed letter was put before a signer: only
 * then may the signer's own login record it. Many in one statement; when the central database
 * refuses one (a case not yet central), that chunk again one by one in savepoints, so it alone waits.
 */
export async function pushSigningRequests(ctx: PushContext): Promise<void> {
  const { actor } = ctx;
  if (!mayOnSome(actor, 'requestSigning')) return;
  const pending = unsentSignedLetters(ctx.db).filter((p) => p.signedBy !== actor.localId);
  if (pending.length === 0) return;
  const handled = new Map(
    inChunks([...new Set(pending.map((p) => p.caseId))], (chunk) =>
      ctx.db.select({ id: cases.id, handlerId: cases.handlerId }).from(cases).where(inArray(cases.id, chunk)).all(),
    ).map((c) => [c.id, c.handlerId]),
  );
  const mine = pending.filter((p) => may(accessActor(actor), 'requestSigning', { handlerId: handled.get(p.caseId) ?? null }));
  if (mine.length === 0) return;
  await ctx.client.query('BEGIN');
  try {
    for (let i = 0; i < mine.length; i += REQUESTS_PER_STATEMENT) {
      const chunk = mine.slice(i, i + REQUESTS_PER_STATEMENT);
      const all = await withSavepoint(ctx.client, () => insertRequests(ctx, chunk));
      if (all.ok) continue;
      for (const p of chunk) await withSavepoint(ctx.client, () => insertRequests(ctx, [p]));
    }
    await ctx.client.query('COMMIT');
  } catch (error) {
    await ctx.client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
