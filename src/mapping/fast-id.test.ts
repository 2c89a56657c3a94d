import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { concordId } from '../core/ids.js';
import { createIdFunction } from './fast-id.js';

describe('createIdFunction', () => {
  const fast = createIdFunction();

  it.each([
    [['salesforce', 'Contact', '0035g00000A1b2CAAR', 'Email']],
    [['salesforce', 'Contact', '0035g00000A1b2CAAR']],
    [['a\\b', 'c\u001fd', 7]],
    [['x'.repeat(200), 'ü€😀'.repeat(40)]],
    [['']],
  ])('gives the same id as concordId for %j', (parts) => {
    expect(fast(...parts)).toBe(concordId(...parts));
  });

  it('matches concordId for arbitrary parts, including multi-block names', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.integer()), { minLength: 1, maxLength: 6 }), (parts) => {
        expect(fast(...parts)).toBe(concordId(...parts));
      }),
      { numRuns: 500 },
    );
  });
});
