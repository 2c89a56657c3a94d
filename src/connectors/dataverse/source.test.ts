import { describe, expect, it } from 'vitest';
import { readMode } from './source.js';

const NOW = Date.parse('2024-05-10T00:00:00.000Z');
const LINK = 'https://contoso.crm.dynamics.com/api/data/v9.2/contacts?$select=contactid&$deltatoken=1%21x';

describe('readMode', () => {
  it.each([
    [{}, true, { full: true, reason: 'no-cursor' }],
    [{ deltaLink: LINK, lastFullRead: '2024-05-09T00:00:00.000Z' }, true, { full: false }],
    [{ deltaLink: LINK, lastFullRead: '2024-05-02T23:59:59.000Z' }, true, { full: true, reason: 'reconcile-due' }],
    [{ deltaLink: LINK }, true, { full: true, reason: 'reconcile-due' }],
    [{ deltaLink: LINK, lastFullRead: 'not a date' }, true, { full: true, reason: 'reconcile-due' }],
    [{ deltaLink: LINK, lastFullRead: '2024-05-09T00:00:00.000Z' }, false, { full: true, reason: 'no-change-tracking' }],
  ])('%j (tracking %s) → %j', (cursor, tracking, mode) => {
    expect(readMode(cursor, tracking, 7, NOW)).toEqual(mode);
  });
});
