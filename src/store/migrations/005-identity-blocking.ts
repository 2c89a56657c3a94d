/**
 * The persistent blocking index of incremental identity resolution: per live person record, its key under each
 * blocking rule (the 31-bit hash blocking groups by, as text) and its value of each guarded identifier. A new or
 * changed record finds its candidates by one index seek per rule instead of a pass over every stored person.
 * `cim_records.updated_at` gets an index so the records changed since the last resolution are found the same way.
 */
import type { Migration } from './migration.js';

/** The key index, also dropped and built again by a full run's bulk load (`applyBlockingChanges`). */
export const BLOCKING_KEY_INDEX = 'identity_blocking_keys_key';
export const CREATE_BLOCKING_KEY_INDEX = `CREATE INDEX ${BLOCKING_KEY_INDEX} ON identity_blocking_keys (rule, key)`;

function statements(): string[] {
  return [
    `CREATE TABLE identity_blocking_keys (
      record_id text NOT NULL,
      rule integer NOT NULL,
      key text NOT NULL,
      PRIMARY KEY (record_id, rule)
    )`,
    CREATE_BLOCKING_KEY_INDEX,
    'CREATE INDEX cim_records_updated ON cim_records (updated_at)',
  ];
}

export const migration: Migration = { version: 5, name: 'identity-blocking', sqlite: statements(), postgres: statements() };
