/**
 * The first schema: source rows, CIM records, cursors, runs, dead letters and the outbox. JSON is `text` on
 * SQLite and `jsonb` on PostgreSQL; timestamps are ISO-8601 UTC text on SQLite and `timestamptz` on PostgreSQL
 * (source modstamps stay text on both: they are the system's own values). Identity tables come in a later
 * migration.
 */
import type { Migration } from './migration.js';

export const migration: Migration = {
  version: 1,
  name: 'initial',
  sqlite: [
    `CREATE TABLE source_records (
      system text NOT NULL,
      stream text NOT NULL,
      record_id text NOT NULL,
      modstamp text,
      deleted integer NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
      hash text NOT NULL,
      fields text NOT NULL,
      updated_at text NOT NULL,
      PRIMARY KEY (system, stream, record_id)
    ) WITHOUT ROWID`,
    `CREATE TABLE cim_records (
      entity text NOT NULL,
      external_source_id text NOT NULL,
      external_record_id text NOT NULL,
      id text NOT NULL,
      data text NOT NULL,
      deleted integer NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
      hash text NOT NULL,
      source_system text NOT NULL,
      source_stream text NOT NULL,
      source_record_id text NOT NULL,
      modstamp text,
      updated_at text NOT NULL
    )`,
    'CREATE UNIQUE INDEX cim_records_key ON cim_records (entity, external_source_id, external_record_id)',
    // One index on the (random, UUID) ids only: each such index halves SQLite's load rate (every insert dirties
    // another page). Look-ups by id seek it once per entity (see getCimRecordById); PostgreSQL has both.
    'CREATE INDEX cim_records_entity_id ON cim_records (entity, id)',
    'CREATE INDEX cim_records_source ON cim_records (source_system, source_stream, source_record_id)',
    `CREATE TABLE cursors (
      system text NOT NULL,
      stream text NOT NULL,
      cursor text NOT NULL,
      updated_at text NOT NULL,
      PRIMARY KEY (system, stream)
    ) WITHOUT ROWID`,
    `CREATE TABLE runs (
      id text PRIMARY KEY,
      started_at text NOT NULL,
      finished_at text,
      status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'paused')),
      request text NOT NULL,
      error text
    )`,
    'CREATE INDEX runs_started_at ON runs (started_at)',
    `CREATE TABLE run_streams (
      run_id text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      system text NOT NULL,
      stream text NOT NULL,
      read integer NOT NULL DEFAULT 0,
      loaded integer NOT NULL DEFAULT 0,
      unchanged integer NOT NULL DEFAULT 0,
      deleted integer NOT NULL DEFAULT 0,
      dead_lettered integer NOT NULL DEFAULT 0,
      PRIMARY KEY (run_id, system, stream)
    ) WITHOUT ROWID`,
    `CREATE TABLE dead_letters (
      id integer PRIMARY KEY AUTOINCREMENT,
      run_id text NOT NULL,
      system text NOT NULL,
      stream text NOT NULL,
      record_id text,
      line integer,
      stage text NOT NULL CHECK (stage IN ('extract', 'map', 'validate', 'load', 'write')),
      entity text,
      field text,
      code text NOT NULL,
      reason text NOT NULL,
      payload text,
      created_at text NOT NULL
    )`,
    'CREATE INDEX dead_letters_run ON dead_letters (run_id, id)',
    'CREATE INDEX dead_letters_stream ON dead_letters (system, stream, id)',
    `CREATE TABLE outbox (
      id integer PRIMARY KEY AUTOINCREMENT,
      type text NOT NULL,
      key text NOT NULL,
      payload text NOT NULL,
      created_at text NOT NULL,
      available_at text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      delivered_at text
    )`,
    'CREATE INDEX outbox_pending ON outbox (available_at, id) WHERE delivered_at IS NULL',
  ],
  postgres: [
    `CREATE TABLE source_records (
      system text NOT NULL,
      stream text NOT NULL,
      record_id text NOT NULL,
      modstamp text,
      deleted boolean NOT NULL DEFAULT false,
      hash text NOT NULL,
      fields jsonb NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (system, stream, record_id)
    )`,
    `CREATE TABLE cim_records (
      entity text NOT NULL,
      external_source_id text NOT NULL,
      external_record_id text NOT NULL,
      id text NOT NULL,
      data jsonb NOT NULL,
      deleted boolean NOT NULL DEFAULT false,
      hash text NOT NULL,
      source_system text NOT NULL,
      source_stream text NOT NULL,
      source_record_id text NOT NULL,
      modstamp text,
      updated_at timestamptz NOT NULL,
      CONSTRAINT cim_records_key UNIQUE (entity, external_source_id, external_record_id)
    )`,
    'CREATE INDEX cim_records_entity_id ON cim_records (entity, id)',
    'CREATE INDEX cim_records_id ON cim_records (id)',
    'CREATE INDEX cim_records_source ON cim_records (source_system, source_stream, source_record_id)',
    `CREATE TABLE cursors (
      system text NOT NULL,
      stream text NOT NULL,
      cursor jsonb NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (system, stream)
    )`,
    `CREATE TABLE runs (
      id text PRIMARY KEY,
      started_at timestamptz NOT NULL,
      finished_at timestamptz,
      status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'paused')),
      request jsonb NOT NULL,
      error text
    )`,
    'CREATE INDEX runs_started_at ON runs (started_at)',
    `CREATE TABLE run_streams (
      run_id text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      system text NOT NULL,
      stream text NOT NULL,
      read integer NOT NULL DEFAULT 0,
      loaded integer NOT NULL DEFAULT 0,
      unchanged integer NOT NULL DEFAULT 0,
      deleted integer NOT NULL DEFAULT 0,
      dead_lettered integer NOT NULL DEFAULT 0,
      PRIMARY KEY (run_id, system, stream)
    )`,
    `CREATE TABLE dead_letters (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      run_id text NOT NULL,
      system text NOT NULL,
      stream text NOT NULL,
      record_id text,
      line integer,
      stage text NOT NULL CHECK (stage IN ('extract', 'map', 'validate', 'load', 'write')),
      entity text,
      field text,
      code text NOT NULL,
      reason text NOT NULL,
      payload jsonb,
      created_at timestamptz NOT NULL
    )`,
    'CREATE INDEX dead_letters_run ON dead_letters (run_id, id)',
    'CREATE INDEX dead_letters_stream ON dead_letters (system, stream, id)',
    `CREATE TABLE outbox (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      type text NOT NULL,
      key text NOT NULL,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      available_at timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      delivered_at timestamptz
    )`,
    'CREATE INDEX outbox_pending ON outbox (available_at, id) WHERE delivered_at IS NULL',
  ],
};
