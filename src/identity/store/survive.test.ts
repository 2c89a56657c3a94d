import { describe, expect, it } from 'vitest';
import { survive } from './survive.js';

const m = (id: string, system: string, modstamp: string | undefined, values: Record<string, string>) => ({ record: { id }, system, externalRecordId: `x-${id}`, modstamp, values });

describe('survive', () => {
  it.each([
    ['most recent wins', [m('a', 'crm', '2025-01-01', { email: 'old@x.com' }), m('b', 'erp', '2025-06-01', { email: 'new@x.com' })], {}, 'new@x.com', 'most recent'],
    ['same stamp: most complete', [m('a', 'crm', '2025-01-01', { email: 'ab@x.com' }), m('b', 'erp', '2025-01-01', { email: 'abc@x.com' })], {}, 'abc@x.com', 'most complete'],
    ['same stamp and length: source priority', [m('a', 'crm', undefined, { email: 'aa@x.com' }), m('b', 'erp', undefined, { email: 'bb@x.com' })], { sourcePriority: ['erp', 'crm'] }, 'bb@x.com', 'source priority'],
    ['one value', [m('a', 'crm', undefined, { email: 'aa@x.com' }), m('b', 'erp', '2026-01-01', {})], {}, 'aa@x.com', 'only value'],
  ])('%s', (_name, members, options, value, rule) => {
    const golden = survive(members, options);
    expect(golden['email']?.value).toBe(value);
    expect(golden['email']?.rule).toBe(rule);
  });

  const three = [
    m('a', 'crm', '2025-01-01', { email: 'shared@x.com' }),
    m('b', 'erp', '2025-02-01', { email: 'shared@x.com' }),
    m('c', 'mkt', '2025-06-01', { email: 'lonely@x.com' }),
  ];

  it.each([
    ['default chain: most recent', {}, 'lonely@x.com', 'most recent'],
    ['most frequent first', { defaultRules: ['most-frequent', 'most-recent'] }, 'shared@x.com', 'most frequent'],
    ['a chain for the attribute wins over the default', { defaultRules: ['most-recent'], rules: { email: ['source-priority'] }, sourcePriority: ['crm'] }, 'shared@x.com', 'source priority'],
    ['nothing tells them apart: first by record id', { defaultRules: ['most-complete'], rules: {} }, 'shared@x.com', 'first by record id'],
    ['recency from the caller (a write-back moved c\'s modstamp)', { recency: (x: { record: { id: string }; modstamp?: string | undefined }) => (x.record.id === 'c' ? '2024-01-01' : x.modstamp) }, 'shared@x.com', 'most recent'],
  ] as const)('%s', (_name, options, value, rule) => {
    const golden = survive(three, options);
    expect(golden['email']?.value).toBe(value);
    expect(golden['email']?.rule).toBe(rule);
  });

  it('keeps provenance and leaves out attributes nobody has', () => {
    const golden = survive([m('a', 'crm', '2025-01-01', { firstName: 'Ada' })]);
    expect(golden['firstName']?.provenance).toEqual({ system: 'crm', recordId: 'a', externalRecordId: 'x-a', modstamp: '2025-01-01' });
    expect(golden['email']).toBeUndefined();
  });
});
