/**
 * The tables as Kysely sees them, for the queries both dialects share (`queries.ts`). Column types are what the
 * drivers return on either dialect: SQLite gives JSON as text, booleans as 0/1 and timestamps as ISO text;
 * PostgreSQL gives parsed jsonb, booleans and `Date`s. `rows.ts` turns both into the Store's types.
 *
 * @example
 * const db = new Kysely<StoreSchema>({ dialect });
 */
import type { Generated } from 'kysely';
import type { ApiTokensTable } from '../api/store/api-queries.js';
import type { WriteBackOutcomesTable } from '../writeback/types.js';
import type { LeasesTable } from './leases.js';
import type { ProfileSearchTable } from './profile-search/queries.js';

/** A timestamp as written (ISO text) and as read (text on SQLite, Date on PostgreSQL). */
type Stamp = string | Date;
/** JSON as written (text) and as read (text on SQLite, parsed on PostgreSQL). */
type Json = unknown;
/** A boolean as stored: 0/1 on SQLite, boolean on PostgreSQL. */
type Flag = number | boolean;

export interface SourceRecordsTable {
  system: string;
  stream: string;
  record_id: string;
  modstamp: string | null;
  deleted: Flag;
  hash: string;
  fields: Json;
  updated_at: Stamp;
}

export interface CimRecordsTable {
  entity: string;
  external_source_id: string;
  external_record_id: string;
  id: string;
  data: Json;
  deleted: Flag;
  hash: string;
  source_system: string;
  source_stream: string;
  source_record_id: string;
  modstamp: string | null;
  updated_at: Stamp;
}

export interface CursorsTable {
  system: string;
  stream: string;
  cursor: Json;
  updated_at: Stamp;
}

export interface RunsTable {
  id: string;
  started_at: Stamp;
  finished_at: Stamp | null;
  status: string;
  request: Json;
  error: string | null;
}

export interface RunStreamsTable {
  run_id: string;
  system: string;
  stream: string;
  read: number;
  loaded: number;
  unchanged: number;
  deleted: number;
  dead_lettered: number;
}

export interface DeadLettersTable {
  id: Generated<number | string>;
  run_id: string;
  system: string;
  stream: string;
  record_id: string | null;
  line: number | null;
  stage: string;
  entity: string | null;
  field: string | null;
  code: string;
  reason: string;
  payload: Json;
  created_at: Stamp;
}

export interface OutboxTable {
  id: Generated<number | string>;
  type: string;
  key: string;
  payload: Json;
  created_at: Stamp;
  available_at: Stamp;
  attempts: Generated<number>;
  last_error: string | null;
  delivered_at: Stamp | null;
}

export interface StoreSchema {
  source_records: SourceRecordsTable;
  cim_records: CimRecordsTable;
  cursors: CursorsTable;
  runs: RunsTable;
  run_streams: RunStreamsTable;
  dead_letters: DeadLettersTable;
  outbox: OutboxTable;
  profile_search: ProfileSearchTable;
  api_tokens: ApiTokensTable;
  writeback_outcomes: WriteBackOutcomesTable;
  leases: LeasesTable;
}
