import { describe, expect, it } from 'vitest';
import { assignStableIds } from './stable-ids.js';
import type { ProfileMember } from './types.js';

const member = (recordId: string, unifiedId: string, since = '2026-01-01T00:00:00.000Z'): ProfileMember => ({ recordId, unifiedId, since });
function ids(): () => string {
  let n = 0;
  return () => `new-${++n}`;
}

describe('assignStableIds', () => {
  it('creates ids for clusters without history', () => {
    const r = assignStableIds([['a', 'b'], ['c']], [], new Map(), ids());
    expect(r.ids).toEqual(['new-1', 'new-2']);
    expect(r.events.map((e) => e.event)).toEqual(['created', 'created']);
  });

  it('keeps the id when a cluster grows and records nothing for unchanged clusters', () => {
    const r = assignStableIds([['a', 'b', 'c'], ['d']], [member('a', 'P'), member('b', 'P'), member('d', 'Q')], new Map([['P', '1'], ['Q', '2']]), ids());
    expect(r.ids).toEqual(['P', 'Q']);
    expect(r.events).toEqual([{ event: 'grew', unifiedIds: ['P'], recordIds: ['c'] }]);
  });

  it('keeps the older id on a merge and records the other as merged into it', () => {
    const created = new Map([['Y', '2026-01-01'], ['X', '2026-02-01']]);
    const r = assignStableIds([['a', 'b']], [member('a', 'X'), member('b', 'Y')], created, ids());
    expect(r.ids).toEqual(['Y']);
    expect(r.merged).toEqual(new Map([['X', 'Y']]));
    expect(r.events).toEqual([{ event: 'merged', unifiedIds: ['Y', 'X'], recordIds: ['a'] }]);
  });

  it.each([
    ['largest share keeps the id', [['a', 'b'], ['c']], ['P', 'new-1']],
    ['largest share keeps the id, in either order', [['c'], ['a', 'b']], ['new-1', 'P']],
  ])('split: %s', (_name, clusters, expected) => {
    const r = assignStableIds(clusters, [member('a', 'P'), member('b', 'P'), member('c', 'P')], new Map([['P', '1']]), ids());
    expect(r.ids).toEqual(expected);
    expect(r.events).toEqual([{ event: 'split', unifiedIds: ['P', 'new-1'], recordIds: ['c'] }]);
  });

  it('split tie: the part with the oldest member keeps the id', () => {
    const prev = [member('a', 'P', '2026-03-01'), member('b', 'P', '2026-01-01')];
    const r = assignStableIds([['a'], ['b']], prev, new Map([['P', '1']]), ids());
    expect(r.ids).toEqual(['new-1', 'P']);
  });

  it('retires profiles whose records are all gone', () => {
    expect(assignStableIds([['b']], [member('a', 'P')], new Map(), ids()).retired).toEqual(['P']);
  });
});
