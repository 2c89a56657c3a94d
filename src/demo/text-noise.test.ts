import { describe, expect, it } from 'vitest';
import { Rng } from './prng.js';
import { emailSafe, stripAccents, titleCase, transliterate, typo } from './text-noise.js';
import type { TypoKind } from './text-noise.js';

/** Damerau–Levenshtein distance (optimal string alignment), enough to check "one typo". */
function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('typo', () => {
  it.each<TypoKind>(['insert', 'delete', 'substitute', 'transpose'])('%s changes a name by exactly one edit and keeps the initial', (kind) => {
    const rng = new Rng(4);
    for (const name of ['Katherine', 'Johnson', "O'Brien", 'Müller', 'Lee']) {
      const out = typo(name, rng, kind);
      expect(out).not.toBe(name);
      expect(osa(out, name)).toBe(1);
      expect(out[0]).toBe(name[0]);
    }
  });

  it('leaves very short strings alone', () => {
    expect(typo('Li', new Rng(1))).toBe('Li');
  });
});

describe('accents and case', () => {
  it.each([
    ['José', 'Jose'], ['Zoë', 'Zoe'], ['Müller', 'Muller'], ['Łukasz', 'Lukasz'], ['Søren', 'Soren'], ['Dvořák', 'Dvorak'],
  ])('stripAccents(%s) = %s', (input, expected) => {
    expect(stripAccents(input)).toBe(expected);
  });

  it.each([['Müller', 'Mueller'], ['Schäfer', 'Schaefer'], ['Straße', 'Strasse'], ['José', 'Jose']])('transliterate(%s) = %s', (input, expected) => {
    expect(transliterate(input)).toBe(expected);
  });

  it.each([['van der berg', 'Van Der Berg'], ['SMITH-JONES', 'Smith-Jones']])('titleCase(%s) = %s', (input, expected) => {
    expect(titleCase(input)).toBe(expected);
  });

  it('makes e-mail-safe local parts', () => {
    expect(emailSafe("O'Brien")).toBe('obrien');
    expect(emailSafe('García-Márquez')).toBe('garciamarquez');
  });
});
