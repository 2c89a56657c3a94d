/**
 * Clusters from matched pairs: connected components (union–find), with always-match and never-match overrides.
 *
 * Overrides are pairs of record indices:
 * - always-match pairs are added as edges of infinite weight — they join their records and are never cut;
 * - never-match pairs are honoured by cutting: their own edge is dropped; if the two records are still connected
 *   through other records, the weakest edge on a shortest path between them is cut, and that repeats until they
 *   are apart (a greedy cut — it can cut more than a true minimum cut would, never fewer than needed). When
 *   only always-match edges connect them, the overrides contradict each other and an error says which.
 *
 * A cluster's id is the smallest record id in it (string order), as in Splink. That id can change when the
 * cluster gains a smaller member or splits; ids that persist across runs belong to the store, not to this
 * function.
 *
 * @example
 * const result = clusterPairs(ids, { left, right, weight, count }, { neverMatch: [[0, 7]] });
 * result.clusterOf[7]; // index of the cluster; result.clusterIds[7] → 'rec-12' (smallest id in it)
 */
import { ConcordError } from '../../core/errors.js';
import { UnionFind } from './union-find.js';

export interface Edges {
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Match weight (or probability): higher = stronger; the weakest edge on a path is cut first. */
  readonly weight: Float64Array;
  readonly count: number;
}

export interface ClusterOptions {
  readonly alwaysMatch?: readonly (readonly [number, number])[];
  readonly neverMatch?: readonly (readonly [number, number])[];
}

export interface ClusterResult {
  /** Dense cluster number per record (0 … clusters − 1, in order of first member). */
  readonly clusterOf: Int32Array;
  /** Cluster id per record: the smallest record id of its cluster. */
  readonly clusterIds: readonly string[];
  readonly clusters: number;
  /** Edges cut to honour never-match pairs: [left, right] record indices. */
  readonly cut: readonly (readonly [number, number])[];
}

/**
 * @example
 * clusterPairs(['a', 'b', 'c'], { left: Int32Array.of(0, 1), right: Int32Array.of(1, 2), weight: Float64Array.of(9, 2), count: 2 }, { neverMatch: [[0, 2]] });
 * // → clusterIds ['a', 'a', 'c'] (the weaker edge b–c was cut)
 */
export function clusterPairs(ids: readonly string[], edges: Edges, options: ClusterOptions = {}): ClusterResult {
  const n = ids.length;
  const always = options.alwaysMatch ?? [];
  const never = options.neverMatch ?? [];
  for (const [a, b] of [...always, ...never]) {
    checkIndex(a, n);
    checkIndex(b, n);
  }
  const neverKeys = new Set(never.map(([a, b]) => pairKey(a, b)));
  for (const [a, b] of always) {
    if (neverKeys.has(pairKey(a, b))) throw conflict(ids, a, b, 'the pair is both always-match and never-match');
  }
  // All edges, overrides included: matched edges minus never-match pairs, plus always-match edges.
  const total = edges.count + always.length;
  const left = new Int32Array(total);
  const right = new Int32Array(total);
  const weight = new Float64Array(total);
  const alive = new Uint8Array(total);
  for (let e = 0; e < edges.count; e++) {
    left[e] = edges.left[e]!;
    right[e] = edges.right[e]!;
    weight[e] = edges.weight[e]!;
    alive[e] = neverKeys.size > 0 && neverKeys.has(pairKey(left[e]!, right[e]!)) ? 0 : 1;
  }
  always.forEach(([a, b], k) => {
    left[edges.count + k] = a;
    right[edges.count + k] = b;
    weight[edges.count + k] = Infinity;
    alive[edges.count + k] = 1;
  });
  let sets = unite(n, left, right, alive, total);
  const cut: [number, number][] = [];
  const stillJoined = never.filter(([a, b]) => sets.find(a) === sets.find(b));
  if (stillJoined.length > 0) {
    cutApart(ids, stillJoined, sets, left, right, weight, alive, total, cut);
    sets = unite(n, left, right, alive, total);
  }
  return { ...labelClusters(ids, sets), cut };
}

