import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  damerauLevenshtein,
  jaccard,
  jaro,
  jaroWinkler,
  jaroWinklerAtLeast,
  levenshtein,
  sortedJaccard,
  tokenSetSimilarity,
  wordTokens,
} from './strings.js';

// Reference implementations: the textbook definitions, full matrices, no shortcuts.
function refLevenshtein(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push(Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
    }
  }
  return d[a.length]![b.length]!;
}

function refOsa(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push(Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

// Jaro as Winkler defines it, with the shorter string (lexically smaller at equal length) driving the matching.
function refJaro(a0: string, b0: string): number {
  if (a0 === b0) return 1;
  const [s, l] = a0.length < b0.length || (a0.length === b0.length && a0 <= b0) ? [a0, b0] : [b0, a0];
  if (s.length === 0) return 0;
  const range = Math.max(Math.floor(l.length / 2) - 1, 0);
  const usedL = new Array<boolean>(l.length).fill(false);
  const matchedS: string[] = [];
  for (let i = 0; i < s.length; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(l.length, i + range + 1); j++) {
      if (!usedL[j] && s[i] === l[j]) {
        usedL[j] = true;
        matchedS.push(s[i]!);
        break;
      }
    }
  }
  const m = matchedS.length;
  if (m === 0) return 0;
  const matchedL = [...l].filter((_, j) => usedL[j]);
  const t = Math.floor(matchedS.filter((c, k) => c !== matchedL[k]).length / 2);
  return (m / s.length + m / l.length + (m - t) / m) / 3;
}

const word = fc.string({ unit: 'grapheme-ascii', maxLength: 12 });
const smallAlphabet = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 10 });
const longWord = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'x', 'y'), minLength: 30, maxLength: 60 });

