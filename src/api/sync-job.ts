/**
 * The sync the scheduler runs: the same steps as `concord sync` without a terminal — plan and pipeline into
 * the server's open store, identity resolution of what changed (`identity.resolveOnSync`), then write-back
 * when configured. A sync stopped by shutdown is not followed by a resolution; the next one catches up.
 *
 * @example
 * const scheduler = createScheduler({ job: configuredSyncJob({ loaded, store, env, logger }) });
 */
import type { FastifyBaseLogger } from 'fastify';
import { planConfiguredSync, runPlannedSync } from '../cli/execute-sync.js';
import type { LoadedConfig } from '../config/load.js';
import { resolveAfterSync } from '../cli/resolve-after-sync.js';
import type { Store } from '../store/store.js';
import { runWriteBack } from '../writeback/run-writeback.js';
import type { SyncJob } from './scheduler.js';

export interface SyncJobDeps {
  loaded: LoadedConfig;
  store: Store;
  env: NodeJS.ProcessEnv;
  logger?: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'> | undefined;
}

export function configuredSyncJob(deps: SyncJobDeps): SyncJob {
  const { loaded, store, env, logger } = deps;
  return async (request, hooks) => {
    const full = request.full === true;
    const planned = await planConfiguredSync(loaded, { streams: request.streams, full }, env);
    // The run id is known once the pipeline records the run; tell the requester as soon as it is.
    const observed: Store = {
      ...store,
      async startRun(runRequest) {
        const run = await store.startRun({ ...runRequest, reason: request.reason });
        hooks.onRunStarted(run.id);
        return run;
      },
    };
    logger?.info({ reason: request.reason, streams: planned.plans.length, skipped: planned.skipped.length, full }, 'sync started');
    const report = await runPlannedSync(loaded, observed, planned, {
      streams: request.streams,
      full,
      signal: hooks.signal,
      sink: { onStreamEnd: (stream) => logger?.info({ system: stream.system, stream: stream.stream, counts: stream.counts, error: stream.error }, 'stream synced') },
    });
    logger?.info({ runId: report.runId, status: report.status, totals: report.totals, seconds: report.seconds }, 'sync finished');
    if (hooks.signal.aborted) return;
    // The same identity step as `concord sync` (identity.resolveOnSync, incremental).
    const resolved = await resolveAfterSync(loaded, store, report);
    if (resolved) logger?.info({ runId: report.runId, mode: resolved.mode, profiles: resolved.profiles, seconds: resolved.seconds }, 'identity resolved');
    // As `concord sync`: golden values go back to the systems only after a complete sync.
    if (report.status === 'succeeded' && loaded.config.writeBack.length > 0) {
      const writeBack = await runWriteBack(store, loaded.config, { runId: report.runId, env, baseDir: loaded.baseDir });
      logger?.info({ runId: report.runId, writeBack }, 'write-back finished');
    }
  };
}
