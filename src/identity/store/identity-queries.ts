/**
 * The identity part of the Store, written once with Kysely for both dialects (spread into each backend like
 * `sharedQueries`). `applyIdentityChanges` is one transaction: profiles, memberships and history are written
 * together or not at all.
 *
 * @example
 * return { ...sharedQueries(kysely, 'sqlite', clock), ...identityQueries(kysely, 'sqlite', clock) };
 */
import { sql, type Generated, type Kysely } from 'kysely';
import { fromJson, toIso, toIsoOrUndefined, toJsonText, toStoredCimRecord } from '../../store/rows.js';
import type { CimRecordsTable } from '../../store/schema.js';
import type { StoreDialect } from '../../store/store.js';
import { profileSearchUpdate } from '../../store/profile-search/queries.js';
import type {
  DecisionKind, HistoryEventType, IdentityDecision, IdentityStore, ProfileHistoryEvent, ProfileKind, ProfileMember, ProfileStatus, UnifiedProfile,
} from './types.js';

type Stamp = string | Date;

type IdentitySchema = {
  cim_records: CimRecordsTable;
  unified_profiles: { unified_id: string; kind: string; created_at: Stamp; updated_at: Stamp; merged_into: string | null; status: string; attributes: unknown };
  profile_members: { record_id: string; unified_id: string; since: Stamp };
  profile_history: { id: Generated<number | string>; event: string; unified_ids: unknown; record_ids: unknown; at: Stamp; run: string | null; reason: string | null };
  profile_history_ids: { history_id: number | string; unified_id: string };
  identity_params: { name: string; params: unknown; trained_at: Stamp };
  identity_decisions: { id: Generated<number | string>; kind: string; record_a: string; record_b: string; who: string; reason: string | null; at: Stamp };
};

const PAGE = 5000;
/** Rows per multi-row insert: well under SQLite's 32,766 bound parameters and PostgreSQL's 65,535. */
const CHUNK = 500;

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function toProfile(row: IdentitySchema['unified_profiles']): UnifiedProfile {
  return {
    unifiedId: row.unified_id,
    kind: row.kind as ProfileKind,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    mergedInto: row.merged_into ?? undefined,
    status: row.status as ProfileStatus,
    attributes: fromJson(row.attributes),
  };
}

const toMember = (row: IdentitySchema['profile_members']): ProfileMember => ({ recordId: row.record_id, unifiedId: row.unified_id, since: toIso(row.since) });

