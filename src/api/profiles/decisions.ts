/**
 * Manual identity decisions from the API, with the same meaning as `concord profiles merge | split |
 * always-match | never-match`: a merge is an always-match between one member of each profile, a split is a
 * never-match between each record that leaves and every member that stays. The decisions are saved, then the
 * people are resolved again so the answer already shows the new clusters. Resolutions of one store run one at a
 * time in this process.
 *
 * @example
 * const pairs = await splitPairs(store, unifiedId, [recordId]);
 * const { decisions, resolve } = await decideAndResolve(store, 'never-match', pairs, { who: 'ops', resolve: { threshold: 0.9 } });
 */
import { ConcordError } from '../../core/errors.js';
import { resolvePersons, type ResolveStoreOptions, type ResolveStoreSummary } from '../../identity/resolve.js';
import type { DecisionKind, IdentityDecision } from '../../identity/store/types.js';
import type { Store } from '../../store/store.js';
import { requireProfile } from './profile-360.js';

export type RecordPair = readonly [string, string];

/** A record that belongs to a profile, or RECORD_NOT_IN_PROFILE (400). */
export async function requireMemberRecord(store: Store, recordId: string): Promise<string> {
  if (!(await store.profileOfRecord(recordId))) {
    throw new ConcordError('RECORD_NOT_IN_PROFILE', `record ${recordId} belongs to no profile`, { kind: 'usage', hint: 'use the Concord ids of a profile\'s members (GET /api/profiles/{unifiedId})' });
  }
  return recordId;
}

async function firstMember(store: Store, unifiedId: string): Promise<string> {
  const profile = await requireProfile(store, unifiedId);
  if (profile.status !== 'active') {
    throw new ConcordError('PROFILE_NOT_ACTIVE', `profile ${unifiedId} is ${profile.status}${profile.mergedInto ? ` into ${profile.mergedInto}` : ''}`, { kind: 'usage', hint: 'merge the profile it became instead' });
  }
  const member = (await store.profileMembers(unifiedId))[0];
  if (!member) throw new ConcordError('PROFILE_NOT_FOUND', `profile ${unifiedId} has no members`, { kind: 'usage' });
  return member.recordId;
}

/**
 * Always-match pairs that join profiles: the first member of the first profile with the first member of each
 * other one.
 *
 * @example
 * await mergePairs(store, ['u1', 'u2']); // [['rec-of-u1', 'rec-of-u2']]
 */
export async function mergePairs(store: Store, unifiedIds: readonly string[]): Promise<RecordPair[]> {
  const ids = [...new Set(unifiedIds)];
  if (ids.length < 2) throw new ConcordError('BAD_REQUEST', 'body.unifiedIds: give two different profiles to merge', { kind: 'usage', context: { field: 'unifiedIds' } });
  const [head, ...rest] = await Promise.all(ids.map((id) => firstMember(store, id)));
  return rest.map((r) => [head!, r] as const);
}

/**
 * Never-match pairs that take `recordIds` out of a profile: each leaving record against every member that stays.
 *
 * @example
 * await splitPairs(store, 'u1', ['r3']); // [['r3', 'r1'], ['r3', 'r2']]
 */
export async function splitPairs(store: Store, unifiedId: string, recordIds: readonly string[]): Promise<RecordPair[]> {
  await requireProfile(store, unifiedId);
  const members = (await store.profileMembers(unifiedId)).map((m) => m.recordId);
  const leaving = [...new Set(recordIds)];
  for (const id of leaving) {
    if (!members.includes(id)) throw new ConcordError('RECORD_NOT_IN_PROFILE', `record ${id} is not a member of ${unifiedId}`, { kind: 'usage', context: { field: 'recordIds' }, hint: 'list the members with GET /api/profiles/{unifiedId}' });
  }
  const staying = members.filter((m) => !leaving.includes(m));
  if (staying.length === 0) throw new ConcordError('BAD_REQUEST', 'body.recordIds: a split must leave at least one member in the profile', { kind: 'usage', context: { field: 'recordIds' } });
  return leaving.flatMap((l) => staying.map((s) => [l, s] as const));
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
    const decisions: IdentityDecision[] = [];
    for (const [recordA, recordB] of pairs) decisions.push(await store.addIdentityDecision({ kind, recordA, recordB, who: options.who, reason: options.reason }));
    const resolve = await resolvePersons(store, options.resolve);
    return { decisions, resolve };
  });
}
