/**
 * Runs whose process died (kill -9, power loss) stay `running` in the store forever unless someone closes them.
 * Their data is exact — every page was committed with its cursor, and the next run resumes — but the history
 * would lie. Each run records its owner (host and pid); before a new run starts, runs owned by a process of
 * this host that no longer exists are closed as failed with a reason that says what happened. Runs of other
 * hosts (PostgreSQL with workers on several machines) cannot be checked from here and are left alone.
 *
 * @example
 * const request = { ...asked, owner: runOwner() };
 * await closeAbandonedRuns(store, { host: hostname(), alive: processAlive });
 */
import { hostname } from 'node:os';
import { processAlive } from '../core/process-alive.js';
import type { Run, Store } from '../store/store.js';

export { processAlive };

export interface RunOwner {
  host: string;
  pid: number;
}

/** Who is running this process's runs. */
export function runOwner(): RunOwner {
  return { host: hostname(), pid: process.pid };
}

function ownerOf(run: Run): RunOwner | undefined {
  const owner = run.request['owner'];
  if (typeof owner !== 'object' || owner === null) return undefined;
  const { host, pid } = owner as Record<string, unknown>;
  return typeof host === 'string' && typeof pid === 'number' ? { host, pid } : undefined;
}

/** Pure: is this run still marked running although its owner on `host` is gone? */
export function isAbandoned(run: Run, host: string, alive: (pid: number) => boolean): boolean {
  if (run.status !== 'running') return false;
  const owner = ownerOf(run);
  return owner !== undefined && owner.host === host && owner.pid !== process.pid && !alive(owner.pid);
}

/** The message an abandoned run is closed with. */
export function abandonedReason(run: Run): string {
  const owner = ownerOf(run);
  return `interrupted: the process (pid ${owner?.pid ?? '?'} on ${owner?.host ?? '?'}) ended without finishing this run; ` +
    'every page it committed is kept and the next run resumed from its cursors';
}

/** Closes this host's abandoned runs among the most recent `scan` runs; returns their ids. */
export async function closeAbandonedRuns(
  store: Store,
  options: { host?: string; alive?: (pid: number) => boolean; scan?: number } = {},
): Promise<string[]> {
  const host = options.host ?? hostname();
  const alive = options.alive ?? processAlive;
  const closed: string[] = [];
  for (const run of await store.listRuns({ limit: options.scan ?? 200 })) {
    if (!isAbandoned(run, host, alive)) continue;
    await store.finishRun(run.id, 'failed', abandonedReason(run));
    closed.push(run.id);
  }
  return closed;
}
