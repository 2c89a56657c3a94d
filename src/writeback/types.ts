/**
 * What the store keeps of write-back: one row per record written (or refused) in a run, with the values sent and
 * the vendor's answer. `Store` extends `WriteBackStore`; both backends implement it with the shared Kysely
 * queries of `writeback-queries.ts`.
 *
 * @example
 * await store.recordWriteBackOutcomes([{ runId, system: 'crm', stream: 'Contact', recordId: '003…', key: '003…', outcome: 'updated', values: { Email: 'ada@example.com' } }]);
 * const page = await store.listWriteBackOutcomes({ runId, limit: 100 });
 */
import type { Generated } from 'kysely';

/** `failed`: the call itself failed (after its retries), so whether the vendor applied the row is unknown. */
export type WriteBackOutcomeKind = 'created' | 'updated' | 'rejected' | 'failed';

/** One written row as the run history keeps it. */
export interface WriteBackOutcome {
  runId: string;
  /** The configured system written to. */
  system: string;
  /** The object or table. */
  stream: string;
  /** The record's id in the system (the member record), when known. */
  recordId?: string | undefined;
  /** The unified profile the values came from. */
  unifiedId?: string | undefined;
  /** The key the row was written by (`Id` value, alternate key segment …). */
  key: string;
  outcome: WriteBackOutcomeKind;
  /** The field values sent. */
  values: Record<string, unknown>;
  /** The vendor's error code (status code, Web API code, HTTP status) when rejected or failed. */
  code?: string | undefined;
  /** The vendor's message when rejected or failed. */
  message?: string | undefined;
  /** The record's modstamp in the store before this write (survivorship ignores the modstamp the write moves). */
  previousModstamp?: string | undefined;
}

export interface StoredWriteBackOutcome extends WriteBackOutcome {
  id: number;
  at: string;
}

export interface WriteBackStore {
  /** Appends outcomes (one transaction). */
  recordWriteBackOutcomes(outcomes: readonly WriteBackOutcome[]): Promise<void>;
  /**
   * Outcomes in the order they were recorded, optionally of one run; keyset-paged by `after` (the last `id`
   * seen). Default limit 1000.
   */
  listWriteBackOutcomes(options?: { runId?: string; limit?: number; after?: number }): Promise<StoredWriteBackOutcome[]>;
  /**
   * The latest applied write (created or updated) of every record written back to, with the record's modstamp from
   * before it: what survivorship needs to tell Concord's own echoes from real changes.
   */
  writeBackEchoes(): Promise<WriteBackEcho[]>;
}

/** One record's latest applied write-back. */
export interface WriteBackEcho {
  system: string;
  stream: string;
  /** The record's id in the system. */
  recordId: string;
  /** When Concord wrote it. */
  at: string;
  previousModstamp?: string | undefined;
}

/** The table as Kysely sees it (migration 006). */
export interface WriteBackOutcomesTable {
  id: Generated<number | string>;
  run_id: string;
  system: string;
  stream: string;
  record_id: string | null;
  unified_id: string | null;
  key: string;
  outcome: string;
  field_values: unknown;
  code: string | null;
  message: string | null;
  at: string | Date;
  /** Migration 007. */
  previous_modstamp: string | null;
}
