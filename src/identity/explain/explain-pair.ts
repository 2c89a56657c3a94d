/**
 * Why two records match (or not): per comparison the level, the two values, m, u and the match weight
 * log2(m/u); then the prior weight, the final weight (their sum) and the probability 2^w / (1 + 2^w). The
 * steps add up exactly to the final weight, so a waterfall drawn from `steps` always agrees with the
 * probability reported for the pair. A deterministic rule that forced the match is named. A term-frequency
 * adjustment (see `score/term-frequency.ts`) is its own step, right after its comparison's: the shared value, how
 * many records held it, its frequency (the u it stands for) and the weight it adds or takes away.
 *
 * @example
 * const explanation = explainPair(a, b, comparisons, params, { deterministicRules });
 * console.log(formatExplanation(explanation)); // table
 * JSON.stringify(explanation);                  // waterfall data
 */
import { placeholderSet } from '../block/rules.js';
import { matchingRule, type DeterministicRule } from '../score/deterministic.js';
import { assertParametersFit, compileWeights, probabilityFromWeight, type ModelParameters } from '../score/parameters.js';
import { tableAt, termFrequencyDetail, type TermFrequencyDetail } from '../score/term-frequency.js';
import { NULL_LEVEL, type Comparison, type IdentityRecord } from '../types.js';

export interface ExplanationStep {
  readonly comparison: string;
  /** Level index, or NULL_LEVEL (-1) when a value is missing. */
  readonly level: number;
  readonly label: string;
  readonly left: unknown;
  readonly right: unknown;
  /** Absent for a NULL level. */
  readonly m?: number;
  readonly u?: number;
  readonly bayesFactor?: number;
  /** log2(m/u); 0 for a NULL level. */
  readonly weight: number;
  /** Running total after this step (prior included), for a waterfall chart. */
  readonly cumulative: number;
  /**
   * Present on a term-frequency step (it follows its comparison's step, same comparison and level): the value,
   * its count and frequency; `u` is then that frequency and `weight` the adjustment.
   */
  readonly termFrequency?: TermFrequencyDetail;
}

export interface Explanation {
  readonly left: string;
  readonly right: string;
  readonly lambda: number;
  readonly priorWeight: number;
  readonly steps: readonly ExplanationStep[];
  readonly finalWeight: number;
  /** From the model alone. */
  readonly modelProbability: number;
  /** 1 when a deterministic rule holds, else the model probability. */
  readonly probability: number;
  readonly deterministicRule?: string;
}

/**
 * @example
 * explainPair(a, b, comparisons, params).steps.map((s) => [s.comparison, s.label, s.weight]);
 */
export function explainPair(
  a: IdentityRecord, b: IdentityRecord, comparisons: readonly Comparison[], params: ModelParameters,
  options: { deterministicRules?: readonly DeterministicRule[]; placeholders?: readonly string[]; termFrequencies?: boolean } = {},
): Explanation {
  assertParametersFit(params, comparisons);
  const weights = compileWeights(params);
  let cumulative = weights.prior;
  const steps = comparisons.flatMap((comparison, c): ExplanationStep[] => {
    const level = comparison.compare(a, b);
    const [left, right] = comparison.values(a, b);
    if (level === NULL_LEVEL) return [{ comparison: comparison.name, level, label: 'null', left, right, weight: 0, cumulative }];
    const weight = weights.table[c]![level]!;
    cumulative += weight;
    const m = params.comparisons[c]!.m[level]!;
    const u = params.comparisons[c]!.u[level]!;
    const step: ExplanationStep = { comparison: comparison.name, level, label: comparison.levels[level]!, left, right, m, u, bayesFactor: 2 ** weight, weight, cumulative };
    const table = options.termFrequencies === false ? undefined : tableAt(params, comparison.name, level);
    // Scoring reads the left record's value at an adjusted level (both hold it); so does the explanation.
    if (table === undefined || typeof left !== 'string' || left === '') return [step];
    const detail = termFrequencyDetail(table, left);
    cumulative += detail.weight;
    const label = `term frequency: "${detail.value}" in ${detail.count} of ${detail.records} records`;
    return [step, { comparison: comparison.name, level, label, left, right, u: detail.frequency, bayesFactor: 2 ** detail.weight, weight: detail.weight, cumulative, termFrequency: detail }];
  });
  const modelProbability = probabilityFromWeight(cumulative);
  const rules = options.deterministicRules ?? [];
  const rule = rules.length > 0 ? matchingRule(a, b, rules, placeholderSet(options.placeholders)) : -1;
  return {
    left: a.id, right: b.id, lambda: params.lambda, priorWeight: weights.prior, steps, finalWeight: cumulative, modelProbability,
    probability: rule >= 0 ? 1 : modelProbability,
    ...(rule >= 0 && { deterministicRule: rules[rule]!.name }),
  };
}

/**
 * The explanation as an aligned text table, one row per comparison, then prior, total and probability.
 *
 * @example
 * formatExplanation(explainPair(a, b, comparisons, params));
 * // comparison  level  left   right  m      u        weight
 * // first_name  exact  john   john   0.912  0.0031   +8.20 …
 */
export function formatExplanation(e: Explanation): string {
  const rows: string[][] = [['comparison', 'level', 'left', 'right', 'm', 'u', 'weight']];
  rows.push(['(prior)', `λ = ${fmt(e.lambda)}`, '', '', '', '', signed(e.priorWeight)]);
  for (const s of e.steps) rows.push([s.termFrequency === undefined ? s.comparison : `${s.comparison} (tf)`, s.label, text(s.left), text(s.right), s.m === undefined ? '' : fmt(s.m), s.u === undefined ? '' : fmt(s.u), signed(s.weight)]);
  rows.push(['(total)', '', '', '', '', '', signed(e.finalWeight)]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((cell, i) => (i === 6 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '─'.repeat(w)).join('  '));
  lines.push(`${e.left} ↔ ${e.right}: match probability ${e.modelProbability.toFixed(4)}${e.deterministicRule === undefined ? '' : `; deterministic rule "${e.deterministicRule}" → 1`}`);
  return lines.join('\n');
}

function fmt(p: number): string {
  return p >= 0.001 ? p.toFixed(3) : p.toExponential(1);
}

function signed(w: number): string {
  return `${w >= 0 ? '+' : ''}${w.toFixed(2)}`;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '∅';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
