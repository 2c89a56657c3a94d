/**
 * Profile search over `profile_search` (migration 004), written once with Kysely for both dialects and spread
 * into each backend like `identityQueries`. The index is kept in step by `profileSearchUpdate`, which
 * `applyIdentityChanges` runs inside its transaction: every profile the changes touch (written, gaining or losing
 * a member) is indexed again from its golden values and its member records as stored now.
 *
 * @example
 * return { ...identityQueries(kysely, 'sqlite', clock), ...profileSearchQueries(kysely, 'sqlite') };
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { ConcordError } from '../../core/errors.js';
import type { IdentityChanges, ProfileKind, ProfileStatus, UnifiedProfile } from '../../identity/store/types.js';
import { PROFILE_LINKS } from '../migrations/004-profile-search.js';
import { ACCOUNT_LINKS } from '../migrations/009-account-contacts.js';
import { ACCOUNT_CASE_LINKS } from '../migrations/010-account-cases.js';
import { fromJson, toIso, toStoredCimRecord } from '../rows.js';
import type { CimRecordsTable } from '../schema.js';
import type { StoreDialect } from '../store.js';
import { profileSearchKeys, type SearchKind, type SearchMember, type SearchTerm } from './keys.js';
import type { ProfileSearchStore, ProfileSummaryRow } from './types.js';

type Stamp = string | Date;
/** A Kysely or transaction over any schema that has the tables below (the caller's own schema type). */
type AnyKysely = object;

/** The tables these queries read and write. */
export interface ProfileSearchTable {
  kind: string;
  value: string;
  unified_id: string;
}

type SearchSchema = {
  cim_records: CimRecordsTable;
  unified_profiles: { unified_id: string; kind: string; created_at: Stamp; updated_at: Stamp; merged_into: string | null; status: string; attributes: unknown };
  profile_members: { record_id: string; unified_id: string; since: Stamp };
  profile_search: ProfileSearchTable;
};

/** Ids per `IN (…)` list and rows per multi-row insert: well under both dialects' bound-parameter limits. */
const CHUNK = 500;
const PAGE = 5000;
/** Above every code point: `value < prefix || TOP` bounds a prefix range under byte-wise comparison. */
const TOP = '\u{10FFFF}';

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

function toProfile(row: SearchSchema['unified_profiles']): UnifiedProfile {
  return {
    unifiedId: row.unified_id, kind: row.kind as ProfileKind, createdAt: toIso(row.created_at), updatedAt: toIso(row.updated_at),
    mergedInto: row.merged_into ?? undefined, status: row.status as ProfileStatus, attributes: fromJson(row.attributes),
  };
}

function db(kysely: Kysely<unknown>): Kysely<SearchSchema> {
  return kysely.withTables<SearchSchema>() as unknown as Kysely<SearchSchema>;
}

/**
 * A JSON field of `cim_records.data` (of the table `alias`), written exactly as migration 004's indexes have it
 * so that a look-up by it uses them. Field names are fixed in this module; anything else is a bug.
 */
function jsonField(dialect: StoreDialect, field: string, alias?: string): RawBuilder<string | null> {
  if (!/^[A-Za-z][A-Za-z0-9:]*$/.test(field) || (alias !== undefined && !/^[a-z]+$/.test(alias))) {
    throw new ConcordError('FIELD_NAME_INVALID', `not a JSON field name: ${field}`, { kind: 'bug' });
  }
  const data = alias === undefined ? 'data' : `${alias}.data`;
  // Plain names exactly as the indexes write them ('$.partyId'); a name with ':' needs quotes in a JSON path.
  const path = field.includes(':') ? `$."${field}"` : `$.${field}`;
  return sql.raw<string | null>(dialect === 'sqlite' ? `json_extract(${data}, '${path}')` : `(${data}->>'${field}')`);
}

/** The entities profile members are: people (Individual) and organisations (Organization). */
const MEMBER_ENTITIES = ['Individual', 'Organization'];

/** `kind` option of a search: one kind, several, or (absent) people only, as before organisations had profiles. */
function kindsOf(kind: ProfileKind | readonly ProfileKind[] | undefined): ProfileKind[] {
  if (kind === undefined) return ['person'];
  return typeof kind === 'string' ? [kind] : [...kind];
}

/**
 * Indexes these profiles again: removes their keys, then writes the keys of the active ones from their golden
 * values and their live member records (Individuals and Organizations, with the emails and phones of their
 * contact points).
 */
