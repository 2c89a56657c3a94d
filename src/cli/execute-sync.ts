/**
 * What `concord sync` and `concord demo` share: plan the streams, run them with progress bars, print the
 * summary (or JSON), and say which exit code the run deserves.
 */
import type { LoadedConfig } from '../config/load.js';
import { planSync } from '../pipeline/plan.js';
import { runSync, type RunReport } from '../pipeline/run-sync.js';
import { modelValidator, realPlanDeps } from '../pipeline/wiring.js';
import type { CommandContext } from './context.js';
import { EXIT } from './exit-codes.js';
import { openConfigStore } from './open-config-store.js';
import { createProgressView } from './progress.js';
import { renderRunReport } from './sync-report.js';
import { renderWriteBack, runWriteBack } from '../writeback/run-writeback.js';

export interface ExecuteSyncOptions {
  streams?: readonly string[] | undefined;
  full: boolean;
  json: boolean;
  /** Draw progress bars (when stderr is a terminal). */
  progress: boolean;
}

export async function executeSync(loaded: LoadedConfig, options: ExecuteSyncOptions, ctx: CommandContext): Promise<{ report: RunReport; exitCode: number }> {
  const deps = realPlanDeps(loaded.config, ctx.env);
  const { plans, skipped } = await planSync(loaded, { streams: options.streams, full: options.full }, deps);
  for (const plan of plans) {
    const wired = deps.wired.get(`${plan.system}/${plan.stream}`);
    if (wired) {
      plan.referenceRecords = wired.referenceRecords;
      plan.isShared = wired.isShared;
    }
  }
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
    const report = await runSync(store, plans, skipped, {
      pageSize: loaded.config.defaults.pageSize,
      validate: modelValidator(loaded.config.defaults.profile),
      request: { streams: options.streams ?? [], full: options.full, config: loaded.file ?? null },
      onStreamStart: (plan) => view.start(`${plan.system}/${plan.stream}`, `${plan.system}/${plan.stream}`),
      onProgress: (progress) => view.update(`${progress.system}/${progress.stream}`, progress),
      onStreamEnd: (stream) => view.finish(`${stream.system}/${stream.stream}`),
      signal: controller.signal,
    });
    view.stop();
    if (options.json) ctx.output.out(JSON.stringify(report, null, 2));
    else ctx.output.out(renderRunReport(report));
    // Last step, after identity resolution: golden values back to the systems, only after a complete sync.
    if (report.status === 'succeeded' && loaded.config.writeBack.length > 0) {
      const writeBack = await runWriteBack(store, loaded.config, { runId: report.runId, env: ctx.env, baseDir: loaded.baseDir });
      for (const line of renderWriteBack(writeBack)) if (options.json) ctx.output.err(line); else ctx.output.out(line);
    }
    const exitCode = report.status !== 'succeeded' ? EXIT.failure : report.totals.deadLettered > 0 ? EXIT.deadLettered : EXIT.ok;
    return { report, exitCode };
  } finally {
    view.stop();
    process.off('SIGINT', onSigint);
    await store.close();
  }
}
