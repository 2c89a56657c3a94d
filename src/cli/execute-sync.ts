/**
 * What `concord sync` and `concord demo` share: plan the streams, run them with progress bars, print the
 * summary (or JSON), and say which exit code the run deserves. `planConfiguredSync` and `runPlannedSync` are
 * the same steps without a terminal, for the scheduler of `concord serve`.
 */
import type { LoadedConfig } from '../config/load.js';
import { planSync, type PlanRequest, type SyncPlan } from '../pipeline/plan.js';
import { runSync, type RunReport, type RunSyncOptions } from '../pipeline/run-sync.js';
import { modelValidator, realPlanDeps } from '../pipeline/wiring.js';
import type { Store } from '../store/store.js';
import type { CommandContext } from './context.js';
import { EXIT } from './exit-codes.js';
import { openConfigStore } from './open-config-store.js';
import { createProgressView } from './progress.js';
import { renderRunReport } from './sync-report.js';
import { renderProfilesBlock, resolveAfterSync } from './resolve-after-sync.js';
import type { ResolveStoreSummary } from '../identity/resolve.js';
import { renderWriteBack, runWriteBack } from '../writeback/run-writeback.js';

export interface ExecuteSyncOptions {
  streams?: readonly string[] | undefined;
  full: boolean;
  json: boolean;
  /** Draw progress bars (when stderr is a terminal). */
  progress: boolean;
}

/**
 * The stream plans of concord.yaml for `request`, each with its mapper's reference records.
 *
 * @example
 * const planned = await planConfiguredSync(loaded, { streams: ['salesforce/Contact'], full: false }, process.env);
 */
export async function planConfiguredSync(loaded: LoadedConfig, request: PlanRequest, env: NodeJS.ProcessEnv): Promise<SyncPlan> {
  const deps = realPlanDeps(loaded.config, env);
  const planned = await planSync(loaded, request, deps);
  for (const plan of planned.plans) {
    const wired = deps.wired.get(`${plan.system}/${plan.stream}`);
    if (wired) {
      plan.referenceRecords = wired.referenceRecords;
      plan.isShared = wired.isShared;
    }
  }
  return planned;
}

/** Where a run reports its progress (progress bars in a terminal, nothing or a log in the server). */
export type SyncSink = Pick<RunSyncOptions, 'onStreamStart' | 'onProgress' | 'onStreamEnd'>;

/**
 * Runs planned streams into an open store with the configured page size and validation profile.
 *
 * @example
 * const report = await runPlannedSync(loaded, store, planned, { full: false, signal: controller.signal });
 */
export async function runPlannedSync(
  loaded: LoadedConfig,
  store: Store,
  planned: SyncPlan,
  options: { streams?: readonly string[] | undefined; full: boolean; signal?: AbortSignal | undefined; sink?: SyncSink | undefined },
): Promise<RunReport> {
  return runSync(store, planned.plans, planned.skipped, {
    pageSize: loaded.config.defaults.pageSize,
    validate: modelValidator(loaded.config.defaults.profile),
    request: { streams: options.streams ?? [], full: options.full, config: loaded.file ?? null },
    ...options.sink,
    signal: options.signal,
  });
}

export async function executeSync(loaded: LoadedConfig, options: ExecuteSyncOptions, ctx: CommandContext): Promise<{ report: RunReport; exitCode: number; identity?: ResolveStoreSummary | undefined }> {
  const planned = await planConfiguredSync(loaded, { streams: options.streams, full: options.full }, ctx.env);
  const store = await openConfigStore(loaded);
  const view = createProgressView(ctx.output, options.progress && !options.json);
  const controller = new AbortController();
  // Ctrl-C finishes the page in flight and stops cleanly; a second Ctrl-C exits at once.
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    ctx.output.err('\nstopping after the current page (Ctrl-C again to quit now) …');
  };
  process.on('SIGINT', onSigint);
  try {
    const report = await runPlannedSync(loaded, store, planned, {
      streams: options.streams,
      full: options.full,
      signal: controller.signal,
      sink: {
        onStreamStart: (plan) => view.start(`${plan.system}/${plan.stream}`, `${plan.system}/${plan.stream}`),
        onProgress: (progress) => view.update(`${progress.system}/${progress.stream}`, progress),
        onStreamEnd: (stream) => view.finish(`${stream.system}/${stream.stream}`),
      },
    });
    view.stop();
    // New and changed people into unified profiles, in the same run (incremental against the blocking index).
    const identity = await resolveAfterSync(loaded, store, report);
    if (options.json) ctx.output.out(JSON.stringify(identity ? { ...report, identity } : report, null, 2));
    else ctx.output.out(renderRunReport(report) + (identity ? `

${renderProfilesBlock(identity)}` : ''));
    // Last step, after identity resolution: golden values back to the systems, only after a complete sync.
    // A rule that could not run or rows whose call failed (quota, outage) make the run a failure: run again to retry.
    let writeBackIncomplete = false;
    if (report.status === 'succeeded' && loaded.config.writeBack.length > 0) {
      const writeBack = await runWriteBack(store, loaded.config, { runId: report.runId, env: ctx.env, baseDir: loaded.baseDir });
      for (const line of renderWriteBack(writeBack)) if (options.json) ctx.output.err(line); else ctx.output.out(line);
      writeBackIncomplete = writeBack.rules.some((r) => r.error !== undefined || r.failed > 0);
    }
    const exitCode = report.status !== 'succeeded' || writeBackIncomplete ? EXIT.failure : report.totals.deadLettered > 0 ? EXIT.deadLettered : EXIT.ok;
    return { report, exitCode, identity };
  } finally {
    view.stop();
    process.off('SIGINT', onSigint);
    await store.close();
  }
}
