/**
 * The API part of the Store, written once with Kysely for both dialects (spread into each backend like
 * `identityQueries`): API tokens and the read-only views of the dashboard, runs and systems pages.
 *
 * @example
 * return { ...sharedQueries(kysely, 'sqlite', clock), ...apiQueries(kysely, 'sqlite', clock) };
 */
import { sql, type Generated, type Kysely } from 'kysely';
import { ConcordError } from '../../core/errors.js';
import { fromJson, toIso, toIsoOrUndefined, toStoredDeadLetter } from '../../store/rows.js';
import type { CursorsTable, DeadLettersTable, RunsTable, RunStreamsTable, SourceRecordsTable } from '../../store/schema.js';
import type { RunStatus, StoreDialect } from '../../store/store.js';
import type { ApiStore, ApiToken, StreamState } from './types.js';

type Stamp = string | Date;

/** The api_tokens table (migration 003) as Kysely sees it. */
export interface ApiTokensTable {
  id: Generated<number | string>;
  name: string;
  token_hash: string;
  created_at: Stamp;
  last_used_at: Stamp | null;
  revoked_at: Stamp | null;
}

type ApiSchema = {
  api_tokens: ApiTokensTable;
  source_records: SourceRecordsTable;
  cursors: CursorsTable;
  runs: RunsTable;
  run_streams: RunStreamsTable;
  dead_letters: DeadLettersTable;
  cim_records: { id: string; entity: string; source_system: string };
  unified_profiles: { unified_id: string; kind: string; status: string };
  profile_members: { record_id: string; unified_id: string };
};

function toToken(row: { id: number | string; name: string; token_hash: string; created_at: Stamp; last_used_at: Stamp | null; revoked_at: Stamp | null }): ApiToken {
  return {
    id: Number(row.id),
    name: row.name,
    tokenHash: row.token_hash,
    createdAt: toIso(row.created_at),
    lastUsedAt: toIsoOrUndefined(row.last_used_at),
    revokedAt: toIsoOrUndefined(row.revoked_at),
  };
}


const key = (system: string, stream: string): string => `${system}\u0000${stream}`;

