/**
 * The match graph of a profile: its member records as nodes and, for every pair, the probability the saved model
 * gives them (the same scoring as `explainRecords`, deterministic rules included). Pure; pairs grow with the
 * square of the members, so the caller caps them.
 *
 * @example
 * matchGraph(people, comparisons, params, PERSON_DETERMINISTIC_RULES);
 * // { nodes: [{ recordId, system, label }, …], edges: [{ a, b, probability: 0.998 }, …] }
 */
import { explainPair } from '../../identity/explain/explain-pair.js';
import type { PersonRecord } from '../../identity/store/assemble.js';
import type { DeterministicRule } from '../../identity/score/deterministic.js';
import type { ModelParameters } from '../../identity/score/parameters.js';
import type { Comparison } from '../../identity/types.js';
import { memberLabel, memberRecordOf, type MatchGraph } from './view.js';

/** Most members drawn in a graph (435 pairs). */
export const GRAPH_MEMBER_LIMIT = 30;

export function matchGraph(
  people: readonly PersonRecord[],
  comparisons: readonly Comparison[],
  params: ModelParameters | undefined,
  rules: readonly DeterministicRule[],
): MatchGraph {
  const shown = people.slice(0, GRAPH_MEMBER_LIMIT);
  const nodes = shown.map((p) => ({ recordId: p.record.id, system: p.system, label: memberLabel(memberRecordOf(p, undefined)) }));
  const edges: MatchGraph['edges'] = [];
  // Without a saved model there is nothing to score with: the nodes alone.
  if (params === undefined) return { nodes, edges };
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const e = explainPair(shown[i]!.record, shown[j]!.record, comparisons, params, { deterministicRules: rules });
      edges.push({ a: shown[i]!.record.id, b: shown[j]!.record.id, probability: e.probability });
    }
  }
  return { nodes, edges };
}
