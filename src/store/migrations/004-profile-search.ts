/**
 * Profile search and the links of the 360 view.
 *
 * `profile_search` holds one row per (kind, normalized value, unified id) of every active person profile: its
 * golden values and every member record's emails, phones, name tokens and ids, so a look-up by any of them is one
 * index seek. Text is compared byte-wise on both dialects (`COLLATE "C"` on PostgreSQL, SQLite's default BINARY)
 * so a name prefix is the range `value >= p AND value < p || U+10FFFF`.
 *
 * The partial expression indexes on `cim_records` find the records that point at a person (contact points by
 * party, account contacts, consent and engagement by individual, cases, opportunities and campaign members by
 * contact, opportunities by account). Each covers one entity only, so loading other entities pays nothing for it.
 */
import type { Migration } from './migration.js';

/** The (entity, JSON field) pairs indexed here; queries must use the same expression to use an index. */
export const PROFILE_LINKS = [
  ['ContactPoint', 'partyId'],
  ['AccountContact', 'individualId'],
  ['ContactPointConsent', 'individualId'],
  ['EngagementEvent', 'individualId'],
  ['ServiceCase', 'contactId'],
  ['Opportunity', 'contactId'],
  ['Opportunity', 'accountId'],
  ['CampaignMember', 'contactId'],
] as const;

const jsonField = (d: 'sqlite' | 'postgres', field: string): string => (d === 'sqlite' ? `json_extract(data, '$.${field}')` : `(data->>'${field}')`);

function statements(d: 'sqlite' | 'postgres'): string[] {
  const text = d === 'postgres' ? 'text COLLATE "C"' : 'text';
  return [
    `CREATE TABLE profile_search (
      kind ${text} NOT NULL CHECK (kind IN ('email', 'phone', 'name', 'id')),
      value ${text} NOT NULL,
      unified_id ${text} NOT NULL,
      PRIMARY KEY (kind, value, unified_id)
    )${d === 'sqlite' ? ' WITHOUT ROWID' : ''}`,
    'CREATE INDEX profile_search_unified ON profile_search (unified_id, kind, value)',
    ...PROFILE_LINKS.map(([entity, field]) =>
      `CREATE INDEX cim_records_${entity.toLowerCase()}_${field.toLowerCase()} ON cim_records (entity, ${jsonField(d, field)}) WHERE entity = '${entity}'`),
  ];
}

export const migration: Migration = { version: 4, name: 'profile-search', sqlite: statements('sqlite'), postgres: statements('postgres') };
