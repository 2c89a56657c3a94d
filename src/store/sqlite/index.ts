/**
 * The SQLite store: better-sqlite3 for the load path, Kysely (over the same connection) for everything else.
 *
 * @example
 * const store = await openSqliteStore('.concord/concord.db');
 * await store.migrate();
 */
import { Kysely, SqliteDialect } from 'kysely';
import { MIGRATIONS } from '../migrations/index.js';
import { sharedQueries } from '../queries.js';
import { identityQueries } from '../../identity/store/identity-queries.js';
import { identityBlockingQueries } from '../../identity/store/blocking-queries.js';
import { apiQueries } from '../../api/store/api-queries.js';
import { writeBackQueries } from '../../writeback/writeback-queries.js';
import { leaseQueries } from '../leases.js';
import { profileSearchQueries } from '../profile-search/queries.js';
import { DEAD_LETTER_PAYLOAD_BYTES } from '../rows.js';
import type { StoreSchema } from '../schema.js';
import type { Store, StoreOptions } from '../store.js';
import { cachingPrepare, connectSqlite } from './connect.js';
import { migrateSqlite } from './migrate.js';
import { sqliteWriter, type SqliteWriter } from './commit-page.js';
import { sqliteSourceHashes } from './source-hashes.js';
import { storeWriteError } from '../write-error.js';

/** Opens (creating if needed) a SQLite store at `path` (`:memory:` for a private in-memory one). */
export async function openSqliteStore(path: string, options: StoreOptions = {}): Promise<Store> {
  const clock = options.clock ?? (() => new Date());
  const db = connectSqlite(path);
  const kysely = new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database: cachingPrepare(db) }) });
  // Statements are prepared against the migrated schema, so on first use rather than at open.
  let writer: SqliteWriter | undefined;
  let hashes: ReturnType<typeof sqliteSourceHashes> | undefined;
  let closed = false;

  return {
    dialect: 'sqlite',
    ...sharedQueries(kysely, 'sqlite', clock),
    ...identityQueries(kysely, 'sqlite', clock),
    ...identityBlockingQueries(kysely, 'sqlite', clock),
    ...apiQueries(kysely, 'sqlite', clock),
    ...writeBackQueries(kysely, 'sqlite', clock),
    ...leaseQueries(kysely, 'sqlite', clock),
    ...profileSearchQueries(kysely, 'sqlite'),
    async migrate() {
      migrateSqlite(db, MIGRATIONS, clock);
    },
    async close() {
      if (closed) return;
      closed = true;
      await kysely.destroy();
    },
    async commitPage(page) {
      writer ??= sqliteWriter(db, { clock, deadLetterPayloadBytes: options.deadLetterPayloadBytes ?? DEAD_LETTER_PAYLOAD_BYTES });
      try {
        return writer.commitPage(page);
      } catch (cause) {
        throw storeWriteError(cause, 'sqlite', { system: page.system, stream: page.stream });
      }
    },
    async sourceHashes(system, stream, recordIds) {
      hashes ??= sqliteSourceHashes(db);
      return hashes(system, stream, recordIds);
    },
  };
}
