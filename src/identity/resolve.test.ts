import { describe, expect, it } from 'vitest';
import { latestDecisions } from './resolve.js';
import type { IdentityDecision } from './store/types.js';

const d = (id: number, kind: IdentityDecision['kind'], recordA: string, recordB: string): IdentityDecision => ({ id, kind, recordA, recordB, who: 'qa', at: '2026-01-01T00:00:00.000Z' });

describe('latestDecisions', () => {
  it.each([
    ['a later decision on the same pair wins, in either order', [d(1, 'never-match', 'a', 'b'), d(2, 'always-match', 'b', 'a')], [2]],
    ['decisions on different pairs all stay', [d(1, 'never-match', 'a', 'b'), d(2, 'always-match', 'a', 'c')], [1, 2]],
    ['order of the input does not matter', [d(3, 'never-match', 'a', 'b'), d(1, 'always-match', 'a', 'b')], [3]],
  ])('%s', (_name, input, ids) => {
    expect(latestDecisions(input).map((x) => x.id)).toEqual(ids);
  });
});
