import { describe, expect, it } from 'vitest';
import type { GoldenValue } from '../identity/store/types.js';
import { planRows, sameValue, type MemberRecord } from './plan.js';

const gold = (value: string): GoldenValue => ({ value, provenance: { system: 'dynamics', recordId: 'r', externalRecordId: 'x' }, rule: 'most recent', candidates: 2 });

describe('sameValue', () => {
  it.each([
    ['email', 'ada@example.com', 'Ada@Example.COM ', true],
    ['email', 'ada@example.com', 'ada@example.org', false],
    ['phone', '+14155550100', '(415) 555-0100', true],
    ['phone', '+14155550100', '415.555.0101', false],
    ['phone', '+442079460958', '020 7946 0958', false], // read in region US, not GB
    ['birthDate', '1990-02-28', '1990-02-28T00:00:00.000Z', true],
    ['lastName', 'Ng', 'NG', false],
    ['email', 'ada@example.com', undefined, false],
    ['email', 'ada@example.com', '', false],
  ] as const)('%s %s vs %s → %s', (attribute, golden, held, expected) => {
    expect(sameValue(attribute, golden, held, 'US')).toBe(expected);
  });
});

describe('planRows', () => {
  const member = (recordId: string, held: Record<string, unknown>, golden: Record<string, GoldenValue>): MemberRecord => ({ unifiedId: `u-${recordId}`, recordId, held, golden });
  const options = { fields: { Email: 'email', Phone: 'phone' } as const, region: 'US', keyOf: (m: MemberRecord) => m.recordId };

  it('sends only the fields that differ, and no row when none does', () => {
    const rows = planRows(options, [
      member('a', { Email: 'ADA@example.com', Phone: '(415) 555-0100' }, { email: gold('ada@example.com'), phone: gold('+14155550100') }),
      member('b', { Email: 'old@example.com', Phone: '(415) 555-0100' }, { email: gold('new@example.com'), phone: gold('+14155550100') }),
      member('c', {}, { email: gold('c@example.com'), phone: gold('+14155550199') }),
    ]);
    expect(rows).toEqual([
      { unifiedId: 'u-b', recordId: 'b', key: 'b', values: { Email: 'new@example.com' } },
      { unifiedId: 'u-c', recordId: 'c', key: 'c', values: { Email: 'c@example.com', Phone: '+14155550199' } },
    ]);
  });

  it('never blanks a field the profile has no golden value for', () => {
    expect(planRows(options, [member('a', { Email: 'kept@example.com' }, { phone: gold('+14155550100') })])).toEqual([
      { unifiedId: 'u-a', recordId: 'a', key: 'a', values: { Phone: '+14155550100' } },
    ]);
  });

  it('does not copy a golden value over the target field when another field of its kind holds it', () => {
    const held = { Phone: '+49 221 3634981', MobilePhone: '+49 (0)176 12546976', Email: 'old@example.com' };
    const golden = { phone: gold('+4917612546976'), email: gold('new@example.com') };
    expect(planRows({ ...options, heldIn: { phone: ['Phone', 'MobilePhone'] } }, [member('a', held, golden)])).toEqual([{ unifiedId: 'u-a', recordId: 'a', key: 'a', values: { Email: 'new@example.com' } }]);
    expect(planRows(options, [member('a', held, golden)])[0]!.values).toEqual({ Phone: '+4917612546976', Email: 'new@example.com' });
    // A target outside the slots (a text field) is compared with itself only.
    expect(planRows({ fields: { Title: 'phone' }, region: 'US', keyOf: (m) => m.recordId, heldIn: { phone: ['Phone', 'MobilePhone'] } }, [member('a', held, golden)])[0]!.values).toEqual({ Title: '+4917612546976' });
  });

  it('takes the key from keyOf (an external id the record holds, or none)', () => {
    const rows = planRows({ ...options, keyOf: (m) => m.held['Concord_Id__c'] as string | undefined }, [member('a', {}, { email: gold('a@example.com') })]);
    expect(rows[0]!.key).toBeUndefined();
  });
});
