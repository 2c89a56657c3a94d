/**
 * Identity tables: unified profiles (with their golden attributes as JSON), which record belongs to which
 * profile, the history of every change of membership, saved model parameters, and manual decisions that win
 * over the model. Same conventions as 001: JSON is text on SQLite and jsonb on PostgreSQL, timestamps ISO text on
 * SQLite and timestamptz on PostgreSQL.
 */
import type { Migration } from './migration.js';

const stamp = { sqlite: 'text', postgres: 'timestamptz' } as const;
const json = { sqlite: 'text', postgres: 'jsonb' } as const;
const serial = { sqlite: 'integer PRIMARY KEY AUTOINCREMENT', postgres: 'bigserial PRIMARY KEY' } as const;

function statements(d: 'sqlite' | 'postgres'): string[] {
  return [
    `CREATE TABLE unified_profiles (
      unified_id text PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('person', 'organization')),
      created_at ${stamp[d]} NOT NULL,
      updated_at ${stamp[d]} NOT NULL,
      merged_into text,
      status text NOT NULL CHECK (status IN ('active', 'merged', 'retired')),
      attributes ${json[d]} NOT NULL
    )`,
    'CREATE INDEX unified_profiles_kind ON unified_profiles (kind, status, unified_id)',
    `CREATE TABLE profile_members (
      record_id text PRIMARY KEY,
      unified_id text NOT NULL,
      since ${stamp[d]} NOT NULL
    )`,
    'CREATE INDEX profile_members_unified ON profile_members (unified_id)',
    `CREATE TABLE profile_history (
      id ${serial[d]},
      event text NOT NULL CHECK (event IN ('created', 'grew', 'merged', 'split', 'member_moved')),
      unified_ids ${json[d]} NOT NULL,
      record_ids ${json[d]} NOT NULL,
      at ${stamp[d]} NOT NULL,
      run text,
      reason text
    )`,
    `CREATE TABLE profile_history_ids (
      history_id bigint NOT NULL,
      unified_id text NOT NULL,
      PRIMARY KEY (unified_id, history_id)
    )`,
    `CREATE TABLE identity_params (
      name text PRIMARY KEY,
      params ${json[d]} NOT NULL,
      trained_at ${stamp[d]} NOT NULL
    )`,
    `CREATE TABLE identity_decisions (
      id ${serial[d]},
      kind text NOT NULL CHECK (kind IN ('never-match', 'always-match')),
      record_a text NOT NULL,
      record_b text NOT NULL,
      who text NOT NULL,
      reason text,
      at ${stamp[d]} NOT NULL
    )`,
  ];
}

export const migration: Migration = { version: 2, name: 'identity', sqlite: statements('sqlite'), postgres: statements('postgres') };
