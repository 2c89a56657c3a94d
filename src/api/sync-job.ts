/**
 * The sync the scheduler runs: the same plan and pipeline as `concord sync` (without a terminal), into the
 * server's open store, then identity resolution over what it loaded, as `concord demo` and `concord resolve`
 * do, then write-back when configured, as `concord sync` does. A sync stopped by shutdown is not followed by a resolution; the next one catches up.
 *
 * @example
 * const scheduler = createScheduler({ job: configuredSyncJob({ loaded, store, env, logger }) });
 */
import type { FastifyBaseLogger } from 'fastify';
import { planConfiguredSync, runPlannedSync } from '../cli/execute-sync.js';
import type { LoadedConfig } from '../config/load.js';
import { resolvePersons } from '../identity/resolve.js';
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
    const { identity, defaults } = loaded.config;
    const resolved = await resolvePersons(store, { run: report.runId, threshold: identity.threshold, sourcePriority: identity.sourcePriority, region: defaults.region });
    logger?.info({ runId: report.runId, profiles: resolved.profiles, seconds: resolved.seconds }, 'identity resolved');
    // As `concord sync`: golden values go back to the systems only after a complete sync.
    if (report.status === 'succeeded' && loaded.config.writeBack.length > 0) {
      const writeBack = await runWriteBack(store, loaded.config, { runId: report.runId, env, baseDir: loaded.baseDir });
      logger?.info({ runId: report.runId, writeBack }, 'write-back finished');
    }
  };
}
