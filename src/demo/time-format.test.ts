import { describe, expect, it } from 'vitest';
import { dataverseDateOnly, dataverseDateTime, marketingCloudDate, referenceDateMs, salesforceDateTime } from './time-format.js';

describe('time formats', () => {
  it.each([
    [Date.UTC(2024, 4, 1, 12), '5/1/2024 6:00:00 AM'],
    [Date.UTC(2024, 4, 1, 0, 5, 9), '4/30/2024 6:05:09 PM'],
    [Date.UTC(2024, 0, 15, 18), '1/15/2024 12:00:00 PM'],
    [Date.UTC(2024, 0, 15, 6), '1/15/2024 12:00:00 AM'],
    // July: no daylight saving, still UTC−6.
    [Date.UTC(2024, 6, 4, 16, 30), '7/4/2024 10:30:00 AM'],
  ])('Marketing Cloud writes %d as %s (CST, no DST)', (ms, expected) => {
    expect(marketingCloudDate(ms)).toBe(expected);
  });

  it('writes Salesforce and Dataverse datetimes', () => {
    const ms = Date.UTC(2024, 4, 1, 12);
    expect(salesforceDateTime(ms)).toBe('2024-05-01T12:00:00.000Z');
    expect(dataverseDateTime(ms)).toBe('2024-05-01T12:00:00Z');
    expect(dataverseDateOnly('1980-02-29')).toBe('1980-02-29T00:00:00Z');
  });

  it('puts the reference date at noon UTC in 2025', () => {
    for (const h of [0, 1, 364, 365, 0xffffffff]) {
      const d = new Date(referenceDateMs(h));
      expect(d.getUTCFullYear()).toBe(2025);
      expect(d.getUTCHours()).toBe(12);
    }
  });
});
