import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatInstant, isValidDate, parseDate, parseDateTime } from './date.js';

describe('parseDate (T11)', () => {
  it.each([
    ['2024-05-01', '2024-05-01'],
    [' 2024-05-01 ', '2024-05-01'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['0001-01-01', '0001-01-01'],
    ['9999-12-31', '9999-12-31'],
    // The date part is kept as written: no shift into UTC or local time.
    ['2024-05-01T23:30:00-08:00', '2024-05-01'],
    ['2024-05-01T00:30:00+14:00', '2024-05-01'],
    ['2024-05-01T12:00:00.000+0000', '2024-05-01'],
    ['2024-05-01 12:00:00', '2024-05-01'],
    ['5/1/2024', '2024-05-01'],
    ['12/31/1999 11:59:59 PM', '1999-12-31'],
  ])('%j → %s', (raw, date) => {
    expect(parseDate(raw)).toBe(date);
  });

  it.each([
    '', 'abc', '2023-02-29', '2023-02-30', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00',
    '2024-5-1', '24-05-01', '2024/05/01', '2024-05-01T25:00:00Z', '13/1/2024', '2/30/2024', '2024-05-01junk',
    '2024-05-01T12:00:00+25:00',
  ])('rejects %j', (raw) => {
    expect(parseDate(raw)).toBeUndefined();
  });

  it('round-trips every valid date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const text = date.toISOString().slice(0, 10);
        expect(parseDate(text)).toBe(text);
      }),
    );
  });

  it('agrees with the calendar on which dates exist', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const probe = new Date(0);
        probe.setUTCFullYear(y, m - 1, d);
        const exists = probe.getUTCMonth() === m - 1;
        expect(isValidDate(y, m, d)).toBe(exists);
      }),
    );
  });
});

describe('parseDateTime (T11)', () => {
  it.each([
    ['2024-05-01T12:00:00.000+0000', undefined, '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T12:00:00Z', undefined, '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T12:00:00z', undefined, '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T14:00:00+02:00', undefined, '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T07:00:00-0500', undefined, '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T00:00+02', undefined, '2024-04-30T22:00:00.000Z'],
    ['2024-05-01T12:00:00.123456+05:30', undefined, '2024-05-01T06:30:00.123Z'],
    ['2024-05-01T12:00:00.5Z', undefined, '2024-05-01T12:00:00.500Z'],
    ['2024-05-01T12:00:00.9999Z', undefined, '2024-05-01T12:00:00.999Z'],
    ['2024-05-01 12:00:00', undefined, '2024-05-01T12:00:00.000Z'],
    ['2024-05-01 12:00', undefined, '2024-05-01T12:00:00.000Z'],
    ['2024-05-01', undefined, '2024-05-01T00:00:00.000Z'],
    // Marketing Cloud writes zone-less CST (UTC-6, no daylight saving).
    ['2024-05-01 06:00:00', -360, '2024-05-01T12:00:00.000Z'],
    ['5/1/2024 6:00:00 AM', -360, '2024-05-01T12:00:00.000Z'],
    ['12/31/2023 7:30:00 PM', -360, '2024-01-01T01:30:00.000Z'],
    ['12/31/1999 12:00:00 AM', undefined, '1999-12-31T00:00:00.000Z'],
    ['12/31/1999 12:00:00 PM', undefined, '1999-12-31T12:00:00.000Z'],
    ['1/2/2024 13:05', undefined, '2024-01-02T13:05:00.000Z'],
    // An explicit offset wins over the assumed one.
    ['2024-05-01T12:00:00Z', -360, '2024-05-01T12:00:00.000Z'],
    ['2024-02-29T23:59:59.999-01:00', undefined, '2024-03-01T00:59:59.999Z'],
    ['0050-06-15T00:00:00Z', undefined, '0050-06-15T00:00:00.000Z'],
  ])('%j (offset %s) → %s', (raw, assumeOffsetMinutes, instant) => {
    const options = assumeOffsetMinutes === undefined ? {} : { assumeOffsetMinutes };
    expect(parseDateTime(raw, options)).toBe(instant);
  });

  it.each([
    '', 'now', '2024-05-01T24:00:00Z', '2024-05-01T12:60:00Z', '2024-05-01T12:00:60Z', '2023-02-29T00:00:00Z',
    '2024-05-01T12:00:00+19:00', '2024-05-01T12:00:00+05:75', '13/01/2024 1:00 PM', '1/1/2024 13:00 PM',
    '1/1/2024 0:30 AM', '0000-01-01T00:30:00+01:00', '9999-12-31T23:30:00-01:00', '2024-05-01T12:00:00 GMT',
  ])('rejects %j', (raw) => {
    expect(parseDateTime(raw)).toBeUndefined();
  });

  it('matches Date for instants with offsets', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9000-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (date, offset) => {
          const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(parseDateTime(`${local}${zone}`)).toBe(date.toISOString());
          expect(formatInstant(date.getTime())).toBe(date.toISOString());
        },
      ),
    );
  });
});
