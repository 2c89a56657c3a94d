import { describe, expect, it } from 'vitest';
import { FilterSyntaxError, filterColumns, parseFilter } from './filter.js';

const row = { lastname: "O'Neil", statecode: 0, revenue: 1500.5, donotemail: false, modifiedon: '2024-05-01T12:00:00Z', middlename: null };

describe('parseFilter', () => {
  it.each([
    ["lastname eq 'O''Neil'", true],
    ["lastname eq 'o''neil'", true], // case-insensitive, as Dataverse's default collation
    ["lastname ne 'Ng'", true],
    ['statecode eq 0', true],
    ['statecode eq 1', false],
    ['revenue gt 1000 and revenue le 1500.5', true],
    ['revenue lt 1000', false],
    ['donotemail eq false', true],
    ['middlename eq null', true],
    ['modifiedon gt 2024-01-01T00:00:00Z', true],
    ['modifiedon lt 2024-05-01', false],
    ["lastname eq 'a and b' and statecode eq 0", false],
  ])('%s → %s', (filter, expected) => expect(parseFilter(filter)(row)).toBe(expected));

  it.each(['contains(lastname,\'N\')', 'statecode eq 0 or statecode eq 1', 'lastname', "lastname eq 'open"])('refuses %s rather than ignoring it', (filter) => {
    expect(() => parseFilter(filter)).toThrow(FilterSyntaxError);
  });

  it('names the columns a filter reads', () => {
    expect(filterColumns("statecode eq 0 and lastname eq 'x and y'")).toEqual(['statecode', 'lastname']);
  });
});
