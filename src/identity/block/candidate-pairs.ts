/**
 * Candidate pairs from unioned blocking rules, streamed in chunks. Records are addressed by index; per rule a
 * block is a run of indices in one Int32Array (a counting sort by key id), so no pair objects and no per-block
 * arrays exist. A pair is emitted once: by the first rule that produces it — a later rule skips a pair when an
 * earlier rule's key ids of the two records are equal (two Int32Array reads per earlier rule).
 *
 * Blocks above `maxBlockSize` records are dropped with a warning naming the rule, the key value and the size:
 * a key shared by thousands of records (a default postcode, a shared office phone) would otherwise produce
 * millions of useless pairs — the reason Segment and RudderStack cap identifiers.
 *
 * @example
 * const index = buildBlockIndex(records, rules, { mode: 'dedupe' });
 * const stats = forEachCandidateChunk(index, (left, right, count) => { for (let k = 0; k < count; k++) score(left[k]!, right[k]!); });
 * stats.pairs; stats.warnings; // [{ rule: 'email', key: 'info@acme.com', records: 4120, cap: 1000 }]
 */
import { ConcordError } from '../../core/errors.js';
import type { IdentityRecord } from '../types.js';
import { blockingHash, blockingKey, DEFAULT_BLOCKING_PLACEHOLDERS, placeholderSet, type BlockingRule } from './rules.js';

export type BlockingMode = 'dedupe' | 'link';

export interface BlockingOptions {
  /** `dedupe`: every pair within a block; `link`: only pairs whose records sit on different sides. */
  readonly mode: BlockingMode;
  /** Link mode: side (0 or 1) of each record, by index. Defaults to the record's `source` (first seen = 0). */
  readonly sides?: Uint8Array;
  /** Records per key value above which the block is dropped (default 1,000). */
  readonly maxBlockSize?: number;
  /** Values that never block (default `DEFAULT_BLOCKING_PLACEHOLDERS`). */
  readonly placeholders?: readonly string[];
  /** Pairs per chunk handed to the consumer (default 65,536). */
  readonly chunkSize?: number;
  /**
   * Per rule (by index), key hashes that never block, as if their block were capped — for a run over part of
   * the records whose caps were counted over all of them (incremental resolution).
   */
  readonly excludedKeys?: ReadonlyArray<ReadonlySet<number> | undefined>;
  /**
   * Called with each record, in index order, in the pass that reads every record's keys — so another per-record
   * job (packing the compared features) reads the record while it is in cache.
   */
  readonly visit?: (record: IdentityRecord, index: number) => void;
}

export interface BlockWarning {
  readonly rule: string;
  readonly key: string;
  readonly records: number;
  readonly cap: number;
}

export interface RuleStats {
  readonly name: string;
  /** Pairs this rule emitted (not produced by an earlier rule). */
  pairs: number;
  /** Blocks with at least two records (link: at least one per side). */
  blocks: number;
  cappedBlocks: number;
}

export interface BlockingStats {
  readonly records: number;
  pairs: number;
  readonly perRule: RuleStats[];
  readonly warnings: BlockWarning[];
}

/** Per rule: the records grouped by key id (each record's key id sits in `BlockIndex.keyIds`). */
interface RuleIndex {
  readonly rule: BlockingRule;
  /** Start of each key id's run in `members`; length keys + 1. */
  readonly offsets: Int32Array;
  readonly members: Int32Array;
}

export interface BlockIndex {
  readonly size: number;
  readonly mode: BlockingMode;
  readonly sides: Uint8Array | undefined;
  readonly rules: readonly RuleIndex[];
  /**
   * Key id of record i under rule r at `i * rules.length + r` (-1 = no key or capped block). Record-major: the
   * "did an earlier rule produce this pair" check reads every earlier rule's key id of a record from one or two
   * cache lines, where one array per rule cost two cache misses per earlier rule at a million records.
   */
  readonly keyIds: Int32Array;
  readonly warnings: readonly BlockWarning[];
  readonly chunkSize: number;
}

/**
 * Groups records by each rule's key (by its 31-bit hash — see `blockingHash`). Memory: two Int32Arrays of the
 * record count per rule (key ids and members), plus a hash → key id table (two Int32Arrays) while building.
 *
 * @example
 * buildBlockIndex(records, [{ name: 'email', parts: ['email'] }], { mode: 'dedupe', maxBlockSize: 500 });
 */
