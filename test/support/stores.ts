/**
 * The store backends every store test runs over: `for (const store of STORES) describe(store.name, …)`.
 *
 * - `sqlite` always, each `open()` on a fresh file in a temporary folder (removed on close).
 * - `postgres` when `CONCORD_TEST_PG_URL` is set, each `open()` in a fresh schema (dropped on close), so test
 *   files run in parallel against one server. Without the variable PostgreSQL is skipped with a note — except
 *   in CI (`CI=true`), where the missing variable is an error: PostgreSQL must never be skipped silently there.
 *
 * @example
 * for (const backend of STORES) describe(backend.name, () => { it('…', async () => { const store = await backend.open(); … }) });
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../../src/store/open.js';
import type { Store, StoreOptions } from '../../src/store/store.js';

export interface StoreBackend {
  name: 'sqlite' | 'postgres';
  open(options?: StoreOptions): Promise<Store>;
}

export const PG_URL_VARIABLE = 'CONCORD_TEST_PG_URL';

let skipNoted = false;

/** Decides which backends run, from the environment (exported for its own test). */
export function storeBackends(env: NodeJS.ProcessEnv = process.env): StoreBackend[] {
  const backends: StoreBackend[] = [{ name: 'sqlite', open: openTempSqlite }];
  const url = env[PG_URL_VARIABLE];
  if (url) {
    backends.push({ name: 'postgres', open: (options) => openTempPostgres(url, options) });
  } else if (env['CI'] === 'true') {
    throw new Error(`${PG_URL_VARIABLE} is not set: PostgreSQL store tests must run in CI (start a server with scripts/postgres-up.sh)`);
  } else if (!skipNoted) {
    skipNoted = true;
    console.warn(`PostgreSQL store tests skipped: set ${PG_URL_VARIABLE} (see README)`);
  }
  return backends;
}

export const STORES: readonly StoreBackend[] = storeBackends();

async function openTempSqlite(options?: StoreOptions): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'concord-store-'));
  const store = await openStore(`sqlite:${join(dir, 'nested', 'concord.db')}`, options);
  return withCleanup(store, async () => rmSync(dir, { recursive: true, force: true }));
}

async function openTempPostgres(url: string, options?: StoreOptions): Promise<Store> {
  const schema = `concord_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  const store = await openStore(url, { ...options, schema });
  return withCleanup(store, async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  });
}

function withCleanup(store: Store, cleanup: () => Promise<void>): Store {
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await store.close();
    await cleanup();
  };
  return Object.assign(Object.create(null) as object, store, { close }) as Store;
}
