/**
 * The `Store`: Concord's only door to its database. Small on purpose; SQLite (`sqlite/`) and PostgreSQL
 * (`postgres/`) implement it with the same migrations, and one test suite runs over both.
 *
 * Invariants every backend keeps:
 * - `commitPage` is one transaction: source records, CIM records, tombstones, dead letters, outbox events and
 *   the stream's cursor are all written, or none is.
 * - CIM upserts are keyed by (entity, externalSourceId, externalRecordId) and idempotent; an upsert whose
 *   content hash is unchanged writes nothing and counts as unchanged.
 * - Deletes are tombstones (`deleted = true`, data kept), never row removals.
 */
import type { CimRecord } from '../model/record.js';
import type { IdentityStore } from '../identity/store/types.js';
import type { IdentityBlockingStore } from '../identity/store/blocking-queries.js';
import type { ApiStore } from '../api/store/types.js';
import type { WriteBackStore } from '../writeback/types.js';
import type { ProfileSearchStore } from './profile-search/types.js';
import type { LeaseStore } from './leases.js';

export type StoreDialect = 'sqlite' | 'postgres';

/** A row as the source system has it, plus provenance. */
export interface SourceRecord {
  system: string;
  stream: string;
  /** Native id (Salesforce 18-char id, Dataverse GUID lower-case, file row key). */
  recordId: string;
  /** Source modification stamp (ISO-8601) when the system has one. */
  modstamp?: string | undefined;
  deleted?: boolean | undefined;
  /** The row's fields as read. */
  fields: Record<string, unknown>;
  /** Where in the input the row came from (file line) for error messages. */
  line?: number | undefined;
}

/** A source record with its content hash, ready to store. */
export interface SourceRecordRow extends SourceRecord {
  hash: string;
}

/** A CIM record with the source record it came from and its content hash. */
export interface CimRecordRow {
  record: CimRecord;
  /** Concord id (`record.data.id`). */
  id: string;
  hash: string;
  /** Source record that produced it: `system`, `stream`, `recordId`. */
  source: { system: string; stream: string; recordId: string };
  modstamp?: string | undefined;
}

export interface DeadLetter {
  runId: string;
  system: string;
  stream: string;
  recordId?: string | undefined;
  line?: number | undefined;
  /** Pipeline stage that rejected the record. */
  stage: 'extract' | 'map' | 'validate' | 'load' | 'write';
  entity?: string | undefined;
  field?: string | undefined;
  code: string;
  reason: string;
  /** The offending input (truncated by the store to a bounded size). */
  payload?: unknown;
}

/** An opaque connector cursor, persisted as JSON. */
export type Cursor = Record<string, unknown>;

export interface OutboxEvent {
  type: string;
  /** Key for ordering and de-duplication (e.g. unified id). */
  key: string;
  payload: Record<string, unknown>;
}

export interface PageCommit {
  runId: string;
  system: string;
  stream: string;
  /** Source rows read in this page (changed or not). */
  sourceRecords: readonly SourceRecordRow[];
  /** CIM records mapped from the changed source rows. */
  cimRecords: readonly CimRecordRow[];
  /** Source records deleted in the system: their CIM records become tombstones. */
  deletions: ReadonlyArray<{ recordId: string; modstamp?: string | undefined }>;
  deadLetters: readonly DeadLetter[];
  events?: readonly OutboxEvent[];
  /** The cursor after this page; undefined keeps the stored one. */
  cursor?: Cursor | undefined;
}

export interface PageResult {
  /** Source rows inserted or changed. */
  sourceChanged: number;
  /** Source rows whose hash matched the stored one. */
  sourceUnchanged: number;
  cimInserted: number;
  cimUpdated: number;
  cimUnchanged: number;
  /** CIM records newly tombstoned. */
  cimDeleted: number;
  deadLettered: number;
}

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'paused';

export interface RunCounts {
  read: number;
  loaded: number;
  unchanged: number;
  deleted: number;
  deadLettered: number;
}

export interface RunStreamCounts extends RunCounts {
  system: string;
  stream: string;
}

export interface Run {
  id: string;
  startedAt: string;
  finishedAt?: string | undefined;
  status: RunStatus;
  /** What was asked: systems, streams, full or incremental. */
  request: Record<string, unknown>;
  counts: RunCounts;
  streams: RunStreamCounts[];
  error?: string | undefined;
}

