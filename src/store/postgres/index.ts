/**
 * The PostgreSQL store: `pg` (one pooled client per transaction) for the load path, Kysely over the same pool
 * for everything else.
 *
 * @example
 * const store = await openPostgresStore('postgres://concord@db/concord', { schema: 'tenant_a' });
 * await store.migrate();
 */
import { Kysely, PostgresDialect } from 'kysely';
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
import { connectPostgres } from './connect.js';
import { migratePostgres } from './migrate.js';
import { postgresWriter } from './commit-page.js';
import { postgresSourceHashes } from './source-hashes.js';
import { storeWriteError } from '../write-error.js';

/** Connects to PostgreSQL at `url` (in `options.schema` when given). */
export async function openPostgresStore(url: string, options: StoreOptions = {}): Promise<Store> {
  const clock = options.clock ?? (() => new Date());
  const pool = await connectPostgres(url, { schema: options.schema, maxConnections: options.maxConnections });
  const kysely = new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool }) });
  const writer = postgresWriter(pool, { clock, deadLetterPayloadBytes: options.deadLetterPayloadBytes ?? DEAD_LETTER_PAYLOAD_BYTES });
  const sourceHashes = postgresSourceHashes(pool);
  let closed = false;

  return {
    dialect: 'postgres',
    ...sharedQueries(kysely, 'postgres', clock),
    ...identityQueries(kysely, 'postgres', clock),
    ...identityBlockingQueries(kysely, 'postgres', clock),
    ...apiQueries(kysely, 'postgres', clock),
    ...writeBackQueries(kysely, 'postgres', clock),
    ...leaseQueries(kysely, 'postgres', clock),
    ...profileSearchQueries(kysely, 'postgres'),
    async migrate() {
      await migratePostgres(pool, MIGRATIONS, clock);
    },
    async close() {
      if (closed) return;
      closed = true;
      await kysely.destroy();
    },
    async commitPage(page) {
      try {
        return await writer.commitPage(page);
      } catch (cause) {
        throw storeWriteError(cause, 'postgres', { system: page.system, stream: page.stream });
      }
    },
    sourceHashes,
  };
}
