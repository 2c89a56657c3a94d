import { describe, expect, it } from 'vitest';
import { compareBy, matches, parseSoql, SoqlSyntaxError } from './soql.js';

describe('SOQL subset', () => {
  it('parses the keyset query a connector sends', () => {
    const q = parseSoql("SELECT Id, SystemModstamp FROM Contact WHERE SystemModstamp >= 2024-05-01T12:00:00Z AND (SystemModstamp > 2024-05-01T12:00:00Z OR Id > '003A') ORDER BY SystemModstamp, Id LIMIT 1000");
    expect(q).toMatchObject({ fields: ['Id', 'SystemModstamp'], object: 'Contact', orderBy: [{ field: 'SystemModstamp', desc: false }, { field: 'Id', desc: false }], limit: 1000 });
    const at = '2024-05-01T12:00:00.000+0000';
    expect(matches(q.where, { SystemModstamp: at, Id: '003B' })).toBe(true);
    expect(matches(q.where, { SystemModstamp: at, Id: '003A' })).toBe(false);
    expect(matches(q.where, { SystemModstamp: '2024-05-01T12:00:01.000+0000', Id: '0030' })).toBe(true);
    expect(matches(q.where, { SystemModstamp: '2024-05-01T11:59:59.000+0000', Id: '003Z' })).toBe(false);
  });

  it.each([
    ["SELECT Id FROM Lead WHERE Status = 'Open' AND IsConverted = false", { Status: 'Open', IsConverted: false }, true],
    ["SELECT Id FROM Lead WHERE Status != 'Open' OR Email = null", { Status: 'Open', Email: null }, true],
    ['SELECT Id FROM Lead WHERE NumberOfEmployees > 10', { NumberOfEmployees: null }, false],
    ['SELECT Id FROM Lead WHERE ConvertedDate >= 2024-01-01', { ConvertedDate: '2024-03-01' }, true],
    ["SELECT Id FROM Lead WHERE Name = 'O\\'Brien'", { Name: "O'Brien" }, true],
  ])('%s on %j → %s', (soql, record, expected) => {
    expect(matches(parseSoql(soql).where, record)).toBe(expected);
  });

  it.each([
    'SELECT Id FORM Contact',
    'SELECT FROM Contact',
    'SELECT Id FROM Contact WHERE',
    'SELECT Id FROM Contact LIMIT ten',
    'SELECT COUNT() FROM Contact',
    'SELECT Id FROM Contact GROUP BY Id',
    "SELECT Id FROM Contact WHERE Name LIKE 'A%'",
  ])('refuses %j as malformed', (soql) => {
    expect(() => parseSoql(soql)).toThrow(SoqlSyntaxError);
  });

  it('sorts nulls first and datetimes by instant', () => {
    const rows = [{ S: '2024-01-02T00:00:00.000+0000', Id: 'b' }, { S: null, Id: 'c' }, { S: '2024-01-01T23:00:00.000-0200', Id: 'a' }];
    expect(rows.sort(compareBy([{ field: 'S', desc: false }, { field: 'Id', desc: false }], new Set(['S']))).map((r) => r.Id)).toEqual(['c', 'b', 'a']);
  });
});