async function reindexProfiles(kysely: Kysely<unknown>, dialect: StoreDialect, unifiedIds: readonly string[]): Promise<number> {
  const d = db(kysely);
  const live = dialect === 'postgres' ? false : 0;
  const field = (alias: string, name: string) => jsonField(dialect, name, alias);
  let written = 0;
  const pending: Array<{ kind: SearchKind; value: string; unified_id: string }> = [];
  for (const ids of chunks([...new Set(unifiedIds)])) {
    await d.deleteFrom('profile_search').where('unified_id', 'in', ids).execute();
    const profiles = await d.selectFrom('unified_profiles').select(['unified_id', 'attributes']).where('unified_id', 'in', ids).where('status', '=', 'active').execute();
    if (profiles.length === 0) continue;
    // Members with their names, then the emails and phones of their contact points; only the fields the index needs.
    const membersOf = new Map<string, SearchMember[]>();
    const byRecord = new Map<string, SearchMember>();
    const memberships: Array<{ unified_id: string; record_id: string }> = [];
    for (const part of chunks(profiles.map((p) => p.unified_id))) {
      // A loop, not push(...rows): one giant cluster has more members than the call stack takes arguments.
      for (const row of await d.selectFrom('profile_members').select(['unified_id', 'record_id']).where('unified_id', 'in', part).execute()) memberships.push(row);
    }
    const profileOf = new Map(memberships.map((m) => [m.record_id, m.unified_id] as const));
    // Two queries rather than a join: without statistics SQLite would drive a join from every Individual.
    for (const part of chunks(memberships.map((m) => m.record_id))) {
      const rows = await d
        .selectFrom('cim_records as i')
        .select([
          'i.id', 'i.external_record_id', field('i', 'personName').as('person_name'), field('i', 'firstName').as('first_name'),
          field('i', 'middleName').as('middle_name'), field('i', 'concord:middleName').as('concord_middle_name'), field('i', 'lastName').as('last_name'),
          field('i', 'businessName').as('business_name'), field('i', 'name').as('org_name'),
        ])
        .where('i.entity', 'in', MEMBER_ENTITIES)
        .where('i.deleted', '=', live)
        .where('i.id', 'in', part)
        .execute();
      for (const row of rows) {
        const unifiedId = profileOf.get(row.id)!;
        const member: SearchMember = {
          recordId: row.id, externalRecordId: row.external_record_id,
          names: [
            str(row.person_name), str(row.first_name), str(row.middle_name) ?? str(row.concord_middle_name), str(row.last_name),
            str(row.business_name) ?? str(row.org_name),
          ],
          emails: [], phones: [],
        };
        byRecord.set(row.id, member);
        membersOf.set(unifiedId, [...(membersOf.get(unifiedId) ?? []), member]);
      }
    }
    for (const part of chunks([...byRecord.keys()])) {
      const party = field('cp', 'partyId');
      const points = await d
        .selectFrom('cim_records as cp')
        .innerJoin('cim_records as s', (join) => join.onRef('s.id', '=', 'cp.id').on('s.entity', 'in', ['ContactPointEmail', 'ContactPointPhone']).on('s.deleted', '=', live))
        .select([party.as('party_id'), 's.entity', field('s', 'emailAddress').as('email'), field('s', 'formattedE164PhoneNumber').as('e164'), field('s', 'telephoneNumber').as('phone')])
        .where('cp.entity', '=', 'ContactPoint')
        .where('cp.deleted', '=', live)
        .where(party, 'in', part)
        .execute();
      for (const row of points) {
        const member = byRecord.get(row.party_id ?? '');
        if (!member) continue;
        if (row.entity === 'ContactPointEmail') (member.emails as Array<string | undefined>).push(str(row.email));
        else (member.phones as Array<string | undefined>).push(str(row.e164) ?? str(row.phone));
      }
    }
    for (const p of profiles) {
      for (const k of profileSearchKeys({ unifiedId: p.unified_id, attributes: fromJson(p.attributes), members: membersOf.get(p.unified_id) ?? [] })) {
        pending.push({ kind: k.kind, value: k.value, unified_id: p.unified_id });
      }
    }
  }
  // Written in key order once every old row is gone: consecutive rows then land in the same pages of the
  // (kind, value) index instead of one random page each, which matters when a full run indexes every profile.
  pending.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : a.unified_id < b.unified_id ? -1 : a.unified_id > b.unified_id ? 1 : 0));
  for (const part of chunks(pending)) await d.insertInto('profile_search').values(part).onConflict((oc) => oc.doNothing()).execute();
  written += pending.length;
  return written;
}

