/**
 * The match graph of a profile: its member records (people or organisations) as nodes and, for every pair, the
 * probability the saved model of their kind gives them (the same scoring as `explainRecords`, deterministic rules
 * included). Pure; pairs grow with the square of the members, so the caller caps them.
 *
 * @example
 * matchGraph(people.map((p) => ({ record: p.record, system: p.system, label: 'Ada King' })), comparisons, params, PERSON_DETERMINISTIC_RULES);
 * // { nodes: [{ recordId, system, label }, …], edges: [{ a, b, probability: 0.998 }, …] }
 */
import { explainPair } from '../../identity/explain/explain-pair.js';
import type { DeterministicRule } from '../../identity/score/deterministic.js';
import type { ModelParameters } from '../../identity/score/parameters.js';
import type { Comparison, IdentityRecord } from '../../identity/types.js';
import type { MatchGraph } from './view.js';

/** A member as the graph draws it. */
export interface GraphMember {
  record: IdentityRecord;
  system: string;
  label: string;
}

/** Most members drawn in a graph (435 pairs). */
export const GRAPH_MEMBER_LIMIT = 30;

export function matchGraph(
  members: readonly GraphMember[],
  comparisons: readonly Comparison[],
  params: ModelParameters | undefined,
  rules: readonly DeterministicRule[],
): MatchGraph {
  const shown = members.slice(0, GRAPH_MEMBER_LIMIT);
  const nodes = shown.map((m) => ({ recordId: m.record.id, system: m.system, label: m.label }));
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
