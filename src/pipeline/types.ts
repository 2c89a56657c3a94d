/**
 * The pipeline's seams: what a stream sync needs (a source, a mapper, a validator, a store) and what it reports.
 * Mapping and validation are plain functions so the pipeline stays independent of how they are built.
 */
import type { CimRecord } from '../model/record.js';
import type { Source } from '../connectors/connector.js';
import type { RunCounts, SourceRecord } from '../store/store.js';

/** A problem found while mapping a row; `error` sends the row to dead letters, `warning` is reported. */
export interface MapIssue {
  severity: 'error' | 'warning';
  field: string;
  entity?: string | undefined;
  code: string;
  reason: string;
  value?: unknown;
}

export type RecordMapper = (record: SourceRecord) => { records: CimRecord[]; issues: MapIssue[] };

export interface ValidationProblem {
  entity: string;
  field: string;
  value?: unknown;
  rule: string;
  message: string;
}

/** Validates one CIM record against the model; returns the problems (empty when valid). */
export type RecordValidator = (record: CimRecord) => readonly ValidationProblem[];

export interface StreamPlan {
  /** System name from concord.yaml. */
  system: string;
  stream: string;
  source: Source;
  mapper: RecordMapper;
  /** Ignore the stored cursor and read everything. */
  full: boolean;
  /** Records the mapping points at whatever the rows say (reference data), loaded once at the stream's start. */
  referenceRecords?: readonly CimRecord[] | undefined;
  /**
   * True for records many rows share (reference data such as a LeadStatus value). They are stored under the
   * stream's shared pseudo-record, so no single row owns them and a row's change or deletion never tombstones them.
   */
  isShared?: ((record: CimRecord) => boolean) | undefined;
}

/** Source record id under which shared (reference-data) records are stored. */
export const SHARED_RECORD_ID = '#ref';

export interface StreamProgress {
  system: string;
  stream: string;
  counts: RunCounts;
  /** Units done / total (rows or bytes), when the connector knows. */
  done?: number | undefined;
  total?: number | undefined;
  unit?: 'rows' | 'bytes' | undefined;
}

/** Warnings are counted, not stored row by row: (code, field) → count and one example. */
export interface WarningSummary {
  code: string;
  field: string;
  count: number;
  example: string;
}

export interface StreamReport {
  system: string;
  stream: string;
  counts: RunCounts;
  warnings: WarningSummary[];
  /** Live records absent from a complete read, tombstoned. */
  reconciledDeletes: number;
  /** Why a complete read did not reconcile deletions (rows it could not identify), when it did not. */
  reconcileSkipped?: string | undefined;
  /** Why the stream did not run or stopped early, when it did. */
  error?: string | undefined;
  /** The kind of that error: `quota` pauses the run (resumable later), anything else fails it. */
  errorKind?: string | undefined;
  seconds: number;
}

export function emptyCounts(): RunCounts {
  return { read: 0, loaded: 0, unchanged: 0, deleted: 0, deadLettered: 0 };
}

export function addCounts(into: RunCounts, add: RunCounts): RunCounts {
  into.read += add.read;
  into.loaded += add.loaded;
  into.unchanged += add.unchanged;
  into.deleted += add.deleted;
  into.deadLettered += add.deadLettered;
  return into;
}

/** read = loaded + unchanged + dead-lettered: every row read is accounted for exactly once. */
export function countsBalance(counts: RunCounts): boolean {
  return counts.read === counts.loaded + counts.unchanged + counts.deadLettered;
}
