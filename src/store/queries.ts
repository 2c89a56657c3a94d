/**
 * The Store operations both dialects share, written once with Kysely: reads, cursors, runs, dead letters and
 * the outbox. Only `migrate`, `commitPage` and `sourceHashes` (the load path, where every microsecond counts)
 * are written per backend, against the driver directly.
 *
 * @example
 * const queries = sharedQueries(kysely, 'sqlite', () => new Date());
 * await queries.getCursor('crm', 'Contact');
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { ConcordError } from '../core/errors.js';
import { fromJson, toFlag, toIso, toIsoOrUndefined, toJsonText, toStoredCimRecord, toStoredDeadLetter, toStoredSourceRecord } from './rows.js';
import type { IdentityStore } from '../identity/store/types.js';
import type { ApiStore } from '../api/store/types.js';
import type { IdentityBlockingStore } from '../identity/store/blocking-queries.js';
import type { WriteBackStore } from '../writeback/types.js';
import type { ProfileSearchStore } from './profile-search/types.js';
import type { LeaseStore } from './leases.js';
import type { StoreSchema } from './schema.js';
import type { Cursor, Run, RunCounts, RunStatus, Store, StoreDialect, StoredOutboxEvent } from './store.js';

/** The part of `Store` implemented here. */
export type SharedQueries = Omit<Store, 'dialect' | 'migrate' | 'close' | 'commitPage' | 'sourceHashes' | keyof IdentityStore | keyof ApiStore | keyof ProfileSearchStore | keyof WriteBackStore | keyof IdentityBlockingStore | keyof LeaseStore>;

const DEFAULT_LIST_LIMIT = 1000;
const LIVE_ID_BATCH = 5000;
const MAX_BACKOFF_SECONDS = 3600;
const FIRST_BACKOFF_SECONDS = 30;

/** Distinct entities of cim_records in ~2 index seeks each (SQLite; a recursive CTE as loose index scan). */
const ENTITIES_LOOSE_SCAN = sql`WITH RECURSIVE entities(entity) AS (
    SELECT (SELECT min(entity) FROM cim_records)
    UNION ALL
    SELECT (SELECT min(entity) FROM cim_records WHERE entity > entities.entity) FROM entities WHERE entities.entity IS NOT NULL
  ) SELECT entity FROM entities WHERE entity IS NOT NULL`;

/** Seconds before a failed event is retried: 30 s doubling per attempt, at most an hour. */
export function outboxBackoffSeconds(attempts: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, FIRST_BACKOFF_SECONDS * 2 ** Math.max(0, attempts - 1));
}

