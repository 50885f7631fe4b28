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
