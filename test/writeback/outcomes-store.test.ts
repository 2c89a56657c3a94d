/** The write-back history in both stores: appended per run, listed per run in order, keyset-paged. */
import { describe, expect, it } from 'vitest';
import type { WriteBackOutcome } from '../../src/writeback/index.js';
import { STORES } from '../support/stores.js';

for (const backend of STORES) {
  describe(`writeback_outcomes (${backend.name})`, () => {
    it('lists a run\'s outcomes in order, page by page, with values and vendor messages', async () => {
      const store = await backend.open({ clock: () => new Date('2026-01-02T03:04:05.000Z') });
      try {
        await store.migrate();
        const row = (runId: string, i: number, outcome: WriteBackOutcome['outcome']): WriteBackOutcome => ({
          runId, system: 'crm', stream: 'Contact', recordId: `003${i}`, unifiedId: `u-${i}`, key: `003${i}`, outcome, values: { Email: `p${i}@example.com`, Note: 'ünïcode\u0000' },
          ...(outcome === 'rejected' && { code: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access to this record' }),
        });
        await store.recordWriteBackOutcomes(Array.from({ length: 7 }, (_, i) => row('run-1', i, i === 3 ? 'rejected' : 'updated')));
        await store.recordWriteBackOutcomes([row('run-2', 99, 'created')]);
        await store.recordWriteBackOutcomes([]);

        const first = await store.listWriteBackOutcomes({ runId: 'run-1', limit: 4 });
        const rest = await store.listWriteBackOutcomes({ runId: 'run-1', limit: 4, after: first.at(-1)!.id });
        expect([...first, ...rest].map((o) => o.recordId)).toEqual(['0030', '0031', '0032', '0033', '0034', '0035', '0036']);
        expect(first[3]).toMatchObject({ outcome: 'rejected', code: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access to this record', at: '2026-01-02T03:04:05.000Z' });
        expect(first[0]!.values['Email']).toBe('p0@example.com');
        expect(first[0]).not.toHaveProperty('code');
        expect(await store.listWriteBackOutcomes({ runId: 'run-2' })).toEqual([expect.objectContaining({ outcome: 'created', unifiedId: 'u-99' })]);
        expect(await store.listWriteBackOutcomes()).toHaveLength(8);
      } finally {
        await store.close();
      }
    });
  });
}
