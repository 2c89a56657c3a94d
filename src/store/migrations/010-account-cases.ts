/**
 * An organisation's cases: a case raised for an account (Salesforce `Case.AccountId`, a Dataverse incident whose
 * customer is an account) points at it by `ServiceCase.accountId`, with or without a contact. Migration 004
 * indexed only the contact side, so the organisation view found cases through its people alone; this partial
 * expression index, written exactly as `linkedRecords` queries it, finds them by account in one seek each.
 */
import type { Migration } from './migration.js';

/** The (entity, JSON field) pairs indexed here, in the shape of migration 004's `PROFILE_LINKS`. */
export const ACCOUNT_CASE_LINKS = [['ServiceCase', 'accountId']] as const;

const jsonField = (d: 'sqlite' | 'postgres', field: string): string => (d === 'sqlite' ? `json_extract(data, '$.${field}')` : `(data->>'${field}')`);

function statements(d: 'sqlite' | 'postgres'): string[] {
  return ACCOUNT_CASE_LINKS.map(([entity, field]) =>
    `CREATE INDEX cim_records_${entity.toLowerCase()}_${field.toLowerCase()} ON cim_records (entity, ${jsonField(d, field)}) WHERE entity = '${entity}'`);
}

export const migration: Migration = { version: 10, name: 'account-cases', sqlite: statements('sqlite'), postgres: statements('postgres') };
