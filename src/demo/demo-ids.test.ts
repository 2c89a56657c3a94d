import { describe, expect, it } from 'vitest';
import { KEY_PREFIX, SalesforceIdMinter, guid, isValidSalesforceId18 } from './demo-ids.js';
import { Rng } from './prng.js';

describe('SalesforceIdMinter', () => {
  it.each(Object.entries(KEY_PREFIX))('mints valid, unique 18-character %s ids with prefix %s', (_object, prefix) => {
    const minter = new SalesforceIdMinter(new Rng(3));
    const ids = Array.from({ length: 200 }, () => minter.next(prefix));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toHaveLength(18);
      expect(id.startsWith(prefix)).toBe(true);
      expect(isValidSalesforceId18(id)).toBe(true);
    }
  });

  it('rejects ids whose suffix does not match the case of the first 15 characters', () => {
    expect(isValidSalesforceId18('0019000000B98deAAB')).toBe(true);
    expect(isValidSalesforceId18('0019000000B98deAAA')).toBe(false);
    expect(isValidSalesforceId18('0019000000B98de')).toBe(false);
  });
});

describe('guid', () => {
  it('draws lower-case version-4 GUIDs deterministically', () => {
    const a = guid(new Rng(5));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(guid(new Rng(5))).toBe(a);
    expect(guid(new Rng(6))).not.toBe(a);
  });
});
