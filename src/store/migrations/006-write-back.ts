/**
 * Write-back history: one row per record written back to a system (or refused by it) in a run, with the values
 * sent and the vendor's answer. Same conventions as 001: JSON is text on SQLite and jsonb on PostgreSQL,
 * timestamps ISO text on SQLite and timestamptz on PostgreSQL.
 */
import type { Migration } from './migration.js';

const stamp = { sqlite: 'text', postgres: 'timestamptz' } as const;
const json = { sqlite: 'text', postgres: 'jsonb' } as const;
const serial = { sqlite: 'integer PRIMARY KEY AUTOINCREMENT', postgres: 'bigserial PRIMARY KEY' } as const;

function statements(d: 'sqlite' | 'postgres'): string[] {
  return [
    `CREATE TABLE writeback_outcomes (
      id ${serial[d]},
      run_id text NOT NULL,
      system text NOT NULL,
      stream text NOT NULL,
      record_id text,
      unified_id text,
      key text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('created', 'updated', 'rejected', 'failed')),
      field_values ${json[d]} NOT NULL,
      code text,
      message text,
      at ${stamp[d]} NOT NULL
    )`,
    'CREATE INDEX writeback_outcomes_run ON writeback_outcomes (run_id, id)',
    'CREATE INDEX writeback_outcomes_record ON writeback_outcomes (system, stream, record_id, id)',
  ];
}

export const migration: Migration = { version: 6, name: 'write-back', sqlite: statements('sqlite'), postgres: statements('postgres') };