export function sharedQueries(db: Kysely<StoreSchema>, dialect: StoreDialect, clock: () => Date): SharedQueries {
  const pg = dialect === 'postgres';
  // better-sqlite3 cannot bind booleans; PostgreSQL will not compare a boolean with 0.
  const FALSE = pg ? false : 0;
  const json = (value: unknown): string => toJsonText(value, pg);
  const now = (): string => clock().toISOString();

  async function getRun(runId: string): Promise<Run | undefined> {
    const run = await db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirst();
    if (!run) return undefined;
    const streams = await db.selectFrom('run_streams').selectAll().where('run_id', '=', runId).orderBy('system').orderBy('stream').execute();
    const counts: RunCounts = { read: 0, loaded: 0, unchanged: 0, deleted: 0, deadLettered: 0 };
    const perStream = streams.map((s) => {
      const c = { read: Number(s.read), loaded: Number(s.loaded), unchanged: Number(s.unchanged), deleted: Number(s.deleted), deadLettered: Number(s.dead_lettered) };
      counts.read += c.read;
      counts.loaded += c.loaded;
      counts.unchanged += c.unchanged;
      counts.deleted += c.deleted;
      counts.deadLettered += c.deadLettered;
      return { system: s.system, stream: s.stream, ...c };
    });
    return {
      id: run.id,
      startedAt: toIso(run.started_at),
      finishedAt: toIsoOrUndefined(run.finished_at),
      status: run.status as RunStatus,
      request: fromJson<Record<string, unknown>>(run.request),
      counts,
      streams: perStream,
      error: run.error ?? undefined,
    };
  }

  return {
    async *liveSourceIds(system, stream) {
      let after: string | undefined;
      for (;;) {
        let query = db
          .selectFrom('source_records')
          .select('record_id')
          .where('system', '=', system)
          .where('stream', '=', stream)
          .where('deleted', '=', FALSE)
          .orderBy('record_id')
          .limit(LIVE_ID_BATCH);
        if (after !== undefined) query = query.where('record_id', '>', after);
        const rows = await query.execute();
        if (rows.length === 0) return;
        const ids = rows.map((r) => r.record_id);
        yield ids;
        if (rows.length < LIVE_ID_BATCH) return;
        after = ids[ids.length - 1];
      }
    },

    async getSourceRecord(system, stream, recordId) {
      const row = await db
        .selectFrom('source_records')
        .selectAll()
        .where('system', '=', system)
        .where('stream', '=', stream)
        .where('record_id', '=', recordId)
        .executeTakeFirst();
      return row ? toStoredSourceRecord(row) : undefined;
    },

    async getCursor(system, stream) {
      const row = await db.selectFrom('cursors').select('cursor').where('system', '=', system).where('stream', '=', stream).executeTakeFirst();
      return row ? fromJson<Cursor>(row.cursor) : undefined;
    },

    async resetCursor(system, stream) {
      await db.deleteFrom('cursors').where('system', '=', system).where('stream', '=', stream).execute();
    },

    async getCimRecord(entity, externalSourceId, externalRecordId) {
      const row = await db
        .selectFrom('cim_records')
        .selectAll()
        .where('entity', '=', entity)
        .where('external_source_id', '=', externalSourceId)
        .where('external_record_id', '=', externalRecordId)
        .executeTakeFirst();
      return row ? toStoredCimRecord(row) : undefined;
    },

    // Party and its Individual share one id: the live record wins, then the entity name decides. SQLite has no
    // index on id alone (see migration 001), so there the look-up seeks (entity, id) once per entity, the
    // entities found by a loose index scan (a few dozen seeks however many records there are).
    async getCimRecordById(id) {
      let query = db
        .selectFrom('cim_records')
        .selectAll()
        .where('id', '=', id)
        .orderBy('deleted')
        .orderBy('entity')
        .limit(1);
      if (!pg) query = query.where('entity', 'in', sql<string>`(${ENTITIES_LOOSE_SCAN})`);
      const row = await query.executeTakeFirst();
      return row ? toStoredCimRecord(row) : undefined;
    },

    async listCimRecords(entity, options = {}) {
      let query = db
        .selectFrom('cim_records')
        .selectAll()
        .where('entity', '=', entity)
        .orderBy('id')
        .limit(options.limit ?? DEFAULT_LIST_LIMIT);
      if (options.after !== undefined) query = query.where('id', '>', options.after);
      if (options.includeDeleted !== true) query = query.where('deleted', '=', FALSE);
      return (await query.execute()).map(toStoredCimRecord);
    },

    async cimRecordsOfSource(system, stream, recordId) {
      const rows = await db
        .selectFrom('cim_records')
        .selectAll()
        .where('source_system', '=', system)
        .where('source_stream', '=', stream)
        .where('source_record_id', '=', recordId)
        .orderBy('entity')
        .orderBy('external_record_id')
        .execute();
      return rows.map(toStoredCimRecord);
    },

    async countCimRecords(entity) {
      let query = db
        .selectFrom('cim_records')
        .select(['entity', 'deleted', (eb) => eb.fn.countAll<number | string>().as('n')])
        .groupBy(['entity', 'deleted'])
        .orderBy('entity');
      if (entity !== undefined) query = query.where('entity', '=', entity);
      const byEntity = new Map<string, { entity: string; live: number; deleted: number }>();
      for (const row of await query.execute()) {
        const entry = byEntity.get(row.entity) ?? { entity: row.entity, live: 0, deleted: 0 };
        if (toFlag(row.deleted)) entry.deleted += Number(row.n);
        else entry.live += Number(row.n);
        byEntity.set(row.entity, entry);
      }
      return [...byEntity.values()];
    },

    async startRun(request) {
      const id = randomUUID();
      const startedAt = now();
      await db.insertInto('runs').values({ id, started_at: startedAt, finished_at: null, status: 'running', request: json(request), error: null }).execute();
      return { id, startedAt, status: 'running', request, counts: { read: 0, loaded: 0, unchanged: 0, deleted: 0, deadLettered: 0 }, streams: [] };
    },

    async addRunCounts(runId, system, stream, counts) {
      await db
        .insertInto('run_streams')
        .values({
          run_id: runId,
          system,
          stream,
          read: counts.read,
          loaded: counts.loaded,
          unchanged: counts.unchanged,
          deleted: counts.deleted,
          dead_lettered: counts.deadLettered,
        })
        .onConflict((oc) =>
          oc.columns(['run_id', 'system', 'stream']).doUpdateSet({
            read: sql`run_streams.read + excluded.read`,
            loaded: sql`run_streams.loaded + excluded.loaded`,
            unchanged: sql`run_streams.unchanged + excluded.unchanged`,
            deleted: sql`run_streams.deleted + excluded.deleted`,
            dead_lettered: sql`run_streams.dead_lettered + excluded.dead_lettered`,
          }),
        )
        .execute();
    },

    async finishRun(runId, status, error) {
      const result = await db.updateTable('runs').set({ status, finished_at: now(), error: error ?? null }).where('id', '=', runId).executeTakeFirst();
      const run = Number(result.numUpdatedRows) === 0 ? undefined : await getRun(runId);
      if (!run) throw new ConcordError('STORE_RUN_NOT_FOUND', `no run ${runId}`, { kind: 'usage', hint: 'list runs with `concord runs`' });
      return run;
    },

    getRun,

    async listRuns(options = {}) {
      const rows = await db
        .selectFrom('runs')
        .select('id')
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(options.limit ?? 50)
        .execute();
      const runs = await Promise.all(rows.map((r) => getRun(r.id)));
      return runs.filter((r): r is Run => r !== undefined);
    },

    async listDeadLetters(options = {}) {
      let query = db
        .selectFrom('dead_letters')
        .selectAll()
        .orderBy('id')
        .limit(options.limit ?? DEFAULT_LIST_LIMIT);
      if (options.runId !== undefined) query = query.where('run_id', '=', options.runId);
      if (options.system !== undefined) query = query.where('system', '=', options.system);
      if (options.stream !== undefined) query = query.where('stream', '=', options.stream);
      return (await query.execute()).map(toStoredDeadLetter);
    },

    async claimOutbox(limit, leaseSeconds) {
      const at = clock();
      const leaseEnd = new Date(at.getTime() + leaseSeconds * 1000).toISOString();
      const rows = await db
        .updateTable('outbox')
        .set({ available_at: leaseEnd, attempts: sql`attempts + 1` })
        .where('id', 'in', (eb) => {
          const due = eb
            .selectFrom('outbox')
            .select('id')
            .where('delivered_at', 'is', null)
            .where('available_at', '<=', at.toISOString())
            .orderBy('id')
            .limit(limit);
          // Concurrent workers each take different events instead of waiting on each other's locks.
          return pg ? due.forUpdate().skipLocked() : due;
        })
        .returningAll()
        .execute();
      return rows
        .map((row): StoredOutboxEvent => ({
          id: Number(row.id),
          type: row.type,
          key: row.key,
          payload: fromJson<Record<string, unknown>>(row.payload),
          createdAt: toIso(row.created_at),
          attempts: Number(row.attempts),
          lastError: row.last_error ?? undefined,
        }))
        .sort((a, b) => a.id - b.id);
    },

    async ackOutbox(ids) {
      if (ids.length === 0) return;
      await db.updateTable('outbox').set({ delivered_at: now() }).where('id', 'in', [...ids]).where('delivered_at', 'is', null).execute();
    },

    async failOutbox(id, error, retryAfterSeconds) {
      const row = await db.selectFrom('outbox').select('attempts').where('id', '=', id).executeTakeFirst();
      if (!row) throw new ConcordError('STORE_OUTBOX_NOT_FOUND', `no outbox event ${id}`, { kind: 'bug' });
      const delay = retryAfterSeconds ?? outboxBackoffSeconds(Number(row.attempts));
      const availableAt = new Date(clock().getTime() + delay * 1000).toISOString();
      await db.updateTable('outbox').set({ last_error: error, available_at: availableAt }).where('id', '=', id).where('delivered_at', 'is', null).execute();
    },
  };
}
