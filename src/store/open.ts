/**
 * Opens the store a URL names and brings its schema up to date.
 *
 * - `sqlite:<path>` — a SQLite file (parent folders are created); `sqlite::memory:` for a private in-memory store.
 * - `postgres://user:password@host:port/database` (or `postgresql://`) — PostgreSQL; `options.schema` picks the
 *   schema (search_path).
 *
 * Every failure to open is a `ConcordError` of kind `config` with a hint; passwords never appear in messages.
 *
 * @example
 * const store = await openStore('sqlite:.concord/concord.db');
 * const pg = await openStore('postgres://concord:secret@db:5432/concord', { schema: 'concord' });
 */
import { ConcordError } from '../core/errors.js';
import { openPostgresStore } from './postgres/index.js';
import { openSqliteStore } from './sqlite/index.js';
import type { Store, StoreOptions } from './store.js';

export type StoreLocation = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

const URL_HINT = 'write store: sqlite:.concord/concord.db or store: postgres://user:password@host:5432/database in concord.yaml';

/** Reads a store URL without opening anything. */
export function parseStoreUrl(url: string): StoreLocation {
  const trimmed = url.trim();
  if (trimmed.startsWith('sqlite:')) {
    const path = trimmed.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new ConcordError('STORE_URL_INVALID', `store URL "${url}" names no file`, { kind: 'config', hint: URL_HINT });
    return { dialect: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//i.test(trimmed)) {
    try {
      const parsed = new URL(trimmed);
      if (!parsed.hostname && !parsed.searchParams.has('host')) throw new Error('no host');
    } catch (cause) {
      throw new ConcordError('STORE_URL_INVALID', `store URL "${url}" is not a valid PostgreSQL URL`, { kind: 'config', cause, hint: URL_HINT });
    }
    return { dialect: 'postgres', url: trimmed };
  }
  throw new ConcordError('STORE_URL_INVALID', `store URL "${url}" must start with sqlite: or postgres://`, { kind: 'config', hint: URL_HINT });
}

/** Opens the store at `url` and applies pending migrations. */
export async function openStore(url: string, options: StoreOptions = {}): Promise<Store> {
  const location = parseStoreUrl(url);
  const store = location.dialect === 'sqlite' ? await openSqliteStore(location.path, options) : await openPostgresStore(location.url, options);
  try {
    await store.migrate();
  } catch (cause) {
    await store.close().catch(() => undefined);
    throw new ConcordError('STORE_MIGRATE_FAILED', `cannot bring the ${location.dialect} store up to date: ${cause instanceof Error ? cause.message : String(cause)}`, {
      kind: 'config',
      cause,
      hint: 'check that the database user may create tables, and that the database was not written by a newer Concord',
    });
  }
  return store;
}
