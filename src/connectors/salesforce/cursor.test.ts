import { describe, expect, it } from 'vitest';
import { keysetWhere, laterPosition, parseCursor, selectSoql, soqlDateTime, toCursor } from './cursor.js';
import { readMode } from './source.js';

describe('cursor', () => {
  it('builds the composite keyset condition with a second-precision literal', () => {
    expect(keysetWhere('SystemModstamp', { modstamp: '2024-05-01T12:00:00.250Z', id: "003'x" })).toBe(
      "SystemModstamp >= 2024-05-01T12:00:00Z AND (SystemModstamp > 2024-05-01T12:00:00Z OR Id > '003\\'x')",
    );
    expect(keysetWhere(undefined, { id: '003A' })).toBe("Id > '003A'");
    expect(soqlDateTime('2024-05-01T12:00:59.999Z')).toBe('2024-05-01T12:00:59Z');
  });

  it('orders by (modstamp, Id) with a LIMIT', () => {
    expect(selectSoql('Lead', ['Id', 'Email'], 'SystemModstamp', undefined, 500)).toBe('SELECT Id, Email FROM Lead ORDER BY SystemModstamp, Id LIMIT 500');
  });

  it.each([
    [{}, { modstamp: '2024-01-01T00:00:00.000Z', id: 'B' }, { modstamp: '2024-01-01T00:00:00.000Z', id: 'B' }],
    [{ modstamp: '2024-01-02T00:00:00.000Z', id: 'A' }, { modstamp: '2024-01-01T00:00:00.000Z', id: 'Z' }, { modstamp: '2024-01-02T00:00:00.000Z', id: 'A' }],
    [{ modstamp: '2024-01-01T00:00:00.000Z', id: 'A' }, { modstamp: '2024-01-01T00:00:00.000Z', id: 'C' }, { modstamp: '2024-01-01T00:00:00.000Z', id: 'C' }],
  ])('a look-back never moves the position back: %j + %j', (a, b, expected) => {
    expect(laterPosition(a, b)).toEqual(expected);
  });

  it('round-trips through the stored form and ignores foreign keys', () => {
    const cursor = { modstamp: '2024-01-01T00:00:00.000Z', id: 'A', deletedSince: '2024-01-01T00:00:00.000Z', lastFullRead: undefined };
    expect(parseCursor(toCursor(cursor))).toEqual(cursor);
    expect(parseCursor({ offset: 12, modstamp: 5 })).toEqual({ modstamp: undefined, id: undefined, deletedSince: undefined, lastFullRead: undefined });
  });
});

describe('readMode', () => {
  const now = Date.parse('2024-05-10T00:00:00Z');
  it.each([
    [{}, 'SystemModstamp', { full: true, reason: 'no-cursor' }],
    [{ modstamp: '2024-05-09T00:00:00Z', id: 'A', lastFullRead: '2024-05-08T00:00:00Z' }, 'SystemModstamp', { full: false }],
    [{ modstamp: '2024-05-09T00:00:00Z', id: 'A', lastFullRead: '2024-04-01T00:00:00Z' }, 'SystemModstamp', { full: true, reason: 'reconcile-due' }],
    [{ modstamp: '2024-05-09T00:00:00Z', id: 'A', lastFullRead: '2024-05-08T00:00:00Z' }, undefined, { full: true, reason: 'no-modstamp' }],
  ])('%j on %s → %j', (cursor, field, expected) => {
    expect(readMode(cursor, field, 7, now)).toEqual(expected);
  });
});