/** The identity queries over `db` (any Kysely whose database has the tables of migration 002). */
export function identityQueries<S>(kysely: Kysely<S>, dialect: StoreDialect, clock: () => Date): IdentityStore {
  const db = kysely.withTables<IdentitySchema>() as unknown as Kysely<IdentitySchema>;
  const pg = dialect === 'postgres';
  const json = (value: unknown): string => toJsonText(value, pg);

  // The party of a contact point, read from its JSON in each dialect's way.
  const partyOf = pg ? sql<string>`data->>'partyId'` : sql<string>`json_extract(data, '$.partyId')`;

  return {
    async contactPointsOfParties(partyIds) {
      const out = [];
      for (const ids of chunks([...new Set(partyIds)])) {
        const rows = await db
          .selectFrom('cim_records')
          .selectAll()
          .where('entity', '=', 'ContactPoint')
          .where('deleted', '=', pg ? false : 0)
          .where(partyOf, 'in', ids)
          .execute();
        out.push(...rows.map(toStoredCimRecord));
      }
      // Sorted here: an ORDER BY id makes SQLite walk every ContactPoint in id order instead of the party index.
      return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },

    async listProfileMembers(kind) {
      const out: ProfileMember[] = [];
      let after: string | undefined;
      for (;;) {
        let query = db
          .selectFrom('profile_members as m')
          .innerJoin('unified_profiles as p', 'p.unified_id', 'm.unified_id')
          .select(['m.record_id', 'm.unified_id', 'm.since'])
          .where('p.kind', '=', kind)
          .orderBy('m.record_id')
          .limit(PAGE);
        if (after !== undefined) query = query.where('m.record_id', '>', after);
        const rows = await query.execute();
        for (const row of rows) out.push(toMember(row));
        if (rows.length < PAGE) return out;
        after = rows[rows.length - 1]!.record_id;
      }
    },

    async listProfiles(kind, options = {}) {
      let query = db.selectFrom('unified_profiles').selectAll().where('kind', '=', kind).orderBy('unified_id').limit(options.limit ?? 1000);
      if (!options.includeInactive) query = query.where('status', '=', 'active');
      if (options.after !== undefined) query = query.where('unified_id', '>', options.after);
      return (await query.execute()).map(toProfile);
    },

    async getProfile(unifiedId) {
      const row = await db.selectFrom('unified_profiles').selectAll().where('unified_id', '=', unifiedId).executeTakeFirst();
      return row ? toProfile(row) : undefined;
    },

    async profileMembers(unifiedId) {
      return (await db.selectFrom('profile_members').selectAll().where('unified_id', '=', unifiedId).orderBy('record_id').execute()).map(toMember);
    },

    async profileOfRecord(recordId) {
      const row = await db.selectFrom('profile_members').selectAll().where('record_id', '=', recordId).executeTakeFirst();
      return row ? toMember(row) : undefined;
    },

    async profileHistory(unifiedId) {
      const rows = await db
        .selectFrom('profile_history_ids as x')
        .innerJoin('profile_history as h', 'h.id', 'x.history_id')
        .select(['h.id', 'h.event', 'h.unified_ids', 'h.record_ids', 'h.at', 'h.run', 'h.reason'])
        .where('x.unified_id', '=', unifiedId)
        .orderBy('h.id')
        .execute();
      return rows.map((r): ProfileHistoryEvent => ({
        event: r.event as HistoryEventType,
        unifiedIds: fromJson(r.unified_ids),
        recordIds: fromJson(r.record_ids),
        at: toIso(r.at),
        run: r.run ?? undefined,
        reason: r.reason ?? undefined,
      }));
    },

    async applyIdentityChanges(changes) {
      await db.transaction().execute(async (trx) => {
        // The search index moves with the profiles, in this transaction (see profile-search/queries.ts).
        const reindexSearch = await profileSearchUpdate(trx, dialect, changes);
        for (const rows of chunks(changes.profiles)) {
          await trx
            .insertInto('unified_profiles')
            .values(rows.map((p) => ({
              unified_id: p.unifiedId, kind: p.kind, created_at: p.createdAt, updated_at: p.updatedAt,
              merged_into: p.mergedInto ?? null, status: p.status, attributes: json(p.attributes),
            })))
            .onConflict((oc) => oc.column('unified_id').doUpdateSet((eb) => ({
              updated_at: eb.ref('excluded.updated_at'),
              merged_into: eb.ref('excluded.merged_into'),
              status: eb.ref('excluded.status'),
              attributes: eb.ref('excluded.attributes'),
            })))
            .execute();
        }
        for (const ids of chunks(changes.removedMembers)) await trx.deleteFrom('profile_members').where('record_id', 'in', ids).execute();
        for (const rows of chunks(changes.members)) {
          await trx
            .insertInto('profile_members')
            .values(rows.map((m) => ({ record_id: m.recordId, unified_id: m.unifiedId, since: m.since })))
            .onConflict((oc) => oc.column('record_id').doUpdateSet((eb) => ({ unified_id: eb.ref('excluded.unified_id'), since: eb.ref('excluded.since') })))
            .execute();
        }
        // Events a chunk per insert (a full run of a million people writes ~700,000): ids come from a sequence
        // (SQLite: the next rowid), handed out in the order of the rows, so the returned ids sorted are the
        // chunk's ids in order, whatever order RETURNING lists them in.
        for (const events of chunks(changes.history)) {
          const rows = await trx
            .insertInto('profile_history')
            .values(events.map((event) => ({
              event: event.event, unified_ids: json(event.unifiedIds), record_ids: json(event.recordIds), at: event.at,
              run: event.run ?? null, reason: event.reason ?? null,
            })))
            .returning('id')
            .execute();
          const ids = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
          const links = events.flatMap((event, k) => [...new Set(event.unifiedIds)].map((unified_id) => ({ history_id: ids[k]!, unified_id })));
          for (const part of chunks(links)) await trx.insertInto('profile_history_ids').values(part).execute();
        }
        await reindexSearch();
      });
    },

    async getIdentityParams(name) {
      const row = await db.selectFrom('identity_params').selectAll().where('name', '=', name).executeTakeFirst();
      return row ? { params: fromJson(row.params), trainedAt: toIso(row.trained_at) } : undefined;
    },

    async saveIdentityParams(name, params) {
      const at = clock().toISOString();
      await db
        .insertInto('identity_params')
        .values({ name, params: json(params), trained_at: at })
        .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ params: eb.ref('excluded.params'), trained_at: eb.ref('excluded.trained_at') })))
        .execute();
    },

    async listIdentityDecisions() {
      const rows = await db.selectFrom('identity_decisions').selectAll().orderBy('id').execute();
      return rows.map((r): IdentityDecision => ({
        id: Number(r.id), kind: r.kind as DecisionKind, recordA: r.record_a, recordB: r.record_b, who: r.who,
        reason: r.reason ?? undefined, at: toIso(r.at),
      }));
    },

    async addIdentityDecision(decision) {
      const at = clock().toISOString();
      const row = await db
        .insertInto('identity_decisions')
        .values({ kind: decision.kind, record_a: decision.recordA, record_b: decision.recordB, who: decision.who, reason: decision.reason ?? null, at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { ...decision, id: Number(row.id), at: toIsoOrUndefined(at) ?? at };
    },
  };
}