/** The API queries over `kysely` (any Kysely whose database has the tables of migrations 001–003). */
export function apiQueries<S>(kysely: Kysely<S>, dialect: StoreDialect, clock: () => Date): ApiStore {
  const db = kysely.withTables<ApiSchema>() as unknown as Kysely<ApiSchema>;
  const pg = dialect === 'postgres';
  const TRUE = pg ? true : 1;

  return {
    async createApiToken(name, tokenHash) {
      return db.transaction().execute(async (trx) => {
        const live = await trx.selectFrom('api_tokens').select('id').where('name', '=', name).where('revoked_at', 'is', null).executeTakeFirst();
        if (live) {
          throw new ConcordError('TOKEN_NAME_TAKEN', `a live token is already named "${name}"`, {
            kind: 'usage',
            hint: `choose another name, or revoke it first with \`concord token revoke ${name}\``,
          });
        }
        const row = await trx
          .insertInto('api_tokens')
          .values({ name, token_hash: tokenHash, created_at: clock().toISOString(), last_used_at: null, revoked_at: null })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toToken(row);
      });
    },

    async findApiToken(tokenHash) {
      const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row && toToken(row);
    },

    async listApiTokens() {
      return (await db.selectFrom('api_tokens').selectAll().orderBy('created_at').orderBy('id').execute()).map(toToken);
    },

    async revokeApiToken(name) {
      const row = await db
        .updateTable('api_tokens')
        .set({ revoked_at: clock().toISOString() })
        .where('name', '=', name)
        .where('revoked_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      return row && toToken(row);
    },

    async touchApiToken(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: at.toISOString() }).where('id', '=', id).execute();
    },

    async apiStreamRecordCounts() {
      const rows = await db
        .selectFrom('source_records')
        .select(['system', 'stream'])
        .select((eb) => [eb.fn.countAll<number | string>().as('total'), eb.fn.sum<number | string | null>(sql`CASE WHEN deleted = ${TRUE} THEN 1 ELSE 0 END`).as('deleted')])
        .groupBy(['system', 'stream'])
        .orderBy('system')
        .orderBy('stream')
        .execute();
      return rows.map((r) => {
        const deleted = Number(r.deleted ?? 0);
        return { system: r.system, stream: r.stream, records: Number(r.total) - deleted, deleted };
      });
    },

    async apiStreamStates() {
      const states = new Map<string, StreamState>();
      const stateOf = (system: string, stream: string): StreamState => {
        let state = states.get(key(system, stream));
        if (!state) states.set(key(system, stream), (state = { system, stream }));
        return state;
      };
      for (const c of await db.selectFrom('cursors').selectAll().execute()) {
        const state = stateOf(c.system, c.stream);
        state.cursor = fromJson<Record<string, unknown>>(c.cursor);
        state.cursorUpdatedAt = toIso(c.updated_at);
      }
      // Newest first, so the first run seen for a stream is its last one.
      const runs = await db
        .selectFrom('run_streams')
        .innerJoin('runs', 'runs.id', 'run_streams.run_id')
        .select(['run_streams.system', 'run_streams.stream', 'runs.id', 'runs.status', 'runs.finished_at', 'runs.error'])
        .orderBy('runs.started_at', 'desc')
        .orderBy('runs.id', 'desc')
        .execute();
      for (const r of runs) {
        const state = stateOf(r.system, r.stream);
        state.lastRun ??= { runId: r.id, status: r.status as RunStatus, finishedAt: toIsoOrUndefined(r.finished_at), error: r.error ?? undefined };
      }
      return [...states.values()].sort((a, b) => a.system.localeCompare(b.system) || a.stream.localeCompare(b.stream));
    },

    async apiProfileStats() {
      const statuses = await db
        .selectFrom('unified_profiles')
        .select(['kind', 'status'])
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .groupBy(['kind', 'status'])
        .execute();
      const count = (status: string, kind = 'person'): number => Number(statuses.find((s) => s.kind === kind && s.status === status)?.n ?? 0);
      const rows = await db
        .selectFrom('profile_members as m')
        .innerJoin('unified_profiles as p', 'p.unified_id', 'm.unified_id')
        .innerJoin('cim_records as c', 'c.id', 'm.record_id')
        .select(['m.unified_id', 'c.source_system'])
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        // Person profiles' members are Individuals; naming the entity lets SQLite use its (entity, id) index.
        .where('c.entity', '=', 'Individual')
        .where('p.kind', '=', 'person')
        .where('p.status', '=', 'active')
        .groupBy(['m.unified_id', 'c.source_system'])
        .execute();
      const systemsOf = new Map<string, string[]>();
      let records = 0;
      for (const r of rows) {
        records += Number(r.n);
        const list = systemsOf.get(r.unified_id);
        if (list) list.push(r.source_system);
        else systemsOf.set(r.unified_id, [r.source_system]);
      }
      const overlap = new Map<string, number>();
      let multiSystem = 0;
      for (const systems of systemsOf.values()) {
        if (systems.length > 1) multiSystem += 1;
        const name = systems.sort().join('\u0000');
        overlap.set(name, (overlap.get(name) ?? 0) + 1);
      }
      return {
        active: count('active'),
        merged: count('merged'),
        records,
        multiSystem,
        organizations: count('active', 'organization'),
        overlap: [...overlap.entries()]
          .map(([name, profiles]) => ({ systems: name.split('\u0000'), profiles }))
          .sort((a, b) => b.profiles - a.profiles || a.systems.join().localeCompare(b.systems.join())),
      };
    },

    async apiRunIds({ limit, after }) {
      let query = db.selectFrom('runs').select(['id', 'started_at']).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit);
      if (after) {
        const startedAt = pg ? new Date(after.startedAt) : after.startedAt;
        query = query.where((eb) => eb.or([eb('started_at', '<', startedAt), eb.and([eb('started_at', '=', startedAt), eb('id', '<', after.id)])]));
      }
      return (await query.execute()).map((r) => ({ id: r.id, startedAt: toIso(r.started_at) }));
    },

    async apiDeadLetters({ runId, limit, afterId }) {
      let query = db.selectFrom('dead_letters').selectAll().where('run_id', '=', runId).orderBy('id').limit(limit);
      if (afterId !== undefined) query = query.where('id', '>', afterId);
      return (await query.execute()).map(toStoredDeadLetter);
    },

    async apiCountDeadLetters() {
      const row = await db.selectFrom('dead_letters').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}
