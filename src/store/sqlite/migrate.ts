/**
 * Applies pending migrations on SQLite in one `BEGIN IMMEDIATE` transaction: the write lock is taken before
 * the applied versions are read, so concurrent processes apply each migration once (the others wait on the
 * busy timeout, then find nothing to do).
 *
 * @example
 * migrateSqlite(db, MIGRATIONS, () => new Date());
 */
import { MIGRATIONS_TABLE, pendingMigrations, type Migration } from '../migrations/index.js';
import type { SqliteDatabase } from './connect.js';

export function migrateSqlite(db: SqliteDatabase, migrations: readonly Migration[], clock: () => Date): number[] {
  const apply = db.transaction((): number[] => {
    db.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`);
    const rows = db.prepare(`SELECT version FROM ${MIGRATIONS_TABLE}`).pluck().all() as number[];
    const done: number[] = [];
    for (const migration of pendingMigrations(migrations, new Set(rows))) {
      for (const statement of migration.sqlite) db.exec(statement);
      db.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (version, name, applied_at) VALUES (?, ?, ?)`).run(migration.version, migration.name, clock().toISOString());
      done.push(migration.version);
    }
    return done;
  });
  return apply.immediate();
}
