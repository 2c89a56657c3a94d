/**
 * Deterministic rules: a pair whose records hold equal, present, non-placeholder values for every key of a rule
 * is a match whatever the model says (probability 1), and the rule's name is recorded for explanations — the
 * way CRM match rules ("same email AND same surname") work, combined with the probabilistic score.
 *
 * @example
 * const rules: DeterministicRule[] = [{ name: 'email + surname', keys: ['email', 'surname'] }];
 * matchingRule(a, b, rules, placeholderSet()); // 0, or -1 when no rule holds
 */
import type { IdentityRecord } from '../types.js';

export interface DeterministicRule {
  readonly name: string;
  readonly keys: readonly string[];
}

/**
 * Index of the first rule that holds for the pair, or -1.
 *
 * @example
 * matchingRule({ id: 'a', features: { ssn: '1' } }, { id: 'b', features: { ssn: '1' } }, [{ name: 'ssn', keys: ['ssn'] }], new Set()); // 0
 */
export function matchingRule(a: IdentityRecord, b: IdentityRecord, rules: readonly DeterministicRule[], placeholders: ReadonlySet<string>): number {
  outer: for (let r = 0; r < rules.length; r++) {
    const keys = rules[r]!.keys;
    for (let k = 0; k < keys.length; k++) {
      const va = a.features[keys[k]!];
      if (va === undefined || va === null || va === '' || va !== b.features[keys[k]!]) continue outer;
      if (typeof va === 'string' && placeholders.has(va.trim().toLowerCase())) continue outer;
    }
    if (keys.length > 0) return r;
  }
  return -1;
}