export interface StoredCimRecord {
  entity: string;
  id: string;
  externalSourceId: string;
  externalRecordId: string;
  data: Record<string, unknown>;
  deleted: boolean;
  hash: string;
  sourceSystem: string;
  sourceStream: string;
  sourceRecordId: string;
  updatedAt: string;
}

export interface StoredSourceRecord extends SourceRecordRow {
  updatedAt: string;
}

export interface ListOptions {
  limit?: number;
  /** Keyset paging: return rows after this id. */
  after?: string;
  includeDeleted?: boolean;
}

export interface StoredOutboxEvent extends OutboxEvent {
  id: number;
  createdAt: string;
  /** Claims so far, this one included. */
  attempts: number;
  /** The error of the last failed delivery. */
  lastError?: string | undefined;
}

/** Options every backend accepts (see `openStore`). */
export interface StoreOptions {
  /** Clock for every timestamp the store writes and for outbox leases; tests pin it. Default: `new Date()`. */
  clock?: () => Date;
  /** Bound of a stored dead-letter payload, in UTF-8 bytes of its JSON (default 64 KiB). */
  deadLetterPayloadBytes?: number;
  /** PostgreSQL only: the schema to work in (set as search_path, created when missing). */
  schema?: string;
  /** PostgreSQL only: most connections in the pool (default 10). */
  maxConnections?: number;
}

/** Identity tables (migration 002): see `src/identity/store/types.ts`. */
export interface Store extends IdentityStore, IdentityBlockingStore, ApiStore, ProfileSearchStore, WriteBackStore, LeaseStore {
  readonly dialect: StoreDialect;
  /** Applies pending migrations; safe to call at every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  /** Writes one page atomically (see the invariants above). */
  commitPage(page: PageCommit): Promise<PageResult>;
  /** Hashes stored for these source ids (to skip unchanged rows before mapping). */
  sourceHashes(system: string, stream: string, recordIds: readonly string[]): Promise<Map<string, string>>;
  /** Ids of live (not deleted) source records of a stream, for delete reconciliation of full reads. */
  liveSourceIds(system: string, stream: string): AsyncIterable<string[]>;
  getSourceRecord(system: string, stream: string, recordId: string): Promise<StoredSourceRecord | undefined>;

  getCursor(system: string, stream: string): Promise<Cursor | undefined>;
  /** Forgets a stream's cursor (a `--full` sync). */
  resetCursor(system: string, stream: string): Promise<void>;

  getCimRecord(entity: string, externalSourceId: string, externalRecordId: string): Promise<StoredCimRecord | undefined>;
  getCimRecordById(id: string): Promise<StoredCimRecord | undefined>;
  listCimRecords(entity: string, options?: ListOptions): Promise<StoredCimRecord[]>;
  /** CIM records produced by one source record. */
  cimRecordsOfSource(system: string, stream: string, recordId: string): Promise<StoredCimRecord[]>;
  countCimRecords(entity?: string): Promise<Array<{ entity: string; live: number; deleted: number }>>;

  startRun(request: Record<string, unknown>): Promise<Run>;
  /** Adds to a stream's counts within a run (called once per page). */
  addRunCounts(runId: string, system: string, stream: string, counts: RunCounts): Promise<void>;
  finishRun(runId: string, status: Exclude<RunStatus, 'running'>, error?: string): Promise<Run>;
  getRun(runId: string): Promise<Run | undefined>;
  listRuns(options?: { limit?: number }): Promise<Run[]>;

  listDeadLetters(options?: { runId?: string; system?: string; stream?: string; limit?: number }): Promise<Array<DeadLetter & { id: number; createdAt: string }>>;

  /** Oldest undelivered events first; `claim` marks them in flight for `leaseSeconds`. */
  claimOutbox(limit: number, leaseSeconds: number): Promise<StoredOutboxEvent[]>;
  /** Marks events delivered; they are never claimed again. */
  ackOutbox(ids: readonly number[]): Promise<void>;
  /**
   * Records a failed delivery; the event becomes claimable again after `retryAfterSeconds` (default: backoff
   * doubling from 30 s per attempt, at most one hour).
   */
  failOutbox(id: number, error: string, retryAfterSeconds?: number): Promise<void>;
}
