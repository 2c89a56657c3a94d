/**
 * Manual identity decisions from the API, with the same meaning as `concord profiles merge | split |
 * always-match | never-match` (the pairs come from identity/store/decision-pairs.ts). The decisions are saved, then the
 * people are resolved again so the answer already shows the new clusters. Resolutions of one store run one at a
 * time in this process.
 *
 * @example
 * const pairs = await mergePairs(store, [unifiedIdA, unifiedIdB]);
 * const { decisions, resolve } = await decideAndResolve(store, 'always-match', pairs, { who: 'ops', resolve: { threshold: 0.9 } });
 * await splitAndResolve(store, unifiedId, [recordId], { who: 'ops', resolve: { threshold: 0.9 } });
 */
import { ConcordError } from '../../core/errors.js';
import { resolvePersons, type ResolveStoreOptions, type ResolveStoreSummary } from '../../identity/resolve.js';
import type { DecisionKind, IdentityDecision } from '../../identity/store/types.js';
import type { Store } from '../../store/store.js';

export { mergePairs, type RecordPair } from '../../identity/store/decision-pairs.js';
import { saveDecisions, type RecordPair } from '../../identity/store/decision-pairs.js';
import { joinPieces, keptReason, planSplit, splitBatches, unjoinedPieces } from './split.js';

/** A record that belongs to a profile, or RECORD_NOT_IN_PROFILE (400). */
export async function requireMemberRecord(store: Store, recordId: string): Promise<string> {
  if (!(await store.profileOfRecord(recordId))) {
    throw new ConcordError('RECORD_NOT_IN_PROFILE', `record ${recordId} belongs to no profile`, { kind: 'usage', hint: 'use the Concord ids of a profile\'s members (GET /api/profiles/{unifiedId})' });
  }
  return recordId;
}

const running = new WeakMap<Store, Promise<unknown>>();

/** Runs `task` after every earlier one of the same store (one resolution at a time). */
export function serialized<T>(store: Store, task: () => Promise<T>): Promise<T> {
  const previous = running.get(store) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(task);
  running.set(store, next);
  return next;
}

export interface DecideOptions {
  who: string;
  reason?: string | undefined;
  /** Options of the resolution that applies the decisions (threshold, region, source priority from the config). */
  resolve: ResolveStoreOptions;
  /** True while a sync runs (it resolves people itself): the decision waits for it to end. */
  syncBusy?: (() => boolean) | undefined;
  /** How long to wait for a running sync before answering SYNC_RUNNING (default 60 s). */
  waitMs?: number | undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits while a sync runs; SYNC_RUNNING (409) when it does not end within `waitMs`. */
async function whenNoSync(busy: (() => boolean) | undefined, waitMs: number): Promise<void> {
  const until = Date.now() + waitMs;
  while (busy?.() === true) {
    if (Date.now() >= until) {
      throw new ConcordError('SYNC_RUNNING', 'a sync is running and resolves people itself; nothing was saved', { kind: 'transient', hint: 'send the decision again when the run has finished (GET /api/runs)' });
    }
    await sleep(Math.min(250, Math.max(1, until - Date.now())));
  }
}

/**
 * Saves one decision per pair, then resolves again; both inside the store's queue, and after any running sync
 * (whose own resolution would otherwise race this one).
 */
export async function decideAndResolve(store: Store, kind: DecisionKind, pairs: readonly RecordPair[], options: DecideOptions): Promise<{ decisions: IdentityDecision[]; resolve: ResolveStoreSummary }> {
  return serialized(store, async () => {
    await whenNoSync(options.syncBusy, options.waitMs ?? 60_000);
    const decisions = await saveDecisions(store, [{ kind, pairs, reason: options.reason }], options.who);
    const resolve = await resolvePersons(store, options.resolve);
    return { decisions, resolve };
  });
}

export interface SplitOptions extends DecideOptions {
  /** Keep the members that stay one profile (default true); false lets them fall apart where the leaving records joined them. */
  keepTogether?: boolean | undefined;
}

/**
 * Takes `recordIds` out of a profile (see split.ts) and resolves again. The pairs that keep the others together
 * are planned before the resolution; when the resolution still leaves them in several profiles (blocking or a
 * guard kept apart what the model links), the pieces are joined and resolved once more.
 */
export async function splitAndResolve(store: Store, unifiedId: string, recordIds: readonly string[], options: SplitOptions): Promise<{ decisions: IdentityDecision[]; resolve: ResolveStoreSummary }> {
  return serialized(store, async () => {
    await whenNoSync(options.syncBusy, options.waitMs ?? 60_000);
    const plan = await planSplit(store, unifiedId, recordIds, { threshold: options.resolve.threshold, region: options.resolve.region, keepTogether: options.keepTogether });
    const decisions = await saveDecisions(store, splitBatches(plan, unifiedId, options.reason), options.who);
    let resolve = await resolvePersons(store, options.resolve);
    const pieces = options.keepTogether === false ? undefined : await unjoinedPieces(store, unifiedId, plan.staying);
    if (pieces) {
      decisions.push(...(await saveDecisions(store, [{ kind: 'always-match', pairs: joinPieces(pieces), reason: keptReason(plan.leaving, unifiedId) }], options.who)));
      resolve = await resolvePersons(store, options.resolve);
    }
    return { decisions, resolve };
  });
}
