/**
 * Single-record look-up: the stored person records that share a blocking key with a query record, scored with
 * the saved model. Pure: the records to search are passed in.
 *
 * @example
 * matchRecord(query, people.map((p) => p.record), comparisons, params, { rules: PERSON_BLOCKING_RULES });
 * // → [{ recordId: '…', probability: 0.998, rules: ['email'] }, …] strongest first
 */
import { blockingKey, placeholderSet, type BlockingRule } from '../block/rules.js';
import { explainPair } from '../explain/explain-pair.js';
import type { DeterministicRule } from '../score/deterministic.js';
import type { ModelParameters } from '../score/parameters.js';
import type { Comparison, IdentityRecord } from '../types.js';

export interface RecordMatch {
  recordId: string;
  probability: number;
  /** Blocking rules the pair shares a key under. */
  rules: string[];
}

export interface MatchOptions {
  rules: readonly BlockingRule[];
  deterministicRules?: readonly DeterministicRule[];
  /** Keep matches at or above this probability (default 0). */
  minProbability?: number;
}

export function matchRecord(
  query: IdentityRecord,
  records: Iterable<IdentityRecord>,
  comparisons: readonly Comparison[],
  params: ModelParameters,
  options: MatchOptions,
): RecordMatch[] {
  const placeholders = placeholderSet();
  const keys = options.rules.map((rule) => blockingKey(query, rule, placeholders));
  const out: RecordMatch[] = [];
  for (const record of records) {
    const shared = options.rules.filter((rule, i) => keys[i] !== undefined && blockingKey(record, rule, placeholders) === keys[i]).map((r) => r.name);
    if (shared.length === 0) continue;
    const e = explainPair(query, record, comparisons, params, options.deterministicRules ? { deterministicRules: options.deterministicRules } : {});
    if (e.probability >= (options.minProbability ?? 0)) out.push({ recordId: record.id, probability: e.probability, rules: shared });
  }
  return out.sort((a, b) => b.probability - a.probability || (a.recordId < b.recordId ? -1 : 1));
}
