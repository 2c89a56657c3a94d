import { describe, expect, it } from 'vitest';
import { blockingHash, blockingKey, needsFolding, placeholderSet } from './rules.js';

describe('needsFolding', () => {
  const regex = /^\s|\s$|[A-Z]/;

  it('agrees with /^\\s|\\s$|[A-Z]/ on every UTF-16 code unit, alone, leading, trailing and inside', () => {
    const disagreements: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `${ch}ab`, `ab${ch}`, `a${ch}b`]) {
        if (needsFolding(text) !== regex.test(text)) disagreements.push(`U+${c.toString(16)} in ${JSON.stringify(text)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it.each([
    ['', false],
    ['smith', false],
    ['Smith', true],
    [' smith', true],
    ['smith\u00a0', true],
    ['o\u2019brien', false],
    ['É', false],
  ])('%j → %s', (text, expected) => {
    expect(needsFolding(text)).toBe(expected);
    expect(regex.test(text)).toBe(expected);
  });
});

describe('placeholders in blocking keys', () => {
  const rule = { name: 'email', parts: ['email'] };
  it.each(['test@test.com', ' Test@Test.com ', 'TEST@TEST.COM'])('%j does not block', (email) => {
    expect(blockingKey({ id: '1', features: { email } }, rule, placeholderSet())).toBeUndefined();
    expect(blockingHash({ id: '1', features: { email } }, rule, placeholderSet())).toBe(-1);
  });

  it('a real address blocks', () => {
    expect(blockingKey({ id: '1', features: { email: 'jo@x.com' } }, rule, placeholderSet())).toBe('jo@x.com');
    expect(blockingHash({ id: '1', features: { email: 'jo@x.com' } }, rule, placeholderSet())).toBeGreaterThanOrEqual(0);
  });
});