/**
 * Call at the start of the transaction that applies `changes`, before any write; run what it returns after the
 * writes. It notes the profiles that lose a member (read before the memberships move), then indexes every
 * touched profile again.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   const reindex = await profileSearchUpdate(trx, dialect, changes);
 *   // … write profiles, members, history …
 *   await reindex();
 * });
 */
export async function profileSearchUpdate(transaction: AnyKysely, dialect: StoreDialect, changes: IdentityChanges): Promise<() => Promise<void>> {
  const kysely = transaction as Kysely<unknown>;
  const d = db(kysely);
  const touched = new Set<string>([...changes.profiles.map((p) => p.unifiedId), ...changes.members.map((m) => m.unifiedId)]);
  for (const part of chunks([...changes.removedMembers, ...changes.members.map((m) => m.recordId), ...(changes.reindex ?? [])])) {
    for (const row of await d.selectFrom('profile_members').select('unified_id').where('record_id', 'in', part).execute()) touched.add(row.unified_id);
  }
  return async () => {
    await reindexProfiles(kysely, dialect, [...touched]);
  };
}

/** Exact terms first (they find few rows), then the longest name prefixes. */
function bySelectivity(terms: readonly SearchTerm[]): SearchTerm[] {
  const rank = (t: SearchTerm): number => (t.kind === 'name' ? 1000 - t.prefix.length : 0);
  return [...terms].sort((a, b) => rank(a) - rank(b));
}

