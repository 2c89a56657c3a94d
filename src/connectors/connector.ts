/**
 * The `Connector` seam. Every connector folder (`salesforce-export/`, `cdm-folder/`, `files/`, later
 * `salesforce/`, `dataverse/`, `marketing-cloud/`) has the same files — `spec.ts` (config schema),
 * `source.ts` (check, discover, read), `destination.ts` (write, where the system accepts writes),
 * `mappings/` (to and from CIM) and `fixtures/` — and exports a `ConnectorDefinition`.
 */
import type { z } from 'zod';
import type { Cursor, SourceRecord } from '../store/store.js';

export interface StreamInfo {
  /** Stream name as the system has it: `Contact`, `contact`, `subscribers`. */
  name: string;
  /** Primary key field. */
  idField: string;
  /** Field used for incremental reads, when the stream has one. */
  modstampField?: string | undefined;
  fields: Array<{ name: string; type: string }>;
  /** Row count when known cheaply (for progress bars). */
  estimatedRows?: number | undefined;
}

/** One row that could not be read as a record; goes to dead letters, the read goes on. */
export interface ReadProblem {
  recordId?: string | undefined;
  line?: number | undefined;
  field?: string | undefined;
  code: string;
  reason: string;
  payload?: unknown;
}

/** A page of a stream: records and problems, and the cursor that resumes after this page. */
export interface Page {
  records: SourceRecord[];
  problems: ReadProblem[];
  /** Cursor after this page. Committed by the pipeline in the same transaction as the page's data. */
  cursor: Cursor;
  /**
   * True when this page belongs to a read that started at the beginning of the stream (not resumed from a
   * cursor mid-way), so that, once the read completes, rows not seen can be reconciled as deletions.
   */
  fullRead?: boolean | undefined;
  /** Progress: rows or bytes done / total, when known. */
  progress?: { done: number; total?: number | undefined; unit: 'rows' | 'bytes' } | undefined;
}

export interface ReadOptions {
  /** The stored cursor; undefined means a full read. */
  cursor: Cursor | undefined;
  pageSize: number;
  signal?: AbortSignal | undefined;
}

export interface CheckResult {
  ok: boolean;
  message: string;
}

export interface Source {
  /** `salesforce`, `dataverse`, … — the system kind whose mappings apply. */
  readonly mappingSystem: string;
  /** `externalSourceId` of CIM records read from this system (T10). */
  readonly externalSourceId: string;
  check(): Promise<CheckResult>;
  discover(): Promise<StreamInfo[]>;
  /**
   * Reads one stream in pages. A full read (no cursor) is complete: after it, live ids not seen are deletions,
   * which the pipeline reconciles when `fullReadReconciles` is true.
   */
  read(stream: string, options: ReadOptions): AsyncIterable<Page>;
  /** True when a full read returns every live row, so rows missing from it were deleted. */
  readonly fullReadReconciles: boolean;
}

export interface ConnectorContext {
  /** Directory that relative paths in the config are resolved against. */
  baseDir: string;
  env: NodeJS.ProcessEnv;
  /** The system's name in concord.yaml. */
  systemName: string;
}

export interface ConnectorDefinition<Spec extends z.ZodType = z.ZodType> {
  /** `type:` in concord.yaml. */
  type: string;
  description: string;
  spec: Spec;
  createSource(config: z.infer<Spec>, ctx: ConnectorContext): Source;
}
