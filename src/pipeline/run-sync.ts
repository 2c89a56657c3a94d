/**
 * A run: one or more stream plans synced one after another into the store, recorded with per-stream counts.
 * The run ends `succeeded` when every stream finished (dead letters included), `failed` when one stopped early.
 */
import type { Store } from '../store/store.js';
import { closeAbandonedRuns, runOwner } from './abandoned-runs.js';
import { syncStream, type SyncStreamOptions } from './sync-stream.js';
import { addCounts, countsBalance, emptyCounts, type RecordValidator, type StreamPlan, type StreamProgress, type StreamReport } from './types.js';
import type { RunCounts } from '../store/store.js';

export interface RunSyncOptions {
  pageSize: number;
  validate: RecordValidator;
  /** What the user asked for, recorded with the run. */
  request: Record<string, unknown>;
  onStreamStart?: ((plan: StreamPlan) => void) | undefined;
  onProgress?: ((progress: StreamProgress) => void) | undefined;
  onStreamEnd?: ((report: StreamReport) => void) | undefined;
  signal?: AbortSignal | undefined;
}

export interface RunReport {
  runId: string;
  /** `paused`: a system's API quota ran low; its cursors are kept and the next run resumes. */
  status: 'succeeded' | 'failed' | 'paused';
  streams: StreamReport[];
  /** Streams that were not synced, with the reason (no mapping, disabled …). */
  skipped: Array<{ system: string; stream: string; reason: string }>;
  totals: RunCounts;
  /** read = loaded + unchanged + dead-lettered held for every stream and in total. */
  balanced: boolean;
  seconds: number;
}

export async function runSync(
  store: Store,
  plans: readonly StreamPlan[],
  skippedBefore: RunReport['skipped'],
  options: RunSyncOptions,
): Promise<RunReport> {
  const started = performance.now();
  const skipped = [...skippedBefore];
  // Close what a killed process left `running`, then record who owns this run so the next one can do the same.
  await closeAbandonedRuns(store);
  const run = await store.startRun({ ...options.request, owner: runOwner() });
  const reports: StreamReport[] = [];
  const totals = emptyCounts();
  const streamOptions: SyncStreamOptions = {
    runId: run.id,
    pageSize: options.pageSize,
    validate: options.validate,
    onProgress: options.onProgress,
    signal: options.signal,
  };
  let failure: string | undefined;
  let paused: string | undefined;
  const pausedSystems = new Set<string>();
  try {
    for (const plan of plans) {
      if (options.signal?.aborted) break;
      // A system out of quota is not asked again in this run; other systems go on.
      if (pausedSystems.has(plan.system)) {
        skipped.push({ system: plan.system, stream: plan.stream, reason: `paused: ${plan.system} is out of API quota; the next run resumes it` });
        continue;
      }
      options.onStreamStart?.(plan);
      const report = await syncStream(store, plan, streamOptions);
      reports.push(report);
      addCounts(totals, report.counts);
      options.onStreamEnd?.(report);
      if (report.error && report.errorKind === 'quota') {
        pausedSystems.add(plan.system);
        paused ??= `${plan.system}/${plan.stream}: ${report.error}`;
      } else if (report.error && failure === undefined) failure = `${plan.system}/${plan.stream}: ${report.error}`;
    }
  } catch (caught) {
    failure = caught instanceof Error ? caught.message : String(caught);
  }
  if (options.signal?.aborted && failure === undefined) failure = 'interrupted';
  const status = failure !== undefined ? 'failed' : paused !== undefined ? 'paused' : 'succeeded';
  await store.finishRun(run.id, status, failure ?? (paused === undefined ? undefined : `paused: quota — ${paused}`));
  return {
    runId: run.id,
    status,
    streams: reports,
    skipped,
    totals,
    balanced: countsBalance(totals) && reports.every((r) => countsBalance(r.counts)),
    seconds: (performance.now() - started) / 1000,
  };
}
