// One Postgres transaction on a connection of its own from the pool: BEGIN, the work, COMMIT, or
// ROLLBACK when the work throws; the connection always goes back. Used by the storage engine and
// by the storage modules' own transactions.

import type pg from 'pg';

export async function inPostgresTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>, isolation = 'READ COMMITTED'): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
