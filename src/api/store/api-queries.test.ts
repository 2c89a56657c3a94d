import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../store/store.js';
import { STORES } from '../../../test/support/stores.js';
import { hashToken } from '../tokens.js';
import { distinctPeople, individualId, storePeople } from '../../../test/identity-store/people.js';

/** A clock that moves a minute per call. */
function minutes(start = Date.parse('2026-03-01T00:00:00Z')): () => Date {
  let n = 0;
  return () => new Date(start + 60_000 * n++);
}

for (const backend of STORES) {
  describe(`api store queries (${backend.name})`, () => {
    let store: Store;
    afterEach(async () => store?.close());

    async function open(): Promise<Store> {
      store = await backend.open({ clock: minutes() });
      await store.migrate();
      return store;
    }

    it('creates, finds, lists, touches and revokes tokens', async () => {
      await open();
      const created = await store.createApiToken('ops', hashToken('secret-1'));
      expect(created).toMatchObject({ name: 'ops', tokenHash: hashToken('secret-1'), lastUsedAt: undefined, revokedAt: undefined });
      expect(await store.findApiToken(hashToken('secret-1'))).toEqual(created);
      expect(await store.findApiToken(hashToken('other'))).toBeUndefined();

      await store.touchApiToken(created.id, new Date('2026-03-02T10:00:00Z'));
      expect((await store.findApiToken(hashToken('secret-1')))?.lastUsedAt).toBe('2026-03-02T10:00:00.000Z');

      const revoked = await store.revokeApiToken('ops');
      expect(revoked?.revokedAt).toBeDefined();
      expect(await store.revokeApiToken('ops')).toBeUndefined();
      expect((await store.findApiToken(hashToken('secret-1')))?.revokedAt).toBe(revoked?.revokedAt);
    });

    it('refuses a second live token with the same name, and allows it again once revoked', async () => {
      await open();
      await store.createApiToken('ops', hashToken('a'));
      await expect(store.createApiToken('ops', hashToken('b'))).rejects.toMatchObject({ code: 'TOKEN_NAME_TAKEN' });
      await store.revokeApiToken('ops');
      await store.createApiToken('ops', hashToken('c'));
      const list = await store.listApiTokens();
      expect(list.map((t) => [t.name, t.tokenHash, t.revokedAt === undefined])).toEqual([
        ['ops', hashToken('a'), false],
        ['ops', hashToken('c'), true],
      ]);
    });

    it('pages runs newest first and dead letters by id', async () => {
      await open();
      const runs = [];
      for (let i = 0; i < 5; i++) runs.push(await store.startRun({ i }));
      const first = await store.apiRunIds({ limit: 2 });
      expect(first.map((r) => r.id)).toEqual([runs[4]!.id, runs[3]!.id]);
      const second = await store.apiRunIds({ limit: 2, after: first[1] });
      expect(second.map((r) => r.id)).toEqual([runs[2]!.id, runs[1]!.id]);
      const last = await store.apiRunIds({ limit: 2, after: second[1] });
      expect(last.map((r) => r.id)).toEqual([runs[0]!.id]);

      const run = runs[0]!.id;
      await store.commitPage({
        runId: run, system: 'sf', stream: 'Contact', sourceRecords: [], cimRecords: [], deletions: [],
        deadLetters: [1, 2, 3].map((n) => ({ runId: run, system: 'sf', stream: 'Contact', recordId: `r${n}`, stage: 'map' as const, code: 'BAD', reason: `bad ${n}` })),
      });
      const letters = await store.apiDeadLetters({ runId: run, limit: 2 });
      expect(letters.map((l) => l.recordId)).toEqual(['r1', 'r2']);
      const rest = await store.apiDeadLetters({ runId: run, limit: 2, afterId: letters[1]!.id });
      expect(rest.map((l) => l.recordId)).toEqual(['r3']);
      expect(await store.apiCountDeadLetters()).toBe(3);
    });

    it('counts source records per stream and knows each stream\'s cursor and last run', async () => {
      await open();
      const run = await store.startRun({});
      await store.commitPage({
        runId: run.id, system: 'sf', stream: 'Contact', cimRecords: [], deletions: [], deadLetters: [], cursor: { since: 'x' },
        sourceRecords: ['a', 'b', 'c'].map((recordId) => ({ system: 'sf', stream: 'Contact', recordId, fields: { recordId }, hash: recordId })),
      });
      await store.commitPage({ runId: run.id, system: 'sf', stream: 'Contact', sourceRecords: [], cimRecords: [], deadLetters: [], deletions: [{ recordId: 'c' }] });
      await store.addRunCounts(run.id, 'sf', 'Contact', { read: 3, loaded: 3, unchanged: 0, deleted: 1, deadLettered: 0 });
      await store.finishRun(run.id, 'succeeded');
      expect(await store.apiStreamRecordCounts()).toEqual([{ system: 'sf', stream: 'Contact', records: 2, deleted: 1 }]);
      const [state] = await store.apiStreamStates();
      expect(state).toMatchObject({ system: 'sf', stream: 'Contact', cursor: { since: 'x' }, lastRun: { runId: run.id, status: 'succeeded' } });
      expect(await store.apiProfileStats()).toEqual({ active: 0, merged: 0, records: 0, multiSystem: 0, organizations: 0, overlap: [] });
    });

    it('counts person profiles and the systems each one spans, and active organisation profiles apart', async () => {
      await open();
      const crm = distinctPeople(3, 'crm');
      const erp = [{ ...crm[0]!, system: 'erp', id: 'erp-0' }, { ...crm[1]!, system: 'erp', id: 'erp-1' }];
      await storePeople(store, [...crm, ...erp]);
      const at = '2026-03-01T00:00:00.000Z';
      const profile = (unifiedId: string, status: 'active' | 'merged' = 'active') => ({ unifiedId, kind: 'person' as const, createdAt: at, updatedAt: at, status, attributes: {} });
      await store.applyIdentityChanges({
        profiles: [profile('U1'), profile('U2'), profile('U3'), profile('U4', 'merged'), { ...profile('O1'), kind: 'organization' }, { ...profile('O2', 'merged'), kind: 'organization' }],
        members: [
          { recordId: individualId(crm[0]!), unifiedId: 'U1', since: at },
          { recordId: individualId(erp[0]!), unifiedId: 'U1', since: at },
          { recordId: individualId(crm[1]!), unifiedId: 'U2', since: at },
          { recordId: individualId(erp[1]!), unifiedId: 'U2', since: at },
          { recordId: individualId(crm[2]!), unifiedId: 'U3', since: at },
        ],
        removedMembers: [],
        history: [],
      });
      expect(await store.apiProfileStats()).toEqual({
        active: 3,
        merged: 1,
        records: 5,
        multiSystem: 2,
        organizations: 1,
        overlap: [{ systems: ['crm', 'erp'], profiles: 2 }, { systems: ['crm'], profiles: 1 }],
      });
    });
  });
}
