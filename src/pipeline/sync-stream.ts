/**
 * Syncs one stream: extract → map → validate → load, page by page. Each page — its source rows, CIM records,
 * tombstones, dead letters and the cursor that resumes after it — is committed in one store transaction, so a
 * crash at any point resumes from the last committed page with nothing lost and nothing duplicated.
 *
 * Every row read is accounted for exactly once: loaded (new or changed, tombstones included), unchanged (same
 * content hash as stored) or dead-lettered (with stage, field and reason). Rows whose mapping or validation
 * fails are not stored as source rows, so the next run tries them again.
 */
import { contentHash } from '../core/ids.js';
import { toConcordError } from '../core/errors.js';
import type { Page } from '../connectors/connector.js';
import type { CimRecord } from '../model/record.js';
import type { CimRecordRow, DeadLetter, PageCommit, RunCounts, SourceRecord, SourceRecordRow, Store } from '../store/store.js';
import { SHARED_RECORD_ID, addCounts, emptyCounts, type MapIssue, type RecordValidator, type StreamPlan, type StreamProgress, type StreamReport, type WarningSummary } from './types.js';

export interface SyncStreamOptions {
  runId: string;
  pageSize: number;
  validate: RecordValidator;
  onProgress?: ((progress: StreamProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
  /** Distinct warning kinds kept per stream (each with a count and one example). */
  maxWarningKinds?: number;
}

const MAX_WARNING_KINDS = 200;

/** Hash of what a source row says: its fields and whether it is deleted. */
export function sourceHash(record: SourceRecord): string {
  return contentHash({ f: record.fields, d: record.deleted === true });
}

export async function syncStream(store: Store, plan: StreamPlan, options: SyncStreamOptions): Promise<StreamReport> {
  const started = performance.now();
  const { system, stream, source } = plan;
  const counts = emptyCounts();
  const warnings = new Map<string, WarningSummary>();
  const maxWarningKinds = options.maxWarningKinds ?? MAX_WARNING_KINDS;
  const cursor = plan.full ? undefined : await store.getCursor(system, stream);
  // Ids seen in a read from the start; what the store has live beyond them was deleted at the source.
  const seen = source.fullReadReconciles ? new Set<string>() : undefined;
  let fromStart = true;
  let completed = false;
  // A row that could not be read and has no id might still be live at the source: with one, a complete read
  // cannot tell what was deleted, so reconciliation waits for a clean read.
  let unidentifiedProblems = 0;
  let error: string | undefined;
  let errorKind: string | undefined;

  try {
    if (plan.referenceRecords && plan.referenceRecords.length > 0) {
      await store.commitPage({
        runId: options.runId,
        system,
        stream,
        sourceRecords: [],
        cimRecords: plan.referenceRecords.map((record) => toCimRow(record, system, stream, SHARED_RECORD_ID, undefined)),
        deletions: [],
        deadLetters: [],
      });
    }
    for await (const page of source.read(stream, { cursor, pageSize: options.pageSize, signal: options.signal })) {
      if (options.signal?.aborted) break;
      if (page.fullRead === false) fromStart = false;
      for (const problem of page.problems) {
        if (problem.recordId !== undefined) seen?.add(problem.recordId);
        else unidentifiedProblems++;
      }
      const pageCounts = await commitOnePage(store, plan, page, options, seen, (issue, record) => noteWarning(warnings, maxWarningKinds, issue, record));
      addCounts(counts, pageCounts);
      options.onProgress?.({
        system,
        stream,
        counts: { ...counts },
        done: page.progress?.done,
        total: page.progress?.total,
        unit: page.progress?.unit,
      });
    }
    completed = !options.signal?.aborted;
  } catch (caught) {
    const concordError = toConcordError(caught);
    error = concordError.toLine();
    errorKind = concordError.kind;
  }

  let reconciledDeletes = 0;
  let reconcileSkipped: string | undefined;
  if (completed && seen && fromStart && error === undefined && unidentifiedProblems > 0) {
    reconcileSkipped = `${unidentifiedProblems} row(s) could not be read with an id, so rows missing from this read were not tombstoned`;
  } else if (completed && seen && fromStart && error === undefined) {
    reconciledDeletes = await reconcileDeletes(store, options.runId, system, stream, seen);
    counts.deleted += reconciledDeletes;
    if (reconciledDeletes > 0) await store.addRunCounts(options.runId, system, stream, { ...emptyCounts(), deleted: reconciledDeletes });
  }
  return {
    system,
    stream,
    counts,
    warnings: [...warnings.values()].sort((a, b) => b.count - a.count),
    reconciledDeletes,
    reconcileSkipped,
    error,
    errorKind,
    seconds: (performance.now() - started) / 1000,
  };
}

async function commitOnePage(
  store: Store,
  plan: StreamPlan,
  page: Page,
  options: SyncStreamOptions,
  seen: Set<string> | undefined,
  warn: (issue: MapIssue, record: SourceRecord) => void,
): Promise<RunCounts> {
  const { system, stream } = plan;
  const counts = emptyCounts();
  const deadLetters: DeadLetter[] = [];
  const sourceRows: SourceRecordRow[] = [];
  const cimRows: CimRecordRow[] = [];
  const deletions: Array<{ recordId: string; modstamp?: string | undefined }> = [];

  counts.read = page.records.length + page.problems.length;
  for (const problem of page.problems) {
    deadLetters.push({
      runId: options.runId,
      system,
      stream,
      recordId: problem.recordId,
      line: problem.line,
      stage: 'extract',
      field: problem.field,
      code: problem.code,
      reason: problem.reason,
      payload: problem.payload,
    });
  }
  counts.deadLettered += page.problems.length;

  // A page may repeat a row (a duplicate inside one export): the last occurrence wins, earlier ones count as unchanged.
  const hashes = await store.sourceHashes(system, stream, page.records.map((r) => r.recordId));
  const lastIndex = new Map<string, number>();
  page.records.forEach((r, i) => lastIndex.set(r.recordId, i));

  page.records.forEach((record, index) => {
    seen?.add(record.recordId);
    if (lastIndex.get(record.recordId) !== index) {
      counts.unchanged++;
      return;
    }
    const hash = sourceHash(record);
    if (hashes.get(record.recordId) === hash) {
      counts.unchanged++;
      return;
    }
    const row: SourceRecordRow = { ...record, hash };
    if (record.deleted) {
      sourceRows.push(row);
      deletions.push({ recordId: record.recordId, modstamp: record.modstamp });
      counts.loaded++;
      counts.deleted++;
      return;
    }
    const mapped = mapAndValidate(plan, record, options.validate, warn);
    if (!mapped.ok) {
      deadLetters.push({ runId: options.runId, system, stream, recordId: record.recordId, line: record.line, payload: record.fields, ...mapped.letter });
      counts.deadLettered++;
      return;
    }
    sourceRows.push(row);
    for (const cim of mapped.records) {
      const owner = plan.isShared?.(cim) ? SHARED_RECORD_ID : record.recordId;
      cimRows.push(toCimRow(cim, system, stream, owner, record.modstamp));
    }
    counts.loaded++;
  });

  const commit: PageCommit = {
    runId: options.runId,
    system,
    stream,
    sourceRecords: sourceRows,
    cimRecords: cimRows,
    deletions,
    deadLetters,
    cursor: page.cursor,
  };
  await store.commitPage(commit);
  await store.addRunCounts(options.runId, system, stream, counts);
  return counts;
}

function toCimRow(record: CimRecord, system: string, stream: string, recordId: string, modstamp: string | undefined): CimRecordRow {
  return { record, id: String(record.data['id']), hash: contentHash(record.data), source: { system, stream, recordId }, modstamp };
}

type MapResult =
  | { ok: true; records: CimRecord[] }
  | { ok: false; letter: Pick<DeadLetter, 'stage' | 'entity' | 'field' | 'code' | 'reason'> };

function mapAndValidate(
  plan: StreamPlan,
  record: SourceRecord,
  validate: RecordValidator,
  warn: (issue: MapIssue, record: SourceRecord) => void,
): MapResult {
  let outcome: ReturnType<StreamPlan['mapper']>;
  try {
    outcome = plan.mapper(record);
  } catch (caught) {
    const e = toConcordError(caught, 'MAP_FAILED');
    return { ok: false, letter: { stage: 'map', code: e.code, reason: e.message, field: e.context.field } };
  }
  const errors = outcome.issues.filter((i) => i.severity === 'error');
  for (const issue of outcome.issues) if (issue.severity === 'warning') warn(issue, record);
  if (errors.length > 0) {
    const first = errors[0]!;
    const more = errors.length > 1 ? ` (+${errors.length - 1} more: ${errors.slice(1).map((e) => `${e.field}: ${e.code}`).join('; ')})` : '';
    return { ok: false, letter: { stage: 'map', entity: first.entity, field: first.field, code: first.code, reason: first.reason + more } };
  }
  for (const cim of outcome.records) {
    const problems = validate(cim);
    if (problems.length > 0) {
      const first = problems[0]!;
      const more = problems.length > 1 ? ` (+${problems.length - 1} more)` : '';
      return {
        ok: false,
        letter: { stage: 'validate', entity: first.entity, field: first.field, code: `INVALID_${first.rule.toUpperCase()}`, reason: first.message + more },
      };
    }
  }
  return { ok: true, records: outcome.records };
}

function noteWarning(warnings: Map<string, WarningSummary>, maxKinds: number, issue: MapIssue, record: SourceRecord): void {
  const key = `${issue.code}\u0000${issue.field}`;
  const existing = warnings.get(key);
  if (existing) {
    existing.count++;
    return;
  }
  if (warnings.size >= maxKinds) return;
  warnings.set(key, { code: issue.code, field: issue.field, count: 1, example: `record ${record.recordId}: ${issue.reason}` });
}

async function reconcileDeletes(store: Store, runId: string, system: string, stream: string, seen: Set<string>): Promise<number> {
  const missing: string[] = [];
  for await (const batch of store.liveSourceIds(system, stream)) {
    for (const id of batch) if (!seen.has(id)) missing.push(id);
  }
  const stamp = new Date().toISOString();
  for (let i = 0; i < missing.length; i += 1000) {
    const chunk = missing.slice(i, i + 1000);
    await store.commitPage({
      runId,
      system,
      stream,
      sourceRecords: [],
      cimRecords: [],
      deletions: chunk.map((recordId) => ({ recordId, modstamp: stamp })),
      deadLetters: [],
    });
  }
  return missing.length;
}
