import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createValueTable, parseBoolean, parseNumber, roundHalfEven } from './values.js';

describe('parseBoolean', () => {
  it.each([
    [true, true], [false, false], ['true', true], ['TRUE', true], [' True ', true], ['false', false], ['False', false],
    ['1', true], ['0', false], [1, true], [0, false], ['yes', true], ['YES', true], ['no', false], ['No', false],
    ['y', true], ['n', false],
  ])('%j → %s', (raw, value) => {
    expect(parseBoolean(raw)).toBe(value);
  });

  it.each(['', 'maybe', '2', 'on', 'off', 'truee', 2, -1, Number.NaN, null, undefined, {}, []])('%j → undefined', (raw) => {
    expect(parseBoolean(raw)).toBeUndefined();
  });
});

describe('parseNumber (T4/T9)', () => {
  it.each([
    ['0', 0], ['42', 42], ['-42', -42], ['+42', 42], [' 12.50 ', 12.5], ['.5', 0.5], ['5.', 5], ['-0', 0],
    ['1.5e3', 1500], ['1E-2', 0.01], ['9007199254740991', Number.MAX_SAFE_INTEGER], ['-9007199254740991', -Number.MAX_SAFE_INTEGER],
    ['1234567.891', 1234567.891], [12.5, 12.5], [7, 7], [10n, 10], ['1e308', undefined],
  ])('%s → %s', (raw, value) => {
    const parsed = parseNumber(raw);
    if (value === undefined) {
      expect(parsed.ok).toBe(false);
      return;
    }
    expect(parsed).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['1,234.50', 'not a plain decimal number: "1,234.50"'],
    ['1.234,50', 'not a plain decimal number: "1.234,50"'],
    ['12abc', 'not a plain decimal number: "12abc"'],
    ['$12', 'not a plain decimal number: "$12"'],
    ['0x1F', 'not a plain decimal number: "0x1F"'],
    ['Infinity', 'not a plain decimal number: "Infinity"'],
    ['NaN', 'not a plain decimal number: "NaN"'],
    ['1e400', 'not finite'],
    ['9007199254740993', 'integer beyond the safe range: 9007199254740993'],
    ['1e20', 'integer beyond the safe range: 1e20'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'not finite'],
    [2 ** 60, `integer beyond the safe range: ${2 ** 60}`],
    [2n ** 60n, `integer beyond the safe range: ${2n ** 60n}`],
    [null, 'not a number: null'],
    [true, 'not a number: boolean'],
  ])('%s fails: %s', (raw, reason) => {
    expect(parseNumber(raw)).toEqual({ ok: false, reason });
  });

  it('reads back every finite double from its string form', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        fc.pre(!Number.isInteger(value) || Number.isSafeInteger(value));
        expect(parseNumber(String(value))).toEqual({ ok: true, value: value === 0 ? 0 : value });
      }),
    );
  });
});

describe('roundHalfEven (T9)', () => {
  it.each([
    [0.5, 0, 0], [1.5, 0, 2], [2.5, 0, 2], [3.5, 0, 4], [-2.5, 0, -2], [-3.5, 0, -4], [2.4, 0, 2], [2.6, 0, 3],
    [2.675, 2, 2.68], [1.005, 2, 1], [1.015, 2, 1.02], [0.125, 2, 0.12], [0.135, 2, 0.14], [99.95, 1, 100],
    [1234567.5, 0, 1234568], [1234566.5, 0, 1234566], [2.5000001, 0, 3], [-0.4, 0, 0], [0.04, 1, 0],
    [1.5e-7, 7, 2e-7], [2.5e-7, 7, 2e-7], [1e21, 0, 1e21], [123.456, 5, 123.456], [42, 2, 42],
  ])('roundHalfEven(%s, %s) = %s', (value, decimals, rounded) => {
    expect(roundHalfEven(value, decimals)).toBe(rounded);
  });

  it('matches Math.round away from ties', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (value) => {
        fc.pre(Math.abs(value % 1) !== 0.5);
        expect(roundHalfEven(value)).toBe(Math.round(value) === 0 ? 0 : Math.round(value));
      }),
    );
  });

  it('rejects non-finite values and bad decimals', () => {
    expect(() => roundHalfEven(Number.NaN)).toThrow(/cannot round/);
    expect(() => roundHalfEven(1, -1)).toThrow(/decimals/);
    expect(() => roundHalfEven(1, 1.5)).toThrow(/decimals/);
  });
});

describe('createValueTable (T4)', () => {
  const salutation = createValueTable({ 'Mr.': 'Mister', 'Ms.': 'Miz', 'Dr.': 'Doctor', 'Doctor': 'Doctor' });

  it('maps known values and passes unknown ones through as labels', () => {
    expect(salutation.map('Mr.')).toEqual({ value: 'Mister', known: true });
    expect(salutation.map('Capt.')).toEqual({ value: 'Capt.', known: false });
    expect(salutation.map('mr.')).toEqual({ value: 'mr.', known: false });
    expect(salutation.map('')).toEqual({ value: '', known: false });
  });

  it('reverses to the first source value', () => {
    expect(salutation.reverse('Doctor')).toBe('Dr.');
    expect(salutation.reverse('Miz')).toBe('Ms.');
    expect(salutation.reverse('Captain')).toBeUndefined();
  });

  it('folds case when asked', () => {
    const table = createValueTable({ Hot: '1', Warm: '2', cold: '3' }, { caseInsensitive: true });
    expect(table.map('HOT')).toEqual({ value: '1', known: true });
    expect(table.map('Cold')).toEqual({ value: '3', known: true });
    expect(table.map('Tepid')).toEqual({ value: 'Tepid', known: false });
    expect(table.reverse('2')).toBe('Warm');
  });

  it('rejects keys that collide under case folding', () => {
    expect(() => createValueTable({ Hot: '1', HOT: '2' }, { caseInsensitive: true })).toThrow(/maps to both/);
  });
});
