import { homedir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { globToRegExp, hasGlob, naturalCompare, resolveConfigPath } from './paths.js';
import { didYouMean, editDistance } from './did-you-mean.js';

describe('paths', () => {
  it.each([
    ['data/a.csv', '/srv', '/srv/data/a.csv'],
    ['/abs/a.csv', '/srv', '/abs/a.csv'],
    ['~/a.csv', '/srv', `${homedir()}/a.csv`],
  ])('resolveConfigPath(%j, %j) = %j', (path, base, expected) => {
    expect(resolveConfigPath(path, base)).toBe(expected);
  });

  it.each([
    ['WE_*.ZIP', 'WE_00D_1.ZIP', true],
    ['WE_*.ZIP', 'WE_00D_1.ZIP.part', false],
    ['part-?.csv', 'part-1.csv', true],
    ['a+b.csv', 'a+b.csv', true],
    ['a+b.csv', 'aab.csv', false],
  ])('glob %j matches %j: %s', (glob, name, expected) => {
    expect(globToRegExp(glob).test(name)).toBe(expected);
  });

  it('sees globs only in the last segment and sorts part numbers as numbers', () => {
    expect(hasGlob('/a*/b.zip')).toBe(false);
    expect(hasGlob('/a/b*.zip')).toBe(true);
    expect(['WE_x_10.ZIP', 'WE_x_2.ZIP', 'WE_x_1.ZIP'].sort(naturalCompare)).toEqual(['WE_x_1.ZIP', 'WE_x_2.ZIP', 'WE_x_10.ZIP']);
  });

  it.each([
    ['salesforce-exprot', 'salesforce-export'],
    ['CSV', 'csv'],
    ['cdm', 'cdm-folder'],
    ['xlsx', undefined],
    ['ndjsn', 'ndjson'],
  ])('didYouMean(%j) = %j', (input, expected) => {
    expect(didYouMean(input, ['salesforce-export', 'cdm-folder', 'csv', 'ndjson'])).toBe(expected);
  });

  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