export function buildBlockIndex(records: readonly IdentityRecord[], rules: readonly BlockingRule[], options: BlockingOptions): BlockIndex {
  if (rules.length === 0) throw new ConcordError('BLOCKING_NO_RULES', 'at least one blocking rule is needed', { kind: 'usage', hint: 'pass e.g. [{ name: "email", parts: ["email"] }]' });
  const cap = options.maxBlockSize ?? 1000;
  if (!(cap >= 2)) throw new ConcordError('BLOCKING_CAP_INVALID', `maxBlockSize must be at least 2, got ${cap}`, { kind: 'usage' });
  const placeholders = placeholderSet(options.placeholders ?? DEFAULT_BLOCKING_PLACEHOLDERS);
  const sides = options.mode === 'link' ? (options.sides ?? sidesFromSource(records)) : undefined;
  const warnings: BlockWarning[] = [];
  // One pass over the records computes every rule's key hash into `keyIds` (record-major), which each rule then
  // turns into key ids in place. Rule by rule over the records was fourteen sweeps of a heap of a million
  // records, nearly every feature read a cache miss; this is one sweep, and the rules read only typed arrays.
  const stride = rules.length;
  const keyIds = new Int32Array(records.length * stride);
  const visit = options.visit;
  for (let i = 0, x = 0; i < records.length; i++) {
    const record = records[i]!;
    if (visit !== undefined) visit(record, i);
    for (let r = 0; r < stride; r++, x++) keyIds[x] = blockingHash(record, rules[r]!, placeholders);
  }
  const scratch = indexScratch(records.length);
  const ruleIndexes = rules.map((rule, r) => indexRule(records, rule, placeholders, cap, warnings, options.excludedKeys?.[r], keyIds, r, rules.length, scratch));
  return { size: records.length, mode: options.mode, sides, rules: ruleIndexes, keyIds, warnings, chunkSize: options.chunkSize ?? 65_536 };
}

function sidesFromSource(records: readonly IdentityRecord[]): Uint8Array {
  const sides = new Uint8Array(records.length);
  const first = records[0]?.source;
  for (let i = 0; i < records.length; i++) {
    const source = records[i]!.source;
    if (source === undefined) throw new ConcordError('BLOCKING_LINK_NO_SOURCE', `record ${records[i]!.id} has no source; link mode needs two sources`, { kind: 'usage', context: { recordId: records[i]!.id } });
    sides[i] = source === first ? 0 : 1;
  }
  return sides;
}

/**
 * Working arrays every rule of one index reuses. Allocated per rule they were ~36 MB of ArrayBuffers a rule at a
 * million records, and that much new external memory starts a full GC over a heap holding the records (measured
 * at a third of the block-index time).
 */
interface IndexScratch {
  /** Hash → key id table (open addressing, linear probing): hash per slot, -1 = empty. */
  readonly slotHash: Int32Array;
  readonly slotId: Int32Array;
  /** First record of each key id. */
  readonly firstRecord: Int32Array;
  /** Records per key id, then each key id's next free position in `members`. */
  readonly counts: Int32Array;
}

function indexScratch(n: number): IndexScratch {
  let capacity = 1024;
  while (capacity < n * 2) capacity *= 2;
  return { slotHash: new Int32Array(capacity), slotId: new Int32Array(capacity), firstRecord: new Int32Array(n), counts: new Int32Array(n) };
}

