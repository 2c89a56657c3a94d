/**
 * "Did you mean …?" for names typed in config: the closest known name by edit distance (case-insensitive),
 * when it is close enough to be a typo.
 *
 * @example
 * didYouMean('salesforce-exprot', ['csv', 'salesforce-export']) // 'salesforce-export'
 */
export function didYouMean(input: string, known: readonly string[]): string | undefined {
  const target = input.toLowerCase();
  // A name the input begins (`cdm` for `cdm-folder`) is a better guess than a short one a few edits away.
  const prefixed = known.find((name) => target.length >= 2 && name.toLowerCase().startsWith(target));
  if (prefixed !== undefined) return prefixed;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const d = editDistance(target, name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(target.length / 3)) ? best : undefined;
}

/**
 * Levenshtein distance.
 *
 * @example
 * editDistance('kitten', 'sitting') // 3
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}
