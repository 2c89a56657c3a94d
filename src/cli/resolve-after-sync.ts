/**
 * The identity step of a sync: when `identity.resolveOnSync` is on (the default) and the run loaded or deleted
 * records, the new and changed people (then the organisations, when anything they depend on changed) are resolved into unified profiles against the persistent blocking index,
 * with the run's id in the profiles' history. The first time (no index yet) that is a full resolve.
 *
 * @example
 * const identity = await resolveAfterSync(loaded, store, report);
 * if (identity) output.out(renderProfilesBlock(identity));
 */
import type { LoadedConfig } from '../config/load.js';
import { resolvePersons, type ResolveStoreOptions, type ResolveStoreSummary } from '../identity/resolve.js';
import type { RunReport } from '../pipeline/run-sync.js';
import type { Store } from '../store/store.js';

/** Resolves after a sync that changed something, unless the config turns it off; undefined when skipped. */
export async function resolveAfterSync(loaded: LoadedConfig, store: Store, report: RunReport, extra: Pick<ResolveStoreOptions, 'truth'> = {}): Promise<ResolveStoreSummary | undefined> {
  const { identity, defaults } = loaded.config;
  if (!identity.resolveOnSync || report.status === 'failed') return undefined;
  if (report.totals.loaded + report.totals.deleted === 0) return undefined;
  return resolvePersons(store, {
    run: report.runId, threshold: identity.threshold, sourcePriority: identity.sourcePriority, survivorship: identity.survivorship, region: defaults.region, ...extra,
  });
}

const n = (value: number): string => value.toLocaleString('en-US');

/**
 * The short "profiles:" block under the sync summary.
 *
 * @example
 * renderProfilesBlock(summary);
 * // profiles: 1,113 active — 12 created, 3 grew, 1 merged, 0 split, 0 moved, 0 retired
 * //   from 40 changed person records (incremental, 52 re-clustered, 0.4s)
 * // organisation profiles: 310 active — 0 created, 0 grew, 0 merged, 0 split, 0 moved, 0 retired
 * //   nothing they depend on changed
 */
export function renderProfilesBlock(s: ResolveStoreSummary): string {
  const lines = [
    `profiles: ${counts(s)}`,
    `  from ${n(s.changed)} changed person record${s.changed === 1 ? '' : 's'} (${s.mode}, ${n(s.records)} re-clustered${s.trained ? ', model trained' : ''}, ${s.seconds.toFixed(1)}s)`,
  ];
  const o = s.organizations;
  // A store without organisations (people-only sources) gets no organisation lines.
  if (o && (o.records > 0 || o.profiles.active > 0 || o.profiles.retired > 0)) {
    // Organisations are re-resolved in full whenever anything they depend on changed, else skipped.
    lines.push(`organisation profiles: ${counts(o)}`);
    lines.push(o.records === 0 ? '  nothing they depend on changed' : `  ${n(o.records)} organisation records resolved (${o.mode}${o.trained ? ', model trained' : ''}, ${o.seconds.toFixed(1)}s)`);
  }
  return lines.join('\n');
}

function counts(s: ResolveStoreSummary): string {
  const p = s.profiles;
  return `${n(p.active)} active — ${n(p.created)} created, ${n(p.grew)} grew, ${n(p.merged)} merged, ${n(p.split)} split, ${n(p.moved)} moved, ${n(p.retired)} retired`;
}
