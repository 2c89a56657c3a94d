/**
 * Opens a PostgreSQL connection pool for the store and checks it answers. With a `schema`, every connection
 * uses it as its search_path (created when missing), so tests and tenants can share one database.
 *
 * @example
 * const pool = await connectPostgres('postgres://concord@db/concord', { schema: 'concord' });
 */
import pg from 'pg';
import { ConcordError } from '../../core/errors.js';

export type PostgresPool = pg.Pool;

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export interface ConnectPostgresOptions {
  schema?: string | undefined;
  maxConnections?: number | undefined;
}

export async function connectPostgres(url: string, options: ConnectPostgresOptions = {}): Promise<PostgresPool> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new ConcordError('STORE_SCHEMA_INVALID', `schema "${schema}" is not a plain SQL identifier`, {
      kind: 'config',
      hint: 'use letters, digits and underscores, starting with a letter or underscore',
    });
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects or fails.
  pool.on('error', () => undefined);
  try {
    if (schema !== undefined) await createSchema(pool, schema);
    else await pool.query('SELECT 1');
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw new ConcordError('STORE_CONNECT_FAILED', `cannot connect to PostgreSQL at ${url}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      kind: 'config',
      cause,
      hint: 'check the store URL (postgres://user:password@host:port/database) and that the server is running and reachable',
    });
  }
  return pool;
}

async function createSchema(pool: PostgresPool, schema: string): Promise<void> {
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (cause) {
    // Two sessions creating the same schema at once: one wins, the other sees a unique violation.
    if ((cause as { code?: string }).code !== '23505') throw cause;
  }
}