/** Turns rule `r`'s key hashes (`keyIds[i * stride + r]`, -1 = none) into key ids and groups the records by them. */
function indexRule(
  records: readonly IdentityRecord[], rule: BlockingRule, placeholders: ReadonlySet<string>, cap: number, warnings: BlockWarning[],
  excluded: ReadonlySet<number> | undefined, keyIds: Int32Array, r: number, stride: number, scratch: IndexScratch,
): RuleIndex {
  const n = records.length;
  // Hash → key id in an open-addressing table of two Int32Arrays (linear probing): a Map of a million
  // entries would put a million objects on a heap that already holds the records, and every major GC walks them.
  const { slotHash, slotId, firstRecord } = scratch;
  const mask = slotHash.length - 1;
  slotHash.fill(-1);
  let keyCount = 0;
  for (let i = 0; i < n; i++) {
    const hash = keyIds[i * stride + r]!;
    if (hash < 0) continue;
    if (excluded?.has(hash)) {
      keyIds[i * stride + r] = -1;
      continue;
    }
    let slot = Math.imul(hash, 0x9e3779b1) & mask;
    while (slotHash[slot] !== -1 && slotHash[slot] !== hash) slot = (slot + 1) & mask;
    if (slotHash[slot] === -1) {
      slotHash[slot] = hash;
      slotId[slot] = keyCount;
      firstRecord[keyCount++] = i;
    }
    keyIds[i * stride + r] = slotId[slot]!;
  }
  const warningsBefore = warnings.length;
  const counts = scratch.counts;
  counts.fill(0, 0, keyCount);
  for (let i = 0, x = r; i < n; i++, x += stride) if (keyIds[x]! >= 0) counts[keyIds[x]!]!++;
  for (let k = 0; k < keyCount; k++) {
    if (counts[k]! > cap) {
      const key = blockingKey(records[firstRecord[k]!]!, rule, placeholders) ?? '';
      warnings.push({ rule: rule.name, key: key.replaceAll('\u001f', ' + '), records: counts[k]!, cap });
      counts[k] = 0;
    }
  }
  // Capped blocks lose their key: those records are then in no block of this rule, and the
  // "earlier rule already produced it" check stays exact.
  if (warnings.length > warningsBefore) for (let x = r; x < n * stride; x += stride) if (keyIds[x]! >= 0 && counts[keyIds[x]!] === 0) keyIds[x] = -1;
  const offsets = new Int32Array(keyCount + 1);
  for (let k = 0; k < keyCount; k++) offsets[k + 1] = offsets[k]! + counts[k]!;
  const members = new Int32Array(offsets[keyCount]!);
  const fill = counts;
  fill.set(offsets.subarray(0, keyCount));
  for (let i = 0, x = r; i < n; i++, x += stride) {
    const k = keyIds[x]!;
    if (k >= 0) members[fill[k]!++] = i;
  }
  return { rule, offsets, members };
}

/**
 * Streams every candidate pair once, in chunks: `onChunk(left, right, count)` gets record indices (left < right
 * in dedupe mode; left on side 0 in link mode). The arrays are reused after the call returns — copy what you keep.
 *
 * @example
 * forEachCandidateChunk(index, (left, right, count) => total += count);
 */
export function forEachCandidateChunk(index: BlockIndex, onChunk: (left: Int32Array, right: Int32Array, count: number) => void): BlockingStats {
  const left = new Int32Array(index.chunkSize);
  const right = new Int32Array(index.chunkSize);
  let fill = 0;
  const stats: BlockingStats = { records: index.size, pairs: 0, perRule: [], warnings: [...index.warnings] };
  const sides = index.sides;
  const keyIds = index.keyIds;
  const stride = index.rules.length;
  for (let r = 0; r < index.rules.length; r++) {
    const { rule, offsets, members } = index.rules[r]!;
    const ruleStats: RuleStats = { name: rule.name, pairs: 0, blocks: 0, cappedBlocks: index.warnings.filter((w) => w.rule === rule.name).length };
    stats.perRule.push(ruleStats);
    const blockCount = offsets.length - 1;
    for (let k = 0; k < blockCount; k++) {
      const start = offsets[k]!;
      const end = offsets[k + 1]!;
      if (end - start < 2) continue;
      const emittedBefore = ruleStats.pairs;
      for (let x = start; x < end; x++) {
        const a = members[x]!;
        for (let y = x + 1; y < end; y++) {
          const b = members[y]!;
          let l = a;
          let rr = b;
          if (sides !== undefined) {
            if (sides[a] === sides[b]) continue;
            if (sides[a] === 1) { l = b; rr = a; }
          }
          let seen = false;
          const ba = a * stride;
          const bb = b * stride;
          for (let e = 0; e < r; e++) {
            const ka = keyIds[ba + e]!;
            if (ka >= 0 && ka === keyIds[bb + e]) { seen = true; break; }
          }
          if (seen) continue;
          left[fill] = l;
          right[fill] = rr;
          fill++;
          ruleStats.pairs++;
          if (fill === index.chunkSize) {
            onChunk(left, right, fill);
            stats.pairs += fill;
            fill = 0;
          }
        }
      }
      if (ruleStats.pairs > emittedBefore) ruleStats.blocks++;
    }
  }
  if (fill > 0) {
    onChunk(left, right, fill);
    stats.pairs += fill;
  }
  return stats;
}

/** Statistics of a blocking without scoring anything: how many pairs each rule would add. */
export function countCandidatePairs(index: BlockIndex): BlockingStats {
  return forEachCandidateChunk(index, () => undefined);
}
