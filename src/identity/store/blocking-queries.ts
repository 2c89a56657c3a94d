/**
 * The store side of incremental identity resolution, written once with Kysely for both dialects (spread into
 * each backend like `identityQueries`): the persistent blocking index (`identity_blocking_keys`, migration 005),
 * the person records changed since a watermark, and batched reads of profiles and memberships by id.
 *
 * @example
 * return { ...identityQueries(kysely, 'sqlite', clock), ...identityBlockingQueries(kysely, 'sqlite', clock) };
 */
import { sql, type Kysely } from 'kysely';
import { fromJson, toIso, toJsonText, toStoredCimRecord } from '../../store/rows.js';
import type { CimRecordsTable } from '../../store/schema.js';
import type { StoreDialect, StoredCimRecord } from '../../store/store.js';
import { BLOCKING_KEY_INDEX, CREATE_BLOCKING_KEY_INDEX } from '../../store/migrations/005-identity-blocking.js';
import type { ProfileKind, ProfileMember, ProfileStatus, UnifiedProfile } from './types.js';

type Stamp = string | Date;

type BlockingSchema = {
  cim_records: CimRecordsTable;
  identity_blocking_keys: { record_id: string; rule: number; key: string };
  unified_profiles: { unified_id: string; kind: string; created_at: Stamp; updated_at: Stamp; merged_into: string | null; status: string; attributes: unknown };
  profile_members: { record_id: string; unified_id: string; since: Stamp };
  identity_params: { name: string; params: unknown; trained_at: Stamp };
};

/** One row of the blocking index: a record's key under a rule (rule ≥ 0) or its value of a guard (rule < 0). */
export interface BlockingKeyRow {
  recordId: string;
  rule: number;
  key: string;
}

/** A (rule, key) pair, without the record. */
export type BlockingKey = Pick<BlockingKeyRow, 'rule' | 'key'>;

/** Person records (Individual ids) whose own record or one of their contact points changed since a watermark. */
export interface ChangedPersons {
  /** Concord ids of the Individuals, live or deleted, in id order. */
  ids: string[];
  /** The newest `updated_at` among the changed rows (the next watermark), or undefined when none changed. */
  newest: string | undefined;
  /** Rows (`entity/id`) stamped exactly `newest`: the next call skips them when nothing changed them again. */
  atNewest: string[];
}

export interface BlockingIndexChanges {
  /** Drop every row first (a full rebuild). */
  clear?: boolean;
  /** Records whose rows are replaced (or removed, when `rows` has none of theirs). */
  records: readonly string[];
  rows: readonly BlockingKeyRow[];
  /** Saved in `identity_params` in the same transaction (the watermark of what the index reflects). */
  state?: { name: string; value: unknown };
}

export interface IdentityBlockingStore {
  /** The blocking index rows of these records. */
  blockingKeysOfRecords(recordIds: readonly string[]): Promise<BlockingKeyRow[]>;
  /** Every row holding one of these keys. */
  recordsWithBlockingKeys(keys: readonly BlockingKey[]): Promise<BlockingKeyRow[]>;
  /** How many records hold each key (`blockingKeyId(rule, key)` → count; absent = 0). */
  countBlockingKeys(keys: readonly BlockingKey[]): Promise<Map<string, number>>;
  /** Replaces the rows of `records` (and saves `state`) in one transaction. */
  applyBlockingChanges(changes: BlockingIndexChanges): Promise<void>;
  /**
   * Individuals changed at or after `since` (every one when undefined), directly or through a contact point.
   * Rows stamped exactly `since` whose `entity/id` is in `seen` were handled by the previous call and are skipped.
   */
  changedPersons(since: string | undefined, seen?: ReadonlySet<string>): Promise<ChangedPersons>;
  /** The newest `updated_at` of any person record or contact point, and the rows stamped with it. */
  personWatermark(): Promise<Omit<ChangedPersons, 'ids'>>;
  /** Live records of `entity` with these Concord ids (one indexed query per 500 ids). */
  liveCimRecordsByIds(entity: string, ids: readonly string[]): Promise<StoredCimRecord[]>;
  /** How many profiles of `kind` are active. */
  countActiveProfiles(kind: ProfileKind): Promise<number>;
  /** record id → unified id, for the records that belong to a profile. */
  profilesOfRecords(recordIds: readonly string[]): Promise<Map<string, string>>;
  /** Members of these profiles, by record id. */
  membersOfProfiles(unifiedIds: readonly string[]): Promise<ProfileMember[]>;
  /** These profiles (any status). */
  profilesByIds(unifiedIds: readonly string[]): Promise<UnifiedProfile[]>;
}

