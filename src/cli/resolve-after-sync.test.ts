import { describe, expect, it } from 'vitest';
import type { ResolveStoreSummary } from '../identity/resolve.js';
import { renderProfilesBlock } from './resolve-after-sync.js';

const none = { active: 0, created: 0, grew: 0, merged: 0, split: 0, moved: 0, retired: 0 };

function summary(over: Partial<ResolveStoreSummary>): ResolveStoreSummary {
  return { mode: 'incremental', changed: 3, records: 5, candidatePairs: 9, matchedPairs: 2, trained: false, profiles: { ...none, active: 40, grew: 1 }, seconds: 0.25, ...over };
}

describe('renderProfilesBlock', () => {
  it.each([
    ['people only (no organisation summary)', summary({}), ['profiles: 40 active — 0 created, 1 grew, 0 merged, 0 split, 0 moved, 0 retired', '  from 3 changed person records (incremental, 5 re-clustered, 0.3s)']],
    ['a store without organisations', summary({ organizations: summary({ mode: 'full', records: 0, profiles: none }) }), ['profiles: 40 active — 0 created, 1 grew, 0 merged, 0 split, 0 moved, 0 retired', '  from 3 changed person records (incremental, 5 re-clustered, 0.3s)']],
    [
      'organisations resolved this run',
      summary({ changed: 1, organizations: summary({ mode: 'full', records: 44, trained: true, profiles: { ...none, active: 43, created: 43 }, seconds: 1.04 }) }),
      [
        'profiles: 40 active — 0 created, 1 grew, 0 merged, 0 split, 0 moved, 0 retired',
        '  from 1 changed person record (incremental, 5 re-clustered, 0.3s)',
        'organisation profiles: 43 active — 43 created, 0 grew, 0 merged, 0 split, 0 moved, 0 retired',
        '  44 organisation records resolved (full, model trained, 1.0s)',
      ],
    ],
    [
      'organisations unchanged',
      summary({ organizations: summary({ records: 0, profiles: { ...none, active: 43 } }) }),
      [
        'profiles: 40 active — 0 created, 1 grew, 0 merged, 0 split, 0 moved, 0 retired',
        '  from 3 changed person records (incremental, 5 re-clustered, 0.3s)',
        'organisation profiles: 43 active — 0 created, 0 grew, 0 merged, 0 split, 0 moved, 0 retired',
        '  nothing they depend on changed',
      ],
    ],
  ])('%s', (_name, input, lines) => {
    expect(renderProfilesBlock(input).split('\n')).toEqual(lines);
  });
});
