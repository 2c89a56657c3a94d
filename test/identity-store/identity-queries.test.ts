import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { STORES } from '../support/stores.js';

const at = '2026-01-01T00:00:00.000Z';

for (const backend of STORES) {
  describe(`identity queries (${backend.name})`, () => {
    let store: Store;
    afterEach(async () => store?.close());

    it('round-trips profiles, members, history, params and decisions', async () => {
      store = await backend.open({ clock: () => new Date(at) });
      await store.migrate();
      const attributes = { email: { value: 'a@x.com', provenance: { system: 'crm', recordId: 'r1', externalRecordId: 'x1' }, rule: 'only value', candidates: 1 } };
      await store.applyIdentityChanges({
        profiles: [{ unifiedId: 'P1', kind: 'person', createdAt: at, updatedAt: at, status: 'active', attributes }, { unifiedId: 'P2', kind: 'person', createdAt: at, updatedAt: at, status: 'active', attributes: {} }],
        members: [{ recordId: 'r1', unifiedId: 'P1', since: at }, { recordId: 'r2', unifiedId: 'P2', since: at }],
        removedMembers: [],
        history: [{ event: 'created', unifiedIds: ['P1'], recordIds: ['r1'], at, run: 'run-1' }],
      });
      await store.applyIdentityChanges({
        profiles: [{ unifiedId: 'P2', kind: 'person', createdAt: at, updatedAt: at, status: 'merged', mergedInto: 'P1', attributes: {} }],
        members: [{ recordId: 'r2', unifiedId: 'P1', since: at }],
        removedMembers: [],
        history: [{ event: 'merged', unifiedIds: ['P1', 'P2'], recordIds: ['r2'], at }],
      });
      expect(await store.getProfile('P1')).toEqual({ unifiedId: 'P1', kind: 'person', createdAt: at, updatedAt: at, status: 'active', attributes });
      expect((await store.listProfiles('person')).map((p) => p.unifiedId)).toEqual(['P1']);
      expect((await store.listProfiles('person', { includeInactive: true, after: 'P1' })).map((p) => [p.unifiedId, p.mergedInto])).toEqual([['P2', 'P1']]);
      expect(await store.profileMembers('P1')).toEqual([{ recordId: 'r1', unifiedId: 'P1', since: at }, { recordId: 'r2', unifiedId: 'P1', since: at }]);
      expect(await store.listProfileMembers('organization')).toEqual([]);
      expect((await store.profileHistory('P1')).map((h) => [h.event, h.run])).toEqual([['created', 'run-1'], ['merged', undefined]]);
      expect((await store.profileHistory('P2')).map((h) => h.event)).toEqual(['merged']);

      await store.applyIdentityChanges({ profiles: [], members: [], removedMembers: ['r2'], history: [] });
      expect(await store.profileOfRecord('r2')).toBeUndefined();

      expect(await store.getIdentityParams('person')).toBeUndefined();
      await store.saveIdentityParams('person', { lambda: 0.01 });
      await store.saveIdentityParams('person', { lambda: 0.02 });
      expect(await store.getIdentityParams('person')).toEqual({ params: { lambda: 0.02 }, trainedAt: at });

      const decision = await store.addIdentityDecision({ kind: 'never-match', recordA: 'r1', recordB: 'r2', who: 'ops' });
      expect(await store.listIdentityDecisions()).toEqual([{ ...decision, reason: undefined }]);
      expect(decision).toMatchObject({ kind: 'never-match', who: 'ops', at });
    });

    it('rejects a profile of an unknown kind, writing nothing of the batch', async () => {
      store = await backend.open();
      await store.migrate();
      await expect(store.applyIdentityChanges({
        profiles: [{ unifiedId: 'P9', kind: 'robot' as 'person', createdAt: at, updatedAt: at, status: 'active', attributes: {} }],
        members: [{ recordId: 'r9', unifiedId: 'P9', since: at }],
        removedMembers: [],
        history: [],
      })).rejects.toThrow();
      expect(await store.profileOfRecord('r9')).toBeUndefined();
    });
  });
}
