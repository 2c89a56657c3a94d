/**
 * Opens a SQLite database for the store: WAL (readers never block the writer), `synchronous=NORMAL` (durable
 * at each checkpoint, safe against corruption, much faster than FULL under WAL), a busy timeout so concurrent
 * processes wait for the write lock instead of failing, foreign keys on, and a page cache sized for UUID indexes.
 *
 * @example
 * const db = connectSqlite('.concord/concord.db');
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';
import { ConcordError } from '../../core/errors.js';

export type SqliteDatabase = Database.Database;

const BUSY_TIMEOUT_MS = 10_000;
// CIM ids are UUIDs, so their indexes grow by random inserts; SQLite's default 2 MiB page cache makes each of
// those a miss once an index outgrows it. 64 MiB keeps the hot index pages of millions of records in memory.
const CACHE_KIB = 65_536;

export function connectSqlite(path: string): SqliteDatabase {
  const memory = path === ':memory:' || path === '';
  try {
    if (!memory) mkdirSync(dirname(path), { recursive: true });
    const db = new Database(memory ? ':memory:' : path);
    if (!memory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = -${CACHE_KIB}`);
    return db;
  } catch (cause) {
    throw new ConcordError('STORE_OPEN_FAILED', `cannot open the SQLite database ${path}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      kind: 'config',
      cause,
      context: { file: path },
      hint: 'check that the folder is writable and the file is a SQLite database (store: sqlite:<path> in concord.yaml)',
    });
  }
}

/**
 * Kysely's SQLite driver prepares every query again; on the API's look-ups preparing was ~8% of the CPU. This
 * wraps the connection so a query text is prepared once and its statement reused (better-sqlite3 statements
 * are reusable, and SQLite re-prepares them itself after a schema change). Kysely runs one query at a time on
 * the connection and never iterates, so a reused statement is never busy. Bounded: least recently used out.
 *
 * @example
 * const kysely = new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database: cachingPrepare(db) }) });
 */

export const STATEMENT_CACHE_SIZE = 256;

export function cachingPrepare(db: SqliteDatabase, size = STATEMENT_CACHE_SIZE): KyselySqliteDatabase & { readonly cached: number } {
  const cache = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
  return {
    close: () => db.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement !== undefined) {
        // Move to the young end of the map's insertion order.
        cache.delete(sql);
      } else {
        statement = db.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
    get cached() {
      return cache.size;
    },
  };
}
