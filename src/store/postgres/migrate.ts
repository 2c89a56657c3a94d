/**
 * Applies pending migrations on PostgreSQL in one transaction holding an advisory lock (keyed by the current
 * schema), so concurrent starts apply each migration exactly once; PostgreSQL's DDL is transactional, so a
 * failing migration leaves nothing behind.
 *
 * @example
 * await migratePostgres(pool, MIGRATIONS, () => new Date());
 */
import { MIGRATIONS_TABLE, pendingMigrations, type Migration } from '../migrations/index.js';
import type { PostgresPool } from './connect.js';

/** First half of the advisory lock key: "concord migrate" in no particular encoding, fixed forever. */
const LOCK_CLASS = 7061;

export async function migratePostgres(pool: PostgresPool, migrations: readonly Migration[], clock: () => Date): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock($1, hashtext(coalesce(current_schema(), '')))", [LOCK_CLASS]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${MIGRATIONS_TABLE}`);
    const done: number[] = [];
    for (const migration of pendingMigrations(migrations, new Set(rows.map((r) => Number(r.version))))) {
      for (const statement of migration.postgres) await client.query(statement);
      await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (version, name, applied_at) VALUES ($1, $2, $3)`, [migration.version, migration.name, clock().toISOString()]);
      done.push(migration.version);
    }
    await client.query('COMMIT');
    return done;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