/** The profile search queries over `kysely` (a database with the tables of migrations 002 and 004). */
export function profileSearchQueries<S>(kysely: Kysely<S>, dialect: StoreDialect): ProfileSearchStore {
  const k = kysely as Kysely<unknown>;
  const d = db(k);
  const live = dialect === 'postgres' ? false : 0;
  const links = new Set([...PROFILE_LINKS, ...ACCOUNT_LINKS, ...ACCOUNT_CASE_LINKS].map(([entity, field]) => `${entity}.${field}`));

  const queries: ProfileSearchStore = {
    async searchProfiles(terms, options) {
      const limit = Math.max(1, Math.min(options.limit, 1000));
      const kinds = kindsOf(options.kind);
      if (terms.length === 0) {
        let query = d.selectFrom('unified_profiles').select('unified_id').where('kind', 'in', kinds).where('status', '=', 'active').orderBy('unified_id').limit(limit);
        if (options.after !== undefined) query = query.where('unified_id', '>', options.after);
        return (await query.execute()).map((r) => r.unified_id);
      }
      const [first, ...rest] = bySelectivity(terms);
      let query = d.selectFrom('profile_search as s0').select('s0.unified_id').where('s0.kind', '=', first!.kind as SearchKind);
      query = first!.kind === 'name'
        ? query.where('s0.value', '>=', first!.prefix).where('s0.value', '<', first!.prefix + TOP)
        : query.where('s0.value', 'in', first!.values);
      if (options.after !== undefined) query = query.where('s0.unified_id', '>', options.after);
      // Only indexed profiles are active ones; the kind is the profile's (one primary-key seek per hit).
      query = query.where(({ exists, selectFrom }) =>
        exists(selectFrom('unified_profiles as p').select(sql.lit(1).as('one')).whereRef('p.unified_id', '=', 's0.unified_id').where('p.kind', 'in', kinds)));
      rest.forEach((term, i) => {
        const alias = `s${i + 1}` as 's1';
        query = query.where(({ exists, selectFrom }) => {
          let sub = selectFrom(`profile_search as ${alias}`).select(sql.lit(1).as('one')).whereRef(`${alias}.unified_id`, '=', 's0.unified_id').where(`${alias}.kind`, '=', term.kind);
          sub = term.kind === 'name'
            ? sub.where(`${alias}.value`, '>=', term.prefix).where(`${alias}.value`, '<', term.prefix + TOP)
            : sub.where(`${alias}.value`, 'in', term.values);
          return exists(sub);
        });
      });
      const rows = await query.groupBy('s0.unified_id').orderBy('s0.unified_id').limit(limit).execute();
      return rows.map((r) => r.unified_id);
    },

    async profileSummaries(unifiedIds) {
      const found = new Map<string, ProfileSummaryRow>();
      for (const ids of chunks([...new Set(unifiedIds)])) {
        for (const row of await d.selectFrom('unified_profiles').selectAll().where('unified_id', 'in', ids).execute()) {
          found.set(row.unified_id, { profile: toProfile(row), systems: [], members: 0 });
        }
        const counts = await d
          .selectFrom('profile_members as m')
          .leftJoin('cim_records as c', (join) => join.onRef('c.id', '=', 'm.record_id').on('c.entity', 'in', MEMBER_ENTITIES))
          .select(['m.unified_id', 'c.source_system', (eb) => eb.fn.countAll<number | string>().as('n')])
          .where('m.unified_id', 'in', ids)
          .groupBy(['m.unified_id', 'c.source_system'])
          .execute();
        for (const row of counts) {
          const entry = found.get(row.unified_id);
          if (!entry) continue;
          entry.members += Number(row.n);
          if (row.source_system !== null) entry.systems.push({ system: row.source_system, records: Number(row.n) });
        }
      }
      for (const entry of found.values()) entry.systems.sort((a, b) => (a.system < b.system ? -1 : 1));
      return unifiedIds.flatMap((id) => found.get(id) ?? []);
    },

    async indexedSearchKeys(unifiedId) {
      const rows = await d.selectFrom('profile_search').select(['kind', 'value']).where('unified_id', '=', unifiedId).orderBy('kind').orderBy('value').execute();
      return rows.map((r) => ({ kind: r.kind as SearchKind, value: r.value }));
    },

    async rebuildProfileSearch() {
      return k.transaction().execute(async (trx) => {
        const t = db(trx);
        await t.deleteFrom('profile_search').execute();
        let written = 0;
        for (let after: string | undefined; ;) {
          let query = t.selectFrom('unified_profiles').select('unified_id').where('status', '=', 'active').orderBy('unified_id').limit(PAGE);
          if (after !== undefined) query = query.where('unified_id', '>', after);
          const ids = (await query.execute()).map((r) => r.unified_id);
          written += await reindexProfiles(trx, dialect, ids);
          if (ids.length < PAGE) return written;
          after = ids[ids.length - 1];
        }
      });
    },

    async profileSearchNeedsRebuild() {
      const indexed = await d.selectFrom('profile_search').select('unified_id').limit(1).executeTakeFirst();
      if (!indexed) {
        const active = await d.selectFrom('unified_profiles').select('unified_id').where('status', '=', 'active').limit(1).executeTakeFirst();
        return active !== undefined;
      }
      // Organisation profiles indexed before their member records were (only their id and phone): the first
      // active one's first member is not an id key yet.
      const org = await d.selectFrom('unified_profiles').select('unified_id').where('kind', '=', 'organization').where('status', '=', 'active').orderBy('unified_id').limit(1).executeTakeFirst();
      if (!org) return false;
      const member = await d.selectFrom('profile_members').select('record_id').where('unified_id', '=', org.unified_id).orderBy('record_id').limit(1).executeTakeFirst();
      if (!member) return false;
      const key = await d.selectFrom('profile_search').select('unified_id').where('kind', '=', 'id').where('value', '=', member.record_id).where('unified_id', '=', org.unified_id).executeTakeFirst();
      return key === undefined;
    },

    async accountContactsOf(accountIds, options = {}) {
      // Through migration 009's index on AccountContact.accountId: one seek per account.
      return queries.linkedRecords('AccountContact', 'accountId', accountIds, options.limit === undefined ? {} : { limit: options.limit });
    },

    async linkedRecords(entity, field, values, options = {}) {
      if (!links.has(`${entity}.${field}`)) throw new ConcordError('LINK_NOT_INDEXED', `${entity}.${field} is not an indexed link`, { kind: 'bug' });
      const limit = options.limit ?? 200;
      const out = [];
      for (const part of chunks([...new Set(values)])) {
        let query = d.selectFrom('cim_records').selectAll().where('entity', '=', entity).where('deleted', '=', live).where(jsonField(dialect, field), 'in', part);
        // Ordered by id only in memory: an ORDER BY id lets SQLite prefer walking every record of the entity in id
        // order over the link index.
        if (options.newestBy !== undefined) query = query.orderBy(jsonField(dialect, options.newestBy), 'desc').limit(limit);
        out.push(...(await query.execute()).map(toStoredCimRecord));
      }
      const key = options.newestBy;
      const at = (r: { data: Record<string, unknown> }): string => (key !== undefined && typeof r.data[key] === 'string' ? (r.data[key] as string) : '');
      out.sort((a, b) => at(b).localeCompare(at(a)) || (a.id < b.id ? -1 : 1));
      return out.slice(0, limit);
    },
  };
  return queries;
}
