import { describe, expect, it, vi } from 'vitest';
import { storeBackends } from '../support/stores.js';

describe('storeBackends', () => {
  it('always offers sqlite and adds postgres when CONCORD_TEST_PG_URL is set', () => {
    expect(storeBackends({ CONCORD_TEST_PG_URL: 'postgres://u:p@localhost/db' }).map((b) => b.name)).toEqual(['sqlite', 'postgres']);
  });

  it('refuses to skip PostgreSQL in CI', () => {
    expect(() => storeBackends({ CI: 'true' })).toThrow(/CONCORD_TEST_PG_URL is not set/);
  });

  it('leaves PostgreSQL out elsewhere, saying so at most once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(storeBackends({}).map((b) => b.name)).toEqual(['sqlite']);
      expect(storeBackends({}).map((b) => b.name)).toEqual(['sqlite']);
      expect(warn.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      warn.mockRestore();
    }
  });
});
