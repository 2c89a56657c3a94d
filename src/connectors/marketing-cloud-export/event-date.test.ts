import { describe, expect, it } from 'vitest';
import { eventDateToUtc } from './event-date.js';

describe('eventDateToUtc', () => {
  it.each([
    ['5/1/2024 7:05:09 AM', '2024-05-01T13:05:09.000Z'],
    ['5/1/2024 12:00:00 AM', '2024-05-01T06:00:00.000Z'],
    ['5/1/2024 12:30:00 PM', '2024-05-01T18:30:00.000Z'],
    ['12/31/2023 11:59:59 PM', '2024-01-01T05:59:59.000Z'],
    // July: no daylight saving in Marketing Cloud system time, still six hours.
    ['7/4/2024 1:00:00 PM', '2024-07-04T19:00:00.000Z'],
    ['7/4/2024 13:00:00', '2024-07-04T19:00:00.000Z'],
    ['5/1/2024', '2024-05-01T06:00:00.000Z'],
    ['2024-05-01T07:05:09.123', '2024-05-01T13:05:09.123Z'],
    ['2024-05-01 07:05:09', '2024-05-01T13:05:09.000Z'],
    ['2024-05-01T07:05:09Z', '2024-05-01T07:05:09.000Z'],
    ['2024-05-01T07:05:09-05:00', '2024-05-01T12:05:09.000Z'],
  ])('%s → %s', (raw, utc) => {
    expect(eventDateToUtc(raw)).toBe(utc);
  });

  it.each(['', 'yesterday', '2/30/2024 1:00:00 PM', '13/1/2024', '5/1/2024 13:00:00 PM', '2024-05-01T25:00:00'])('rejects %j', (raw) => {
    expect(eventDateToUtc(raw)).toBeUndefined();
  });
});