/** The map key of a (rule, key) pair in `countBlockingKeys`. */
export const blockingKeyId = (rule: number, key: string): string => `${rule}\u0000${key}`;

const CHUNK = 500;
/** Index rows per insert: 3 parameters each, under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const INSERT_CHUNK = 5000;
const PERSON_ENTITIES = ['Individual', 'ContactPoint', 'ContactPointEmail', 'ContactPointPhone', 'ContactPointAddress'];

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Keys grouped by rule, so each query is `rule = ? AND key IN (…)` and uses the (rule, key) index. */
function byRule(keys: readonly BlockingKey[]): Map<number, string[]> {
  const out = new Map<number, Set<string>>();
  for (const k of keys) {
    const set = out.get(k.rule) ?? new Set<string>();
    set.add(k.key);
    out.set(k.rule, set);
  }
  return new Map([...out].map(([rule, set]) => [rule, [...set]]));
}

/** The incremental-resolution queries over `db` (any Kysely whose database has the tables of migrations 002 and 005). */
export function identityBlockingQueries<S>(kysely: Kysely<S>, dialect: StoreDialect, clock: () => Date): IdentityBlockingStore {
  const db = kysely.withTables<BlockingSchema>() as unknown as Kysely<BlockingSchema>;
  const pg = dialect === 'postgres';
  const partyOf = pg ? sql<string | null>`data->>'partyId'` : sql<string | null>`json_extract(data, '$.partyId')`;
  // On SQLite `+entity` keeps the planner off the (entity, id) index, so it walks the updated_at index instead.
  const entityUnindexed = pg ? sql<string>`entity` : sql<string>`+entity`;

  return {
    async blockingKeysOfRecords(recordIds) {
      const out: BlockingKeyRow[] = [];
      for (const ids of chunks([...new Set(recordIds)])) {
        const rows = await db.selectFrom('identity_blocking_keys').selectAll().where('record_id', 'in', ids).execute();
        for (const r of rows) out.push({ recordId: r.record_id, rule: Number(r.rule), key: r.key });
      }
      return out;
    },

    async recordsWithBlockingKeys(keys) {
      const out: BlockingKeyRow[] = [];
      for (const [rule, list] of byRule(keys)) {
        for (const part of chunks(list)) {
          const rows = await db.selectFrom('identity_blocking_keys').selectAll().where('rule', '=', rule).where('key', 'in', part).execute();
          for (const r of rows) out.push({ recordId: r.record_id, rule: Number(r.rule), key: r.key });
        }
      }
      return out;
    },

    async countBlockingKeys(keys) {
      const out = new Map<string, number>();
      for (const [rule, list] of byRule(keys)) {
        for (const part of chunks(list)) {
          const rows = await db
            .selectFrom('identity_blocking_keys')
            .select(['key', (eb) => eb.fn.countAll<number | string>().as('n')])
            .where('rule', '=', rule)
            .where('key', 'in', part)
            .groupBy('key')
            .execute();
          for (const r of rows) out.set(blockingKeyId(rule, r.key), Number(r.n));
        }
      }
      return out;
    },

    async applyBlockingChanges(changes) {
      await db.transaction().execute(async (trx) => {
        // A full run's bulk load on SQLite: rows come in record order, so the primary key grows at its end, but
        // each goes to a random page of the (rule, key) index — building that index once afterwards sorts instead
        // (200,000 people: 2.4 M rows). Readers keep their snapshot meanwhile (WAL). Not on PostgreSQL, where
        // dropping the index would lock look-ups out until the run commits.
        const rebuild = changes.clear === true && !pg;
        if (changes.clear) await trx.deleteFrom('identity_blocking_keys').execute();
        else for (const ids of chunks([...new Set(changes.records)])) await trx.deleteFrom('identity_blocking_keys').where('record_id', 'in', ids).execute();
        if (rebuild) await sql.raw(`DROP INDEX IF EXISTS ${BLOCKING_KEY_INDEX}`).execute(trx);
        for (const rows of chunks(changes.rows, INSERT_CHUNK)) {
          await trx.insertInto('identity_blocking_keys').values(rows.map((r) => ({ record_id: r.recordId, rule: r.rule, key: r.key }))).execute();
        }
        if (rebuild) await sql.raw(CREATE_BLOCKING_KEY_INDEX).execute(trx);
        if (changes.state) {
          await trx
            .insertInto('identity_params')
            .values({ name: changes.state.name, params: toJsonText(changes.state.value, pg), trained_at: clock().toISOString() })
            .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ params: eb.ref('excluded.params'), trained_at: eb.ref('excluded.trained_at') })))
            .execute();
        }
      });
    },

    async liveCimRecordsByIds(entity, ids) {
      const out: StoredCimRecord[] = [];
      for (const part of chunks([...new Set(ids)])) {
        const rows = await db.selectFrom('cim_records').selectAll().where('entity', '=', entity).where('id', 'in', part).where('deleted', '=', pg ? false : 0).execute();
        out.push(...rows.map(toStoredCimRecord));
      }
      return out;
    },

    async countActiveProfiles(kind) {
      const row = await db.selectFrom('unified_profiles').select((eb) => eb.fn.countAll<number | string>().as('n')).where('kind', '=', kind).where('status', '=', 'active').executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async personWatermark() {
      const top = await db.selectFrom('cim_records').select('updated_at').where(entityUnindexed, 'in', PERSON_ENTITIES).orderBy('updated_at', 'desc').limit(1).executeTakeFirst();
      if (!top) return { newest: undefined, atNewest: [] };
      const rows = await db.selectFrom('cim_records').select(['entity', 'id']).where(entityUnindexed, 'in', PERSON_ENTITIES).where('updated_at', '=', top.updated_at).execute();
      return { newest: toIso(top.updated_at), atNewest: rows.map((r) => `${r.entity}/${r.id}`) };
    },

    async changedPersons(since, seen) {
      let query = db.selectFrom('cim_records').select(['entity', 'id', 'updated_at', partyOf.as('party')]);
      query = since === undefined ? query.where('entity', 'in', PERSON_ENTITIES) : query.where(entityUnindexed, 'in', PERSON_ENTITIES).where('updated_at', '>=', since);
      const rows = await query.execute();
      const ids = new Set<string>();
      const subtypes: string[] = [];
      let newest: string | undefined;
      let atNewest: string[] = [];
      for (const r of rows) {
        const at = toIso(r.updated_at);
        const key = `${r.entity}/${r.id}`;
        if (at === since && seen?.has(key)) continue;
        if (newest === undefined || at > newest) {
          newest = at;
          atNewest = [];
        }
        if (at === newest) atNewest.push(key);
        if (r.entity === 'Individual') ids.add(r.id);
        else if (r.entity === 'ContactPoint') {
          if (r.party) ids.add(r.party);
        } else subtypes.push(r.id);
      }
      // A changed email, phone or address belongs to the party of the ContactPoint that shares its id.
      for (const part of chunks([...new Set(subtypes)])) {
        const points = await db.selectFrom('cim_records').select(partyOf.as('party')).where('entity', '=', 'ContactPoint').where('id', 'in', part).execute();
        for (const p of points) if (p.party) ids.add(p.party);
      }
      return { ids: [...ids].sort(), newest, atNewest };
    },

    async profilesOfRecords(recordIds) {
      const out = new Map<string, string>();
      for (const ids of chunks([...new Set(recordIds)])) {
        const rows = await db.selectFrom('profile_members').select(['record_id', 'unified_id']).where('record_id', 'in', ids).execute();
        for (const r of rows) out.set(r.record_id, r.unified_id);
      }
      return out;
    },

    async membersOfProfiles(unifiedIds) {
      const out: ProfileMember[] = [];
      for (const ids of chunks([...new Set(unifiedIds)])) {
        const rows = await db.selectFrom('profile_members').selectAll().where('unified_id', 'in', ids).execute();
        for (const r of rows) out.push({ recordId: r.record_id, unifiedId: r.unified_id, since: toIso(r.since) });
      }
      return out.sort((a, b) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
    },

    async profilesByIds(unifiedIds) {
      const out: UnifiedProfile[] = [];
      for (const ids of chunks([...new Set(unifiedIds)])) {
        const rows = await db.selectFrom('unified_profiles').selectAll().where('unified_id', 'in', ids).execute();
        for (const row of rows) {
          out.push({
            unifiedId: row.unified_id, kind: row.kind as ProfileKind, createdAt: toIso(row.created_at), updatedAt: toIso(row.updated_at),
            mergedInto: row.merged_into ?? undefined, status: row.status as ProfileStatus, attributes: fromJson(row.attributes),
          });
        }
      }
      return out;
    },
  };
}
