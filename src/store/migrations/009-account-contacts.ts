/**
 * The organisation side of the 360 view: an organisation's people are the contacts of its accounts, found by
 * `AccountContact.accountId`. Migration 004 indexed only the person side (`individualId`), so that look-up read
 * every account contact of the store; this partial expression index makes it one seek per account, written
 * exactly as `linkedRecords` queries it.
 */
import type { Migration } from './migration.js';

/** The (entity, JSON field) pairs indexed here, in the shape of migration 004's `PROFILE_LINKS`. */
export const ACCOUNT_LINKS = [['AccountContact', 'accountId']] as const;

const jsonField = (d: 'sqlite' | 'postgres', field: string): string => (d === 'sqlite' ? `json_extract(data, '$.${field}')` : `(data->>'${field}')`);

function statements(d: 'sqlite' | 'postgres'): string[] {
  return ACCOUNT_LINKS.map(([entity, field]) =>
    `CREATE INDEX cim_records_${entity.toLowerCase()}_${field.toLowerCase()} ON cim_records (entity, ${jsonField(d, field)}) WHERE entity = '${entity}'`);
}

export const migration: Migration = { version: 9, name: 'account-contacts', sqlite: statements('sqlite'), postgres: statements('postgres') };
