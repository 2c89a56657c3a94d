import { afterEach, describe, expect, it } from 'vitest';
import { redact, resetRedaction } from './redact.js';
import { ConcordError } from './errors.js';

afterEach(() => {
  delete process.env['CONCORD_TEST_SECRET'];
  resetRedaction();
});

describe('redact', () => {
  it.each([
    ['postgres://app:hunter2@db:5432/concord', 'postgres://app:***@db:5432/concord'],
    ['Authorization: Bearer abc.def.ghi', 'Authorization: Bearer ***'],
    ['client_secret=s3cr3t&grant_type=x', 'client_secret=***&grant_type=x'],
    ['nothing secret here', 'nothing secret here'],
  ])('%s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('removes values of secret-named environment variables wherever they appear', () => {
    process.env['CONCORD_TEST_SECRET'] = 'very-private-value';
    resetRedaction();
    const error = new ConcordError('X', 'login failed with very-private-value', { hint: 'check very-private-value' });
    expect(error.message).toBe('login failed with ***');
    expect(error.toLine()).not.toContain('very-private-value');
  });
});
