import { describe, expect, it } from 'vitest';
import { concordId, contentHash, salesforceId18, stableStringify, uuidV5 } from './ids.js';

describe('uuidV5', () => {
  it('matches the RFC 4122 example for the DNS namespace', () => {
    const dns = Buffer.from('6ba7b8109dad11d180b400c04fd430c8', 'hex');
    expect(uuidV5('www.example.com', dns)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
  it('is stable and sensitive to every part', () => {
    expect(concordId('salesforce', 'Contact', '003', 'Email')).toBe(concordId('salesforce', 'Contact', '003', 'Email'));
    expect(concordId('salesforce', 'Contact', '003', 'Email')).not.toBe(concordId('salesforce', 'Contact', '003', 'Phone'));
    expect(concordId('a\u001fb', 'c')).not.toBe(concordId('a', 'b\u001fc'));
  });
});

describe('contentHash', () => {
  it('ignores key order and undefined values', () => {
    expect(contentHash({ a: 1, b: { c: 2, d: undefined } })).toBe(contentHash({ b: { c: 2 }, a: 1 }));
    expect(stableStringify([1, undefined])).toBe('[1,null]');
  });
  it('differs when content differs', () => {
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: '1' }));
  });
});

describe('salesforceId18', () => {
  it.each([
    ['001A0000006Vm9r', '001A0000006Vm9rIAC'],
    ['003000000000001', '003000000000001AAA'],
    ['001A0000006Vm9rIAC', '001A0000006Vm9rIAC'],
  ])('%s → %s', (input, expected) => {
    expect(salesforceId18(input)).toBe(expected);
  });
});