function unite(n: number, left: Int32Array, right: Int32Array, alive: Uint8Array, total: number): UnionFind {
  const sets = new UnionFind(n);
  for (let e = 0; e < total; e++) if (alive[e]) sets.union(left[e]!, right[e]!);
  return sets;
}

/** Greedy cuts inside the components that hold a never-match pair; only those components' edges are loaded. */
function cutApart(ids: readonly string[], pairs: readonly (readonly [number, number])[], sets: UnionFind, left: Int32Array, right: Int32Array, weight: Float64Array, alive: Uint8Array, total: number, cut: [number, number][]): void {
  const roots = new Set(pairs.map(([a]) => sets.find(a)));
  const adjacency = new Map<number, number[]>();
  const link = (node: number, edge: number) => {
    const list = adjacency.get(node);
    if (list === undefined) adjacency.set(node, [edge]);
    else list.push(edge);
  };
  for (let e = 0; e < total; e++) {
    if (!alive[e] || !roots.has(sets.find(left[e]!))) continue;
    link(left[e]!, e);
    link(right[e]!, e);
  }
  for (const [a, b] of pairs) {
    for (;;) {
      const path = shortestPath(a, b, adjacency, left, right, alive);
      if (path === undefined) break;
      let weakest = -1;
      for (const e of path) if (weight[e]! !== Infinity && (weakest < 0 || weight[e]! < weight[weakest]!)) weakest = e;
      if (weakest < 0) throw conflict(ids, a, b, 'never-match, but always-match pairs join them');
      alive[weakest] = 0;
      cut.push([left[weakest]!, right[weakest]!]);
    }
  }
}

/** Breadth-first search over alive edges; the edge indices of one shortest path, or undefined. */
function shortestPath(from: number, to: number, adjacency: ReadonlyMap<number, number[]>, left: Int32Array, right: Int32Array, alive: Uint8Array): number[] | undefined {
  const via = new Map<number, number>([[from, -1]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    if (node === to) break;
    for (const e of adjacency.get(node) ?? []) {
      if (!alive[e]) continue;
      const next = left[e] === node ? right[e]! : left[e]!;
      if (via.has(next)) continue;
      via.set(next, e);
      queue.push(next);
    }
  }
  if (!via.has(to)) return undefined;
  const path: number[] = [];
  for (let node = to; node !== from; ) {
    const e = via.get(node)!;
    path.push(e);
    node = left[e] === node ? right[e]! : left[e]!;
  }
  return path;
}

function labelClusters(ids: readonly string[], sets: UnionFind): { clusterOf: Int32Array; clusterIds: string[]; clusters: number } {
  const n = ids.length;
  const clusterOf = new Int32Array(n);
  const numberOfRoot = new Int32Array(n).fill(-1);
  const smallest: string[] = [];
  for (let i = 0; i < n; i++) {
    const root = sets.find(i);
    let c = numberOfRoot[root]!;
    if (c < 0) {
      c = smallest.length;
      numberOfRoot[root] = c;
      smallest.push(ids[i]!);
    } else if (ids[i]! < smallest[c]!) {
      smallest[c] = ids[i]!;
    }
    clusterOf[i] = c;
  }
  const clusterIds = new Array<string>(n);
  for (let i = 0; i < n; i++) clusterIds[i] = smallest[clusterOf[i]!]!;
  return { clusterOf, clusterIds, clusters: smallest.length };
}

function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

function checkIndex(i: number, n: number): void {
  if (!Number.isInteger(i) || i < 0 || i >= n) throw new ConcordError('CLUSTER_OVERRIDE_INDEX', `override names record index ${i}, outside 0…${n - 1}`, { kind: 'usage' });
}

function conflict(ids: readonly string[], a: number, b: number, why: string): ConcordError {
  return new ConcordError('CLUSTER_OVERRIDE_CONFLICT', `overrides contradict each other for ${ids[a]} and ${ids[b]}: ${why}`, {
    kind: 'usage', context: { left: ids[a], right: ids[b] }, hint: 'remove one of the overrides',
  });
}
