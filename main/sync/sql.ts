import type pg from 'pg';

/** A multi-row `VALUES` list with numbered parameters: one round trip for a whole batch. */
export function valuesList(rows: readonly (readonly unknown[])[], casts: readonly string[] = []): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const cells = row.map((value, i) => {
      params.push(value);
      const cast = casts[i];
      return cast ? `$${params.length}::${cast}` : `$${params.length}`;
    });
    return `(${cells.join(', ')})`;
  });
  return { text: tuples.join(', '), params };
}

/** PostgreSQL refused a row (rights, a missing case, a clash), not the connection: the row waits, the run goes on. */
export function isRowRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('42') || code.startsWith('23'));
}

/** Why PostgreSQL refused a row, in Dutch for the status bar (never a value from the row). */
export function refusalReason(error: unknown): string {
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === '42501')
    return 'De centrale database weigert deze wijziging: u heeft daar geen rechten (meer) op deze zaak, bijvoorbeeld omdat de FG hem aan een ander heeft toegewezen. Vraag de FG wat er met uw wijziging moet gebeuren.';
  if (code === '23503')
    return 'De centrale database mist nog iets waar deze wijziging naar verwijst (zoals de zaak of een medewerker); de wijziging gaat mee zodra dat er is.';
  if (code === '23505') return 'De centrale database heeft al een zaak of brief met dit nummer; vraag functioneel beheer om hulp.';
  return `De centrale database weigert deze wijziging (PostgreSQL-code ${code}); vraag functioneel beheer om hulp.`;
}

/** Runs `work` inside a savepoint: a refused row rolls back only itself. */
export async function withSavepoint<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  await client.query('SAVEPOINT row_push');
  try {
    const value = await work();
    await client.query('RELEASE SAVEPOINT row_push');
    return { ok: true, value };
  } catch (error) {
    if (!isRowRefusal(error)) throw error;
    await client.query('ROLLBACK TO SAVEPOINT row_push');
    return { ok: false, error };
  }
}