describe('jaroWinkler', () => {
  it.each([
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
    ['jellyfish', 'smellyfish', 0.896],
    ['crate', 'trace', 0.733],
    ['abc', 'abc', 1],
    ['', '', 1],
    ['abc', '', 0],
    ['abc', 'xyz', 0],
  ])('%s / %s → %d', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
  });

  it('uses the prefix scale and leaves scores below 0.7 unboosted', () => {
    expect(jaroWinkler('martha', 'marhta', 0)).toBeCloseTo(jaro('martha', 'marhta'), 12);
    expect(jaroWinkler('martha', 'marhta', 0.2)).toBeCloseTo(0.9444 + 3 * 0.2 * (1 - 0.9444), 3);
    expect(jaroWinkler('abcdef', 'abxyzq')).toBe(jaro('abcdef', 'abxyzq'));
  });

  it('is symmetric, in [0, 1], 1 on identical strings, and agrees with the reference Jaro', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBe(jaroWinkler(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(jaroWinkler(a, a)).toBe(1);
        expect(jaro(a, b)).toBeCloseTo(refJaro(a, b), 12);
        expect(s).toBeGreaterThanOrEqual(jaro(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the reference on repetitive strings (where greedy matching matters)', () => {
    fc.assert(fc.property(smallAlphabet, smallAlphabet, (a, b) => {
      expect(jaro(a, b)).toBeCloseTo(refJaro(a, b), 12);
    }), {
      numRuns: 2000,
    });
  });
});

describe('jaroWinklerAtLeast', () => {
  // What a comparison asks: is the score at least t, and if so, what is it. Both must equal jaroWinkler's answer.
  const agrees = (a: string, b: string, t: number, scale = 0.1): void => {
    const full = jaroWinkler(a, b, scale);
    const bounded = jaroWinklerAtLeast(a, b, t, scale);
    if (full >= t) expect({ a, b, t, bounded }).toEqual({ a, b, t, bounded: full });
    else expect({ a, b, t, below: bounded < t }).toEqual({ a, b, t, below: true });
  };
  const threshold = fc.constantFrom(0, 0.5, 0.7, 0.8, 0.85, 0.88, 0.9, 0.92, 0.95, 1);
  // Code units 32 apart share a bit of the presence mask: the bound must stay an upper bound through collisions.
  const colliding = fc.string({ unit: fc.constantFrom('a', 'A', '!', 'b', 'B', '"', 'é', 'ǉ'), maxLength: 10 });

  it.each([
    ['martha', 'marhta', 0.9], ['dwayne', 'duane', 0.8], ['dixon', 'dicksonx', 0.8], ['maria', 'thomas', 0.8],
    ['abc', 'abc', 0.99], ['', '', 0.5], ['abc', '', 0.5], ['jon', 'john', 0.88], ['brker', 'barker', 0.88],
  ])('%s / %s at %d', (a, b, t) => agrees(a, b, t));

  it('refuses unrelated names without a Jaro pass, with a value below the threshold', () => {
    expect(jaroWinklerAtLeast('maria', 'thomas', 0.8)).toBe(-1);
    expect(jaroWinkler('maria', 'thomas')).toBeLessThan(0.8);
  });

  it('agrees with jaroWinkler at every threshold: random words, repetitive strings, colliding code units, prefix scales', () => {
    fc.assert(fc.property(word, word, threshold, (a, b, t) => agrees(a, b, t)), { numRuns: 3000 });
    fc.assert(fc.property(smallAlphabet, smallAlphabet, threshold, (a, b, t) => agrees(a, b, t)), { numRuns: 3000 });
    fc.assert(fc.property(colliding, colliding, threshold, (a, b, t) => agrees(a, b, t)), { numRuns: 3000 });
    fc.assert(fc.property(smallAlphabet, smallAlphabet, threshold, fc.constantFrom(0, 0.1, 0.25), (a, b, t, scale) => agrees(a, b, t, scale)), { numRuns: 2000 });
    // Near-misses: one edit away, where the bound is tight.
    fc.assert(fc.property(smallAlphabet, fc.nat(9), fc.constantFrom('a', 'b', 'z'), threshold, (a, at, c, t) => {
      agrees(a, a.slice(0, at) + c + a.slice(at + 1), t);
      agrees(a, a.slice(0, at) + c + a.slice(at), t);
    }), { numRuns: 3000 });
  });
});

describe('damerauLevenshtein (optimal string alignment)', () => {
  it.each([
    ['ca', 'abc', 3],
    ['ab', 'ba', 1],
    ['martha', 'marhta', 1],
    ['abcdef', 'abdcef', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['', '', 0],
    ['smith', 'smyth', 1],
    ['19560112', '19561201', 4],
    ['19560112', '19560121', 1],
  ])('%s → %s = %d', (a, b, expected) => {
    expect(damerauLevenshtein(a, b)).toBe(expected);
  });

  it.each([
    ['kitten', 'sitting', 1, 2],
    ['kitten', 'sitting', 3, 3],
    ['a', 'abcdef', 2, 3],
    ['martha', 'marhta', 0, 1],
    ['martha', 'marhta', 1, 1],
  ])('%s → %s capped at %d = %d', (a, b, max, expected) => {
    expect(damerauLevenshtein(a, b, max)).toBe(expected);
  });

  it('agrees with the reference matrix, is symmetric, 0 only on identity, and never above Levenshtein', () => {
    fc.assert(
      fc.property(smallAlphabet, smallAlphabet, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const d = damerauLevenshtein(a, b);
        expect(d).toBe(refOsa(a, b));
        expect(d).toBe(damerauLevenshtein(b, a));
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(levenshtein(a, b));
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(damerauLevenshtein(a, b, max)).toBe(Math.min(d, max + 1));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the reference on long strings', () => {
    fc.assert(fc.property(longWord, longWord, (a, b) => {
      expect(damerauLevenshtein(a, b)).toBe(refOsa(a, b));
    }), {
      numRuns: 200,
    });
  });
});

describe('levenshtein', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['ab', 'ba', 2],
    ['', 'abc', 3],
    ['saturday', 'sunday', 3],
  ])('%s → %s = %d', (a, b, expected) => {
    expect(levenshtein(a, b)).toBe(expected);
  });

  it('agrees with the reference on short (bit-parallel) and long (row) strings, with and without a cap', () => {
    fc.assert(
      fc.property(fc.oneof(smallAlphabet, word, longWord), fc.oneof(smallAlphabet, word, longWord), fc.integer({ min: 0, max: 5 }), (a, b, max) => {
        const d = refLevenshtein(a, b);
        expect(levenshtein(a, b)).toBe(d);
        expect(levenshtein(b, a)).toBe(d);
        expect(levenshtein(a, b, max)).toBe(Math.min(d, max + 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('satisfies the triangle inequality', () => {
    fc.assert(
      fc.property(word, word, word, (a, b, c) => {
        expect(levenshtein(a, c)).toBeLessThanOrEqual(levenshtein(a, b) + levenshtein(b, c));
      }),
      { numRuns: 1000 },
    );
  });

  it('handles non-ASCII code units and strings of exactly 32 and 33 units', () => {
    expect(levenshtein('zoë', 'zoe')).toBe(1);
    const a = 'a'.repeat(32);
    expect(levenshtein(a, `${'a'.repeat(31)}b`)).toBe(1);
    expect(levenshtein(`b${'a'.repeat(32)}`, `${'a'.repeat(32)}c`)).toBe(2);
  });
});

describe('token sets', () => {
  it.each([
    ['12 Main Street', 'Street Main 12', 1],
    ['12 Main Street', '12 Main Road', 0.5],
    ['', '', 1],
    ['a', '', 0],
    ['Acme, Inc.', 'ACME inc', 1],
  ])('tokenSetSimilarity(%s, %s) = %d', (a, b, expected) => {
    expect(tokenSetSimilarity(a, b)).toBeCloseTo(expected, 12);
  });

  it('wordTokens are sorted, distinct and lower-cased', () => {
    expect(wordTokens('12 Main St., Main')).toEqual(['12', 'main', 'st']);
  });

  it('sortedJaccard agrees with jaccard on sets, is symmetric and in [0, 1]', () => {
    const tokens = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { maxLength: 7 });
    fc.assert(
      fc.property(tokens, tokens, (x, y) => {
        const a = [...x].sort();
        const b = [...y].sort();
        const j = sortedJaccard(a, b);
        expect(j).toBeCloseTo(jaccard(new Set(a), new Set(b)), 12);
        expect(j).toBe(sortedJaccard(b, a));
        expect(j).toBeGreaterThanOrEqual(0);
        expect(j).toBeLessThanOrEqual(1);
        expect(sortedJaccard(a, a)).toBe(1);
      }),
      { numRuns: 1000 },
    );
  });
});
