import { describe, expect, it } from 'vitest';
import { generateToken, hashesEqual, hashToken, TOKEN_PATTERN } from './tokens.js';

describe('api tokens', () => {
  it('generates distinct well-formed tokens', () => {
    const tokens = Array.from({ length: 20 }, generateToken);
    for (const token of tokens) expect(token).toMatch(TOKEN_PATTERN);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('hashes to sha256 hex', () => {
    // sha256("abc"), a published test vector.
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it.each([
    ['same', hashToken('x'), hashToken('x'), true],
    ['different', hashToken('x'), hashToken('y'), false],
    ['different length', 'abc', 'abcd', false],
  ])('compares hashes: %s', (_name, a, b, equal) => {
    expect(hashesEqual(a, b)).toBe(equal);
  });
});
