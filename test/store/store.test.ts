import { describe, expect, it } from 'vitest';
import type { PageCommit, Store } from '../../src/store/store.js';
import { STORES } from '../support/stores.js';
import { cimRows, contactPage, sourceRow, STREAM, SYSTEM } from './pages.js';

const ada = { id: 'c1', name: 'Ada Lovelace', emails: ['ada@example.com', 'ada@work.example'] };
const grace = { id: 'c2', name: 'Grace Hopper', emails: ['grace@example.com'] };

async function withStore<T>(open: () => Promise<Store>, body: (store: Store) => Promise<T>): Promise<T> {
  const store = await open();
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

/** A clock the test moves by hand. */
function manualClock(start = '2026-01-01T00:00:00.000Z'): { clock: () => Date; advance: (seconds: number) => void } {
  let now = Date.parse(start);
  return { clock: () => new Date(now), advance: (seconds) => (now += seconds * 1000) };
}

for (const backend of STORES) {
  describe(backend.name, () => {
    const open = (): Promise<Store> => backend.open();

    it('reports its dialect and migrates idempotently, also concurrently', () =>
      withStore(open, async (store) => {
        expect(store.dialect).toBe(backend.name);
        await store.commitPage(contactPage([ada]));
        await store.migrate();
        await Promise.all([store.migrate(), store.migrate()]);
        expect(await store.countCimRecords()).toEqual([
          { entity: 'ContactPointEmail', live: 2, deleted: 0 },
          { entity: 'Individual', live: 1, deleted: 0 },
        ]);
      }));

    it('inserts a page, and the same page again changes nothing', () =>
      withStore(open, async (store) => {
        const page = contactPage([ada, grace], { cursor: { after: 'c2' } });
        expect(await store.commitPage(page)).toEqual({
          sourceChanged: 2, sourceUnchanged: 0, cimInserted: 5, cimUpdated: 0, cimUnchanged: 0, cimDeleted: 0, deadLettered: 0,
        });
        expect(await store.commitPage(page)).toEqual({
          sourceChanged: 0, sourceUnchanged: 2, cimInserted: 0, cimUpdated: 0, cimUnchanged: 5, cimDeleted: 0, deadLettered: 0,
        });
        expect(await store.countCimRecords()).toEqual([
          { entity: 'ContactPointEmail', live: 3, deleted: 0 },
          { entity: 'Individual', live: 2, deleted: 0 },
        ]);
        expect(await store.getCursor(SYSTEM, STREAM)).toEqual({ after: 'c2' });
      }));

    it('stores source rows and CIM records as given', () =>
      withStore(open, async (store) => {
        await store.commitPage(contactPage([{ ...ada, modstamp: '2026-01-02T03:04:05.000Z' }]));
        const source = await store.getSourceRecord(SYSTEM, STREAM, 'c1');
        expect(source).toMatchObject({ recordId: 'c1', modstamp: '2026-01-02T03:04:05.000Z', deleted: false, fields: { Name: 'Ada Lovelace' } });
        expect(source?.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        const [individual] = cimRows(ada);
        const stored = await store.getCimRecord('Individual', SYSTEM, 'c1');
        expect(stored).toMatchObject({
          entity: 'Individual', id: individual!.id, externalSourceId: SYSTEM, externalRecordId: 'c1', data: individual!.record.data,
          deleted: false, hash: individual!.hash, sourceSystem: SYSTEM, sourceStream: STREAM, sourceRecordId: 'c1',
        });
        expect(await store.getSourceRecord(SYSTEM, STREAM, 'nope')).toBeUndefined();
        expect(await store.getCimRecord('Individual', SYSTEM, 'nope')).toBeUndefined();
        expect((await store.cimRecordsOfSource(SYSTEM, STREAM, 'c1')).map((r) => r.externalRecordId)).toEqual(['c1/Email0', 'c1/Email1', 'c1']);
      }));

    it('updates changed records and leaves unchanged ones alone', () =>
      withStore(open, async (store) => {
        await store.commitPage(contactPage([ada, grace]));
        const before = await store.getCimRecord('ContactPointEmail', SYSTEM, 'c1/Email0');
        const renamed = { ...ada, name: 'Augusta Ada King' };
        expect(await store.commitPage(contactPage([renamed]))).toMatchObject({ sourceChanged: 1, cimInserted: 0, cimUpdated: 1, cimUnchanged: 2, cimDeleted: 0 });
        expect((await store.getCimRecord('Individual', SYSTEM, 'c1'))?.data['name']).toBe('Augusta Ada King');
        expect(await store.getCimRecord('ContactPointEmail', SYSTEM, 'c1/Email0')).toEqual(before);
        expect((await store.getSourceRecord(SYSTEM, STREAM, 'c1'))?.fields['Name']).toBe('Augusta Ada King');
      }));

    it('tombstones the CIM records of deleted source records, keeping their data, and restores them', () =>
      withStore(open, async (store) => {
        await store.commitPage(contactPage([ada, grace]));
        const result = await store.commitPage(contactPage([], { deletions: [{ recordId: 'c1', modstamp: '2026-02-01T00:00:00.000Z' }] }));
        expect(result).toMatchObject({ cimDeleted: 3 });
        const tombstones = await store.cimRecordsOfSource(SYSTEM, STREAM, 'c1');
        expect(tombstones.map((r) => r.deleted)).toEqual([true, true, true]);
        expect(tombstones[0]?.data['emailAddress']).toBe('ada@example.com');
        expect(await store.getSourceRecord(SYSTEM, STREAM, 'c1')).toMatchObject({ deleted: true, modstamp: '2026-02-01T00:00:00.000Z' });
        expect(await store.countCimRecords('Individual')).toEqual([{ entity: 'Individual', live: 1, deleted: 1 }]);
        // Deleting again changes nothing.
        expect(await store.commitPage(contactPage([], { deletions: [{ recordId: 'c1' }] }))).toMatchObject({ cimDeleted: 0 });
        // The same row read again (restored in the system) is not mistaken for unchanged, and comes back live.
        expect((await store.sourceHashes(SYSTEM, STREAM, ['c1'])).get('c1')).not.toBe(sourceRow(ada).hash);
        expect(await store.commitPage(contactPage([ada]))).toMatchObject({ sourceChanged: 1, cimInserted: 0, cimUpdated: 3, cimUnchanged: 0 });
        expect((await store.cimRecordsOfSource(SYSTEM, STREAM, 'c1')).map((r) => r.deleted)).toEqual([false, false, false]);
      }));

    it('treats a deleted source row in the page as a deletion', () =>
      withStore(open, async (store) => {
        await store.commitPage(contactPage([grace]));
        const page: PageCommit = { ...contactPage([]), sourceRecords: [sourceRow(grace, true)] };
        expect(await store.commitPage(page)).toMatchObject({ sourceChanged: 1, cimDeleted: 2 });
        expect(await store.getSourceRecord(SYSTEM, STREAM, 'c2')).toMatchObject({ deleted: true, hash: sourceRow(grace, true).hash });
      }));

    it('tombstones the CIM records a changed source record no longer produces', () =>
      withStore(open, async (store) => {
        await store.commitPage(contactPage([ada, grace]));
        const oneEmail = { ...ada, emails: ['ada@example.com'] };
        expect(await store.commitPage(contactPage([oneEmail]))).toMatchObject({ sourceChanged: 1, cimUnchanged: 2, cimDeleted: 1 });
        expect(await store.getCimRecord('ContactPointEmail', SYSTEM, 'c1/Email1')).toMatchObject({ deleted: true, data: { emailAddress: 'ada@work.example' } });
        expect(await store.getCimRecord('ContactPointEmail', SYSTEM, 'c1/Email0')).toMatchObject({ deleted: false });
        expect(await store.getCimRecord('ContactPointEmail', SYSTEM, 'c2/Email0')).toMatchObject({ deleted: false });
        // No email at all: only the Individual stays live.
        expect(await store.commitPage(contactPage([{ ...ada, emails: [] }]))).toMatchObject({ cimDeleted: 1 });
        expect(await store.countCimRecords('ContactPointEmail')).toEqual([{ entity: 'ContactPointEmail', live: 1, deleted: 2 }]);
        // The email returns: its record is updated back to live.
        expect(await store.commitPage(contactPage([ada]))).toMatchObject({ cimUpdated: 2, cimInserted: 0, cimDeleted: 0 });
      }));

    it('keeps the last of duplicate rows in one page', () =>
      withStore(open, async (store) => {
        const page = contactPage([ada, { ...ada, name: 'Ada King' }]);
        expect(await store.commitPage(page)).toMatchObject({ sourceChanged: 1, sourceUnchanged: 1, cimInserted: 3, cimUnchanged: 3 });
        expect((await store.getCimRecord('Individual', SYSTEM, 'c1'))?.data['name']).toBe('Ada King');
      }));

    it('writes neither data nor cursor when any part of a page fails', () =>
      withStore(open, async (store) => {
        await store.commitPage(contactPage([grace], { cursor: { page: 1 } }));
        const bad = contactPage([ada], {
          cursor: { page: 2 },
          deletions: [{ recordId: 'c2' }],
          events: [{ type: 'profile.created', key: 'c1', payload: {} }],
          // A stage outside the allowed set violates a CHECK constraint after every other write of the page.
          deadLetters: [{ runId: 'run-1', system: SYSTEM, stream: STREAM, stage: 'nowhere' as 'map', code: 'X', reason: 'bad' }],
        });
        await expect(store.commitPage(bad)).rejects.toMatchObject({ code: 'STORE_WRITE_FAILED', kind: 'bug' });
        expect(await store.getCursor(SYSTEM, STREAM)).toEqual({ page: 1 });
        expect(await store.getSourceRecord(SYSTEM, STREAM, 'c1')).toBeUndefined();
        expect(await store.getCimRecord('Individual', SYSTEM, 'c1')).toBeUndefined();
        expect(await store.getCimRecord('Individual', SYSTEM, 'c2')).toMatchObject({ deleted: false });
        expect(await store.claimOutbox(10, 60)).toEqual([]);
        expect(await store.listDeadLetters()).toEqual([]);
      }));

    it('rejects a CIM record without its key', () =>
      withStore(open, async (store) => {
        const page = contactPage([ada]);
        const keyless = { ...page.cimRecords[0]!, record: { entity: 'Individual', data: { id: 'x', externalSourceId: SYSTEM } } };
        await expect(store.commitPage({ ...page, cimRecords: [keyless] })).rejects.toMatchObject({ code: 'STORE_CIM_KEY_MISSING' });
        expect(await store.getSourceRecord(SYSTEM, STREAM, 'c1')).toBeUndefined();
      }));

    it('keeps and forgets cursors per stream', () =>
      withStore(open, async (store) => {
        expect(await store.getCursor(SYSTEM, STREAM)).toBeUndefined();
        await store.commitPage(contactPage([ada], { cursor: { modstamp: '2026-01-01T00:00:00Z', id: 'c1' } }));
        await store.commitPage(contactPage([grace]));
        await store.commitPage({ ...contactPage([]), stream: 'Lead', cursor: { n: 1 } });
        expect(await store.getCursor(SYSTEM, STREAM)).toEqual({ modstamp: '2026-01-01T00:00:00Z', id: 'c1' });
        await store.resetCursor(SYSTEM, STREAM);
        expect(await store.getCursor(SYSTEM, STREAM)).toBeUndefined();
        expect(await store.getCursor(SYSTEM, 'Lead')).toEqual({ n: 1 });
      }));

    it('round-trips dead letters and bounds their payloads', () =>
      withStore(open, async (store) => {
        const big = { text: 'é'.repeat(100_000) };
        await store.commitPage(
          contactPage([], {
            deadLetters: [
              { runId: 'r1', system: SYSTEM, stream: STREAM, recordId: 'c9', line: 12, stage: 'validate', entity: 'ContactPointEmail', field: 'emailAddress', code: 'INVALID_EMAIL', reason: 'not an email', payload: { Email: 'nope', nul: 'a\u0000b' } },
              { runId: 'r1', system: SYSTEM, stream: STREAM, stage: 'extract', code: 'CSV_QUOTE', reason: 'unclosed quote', payload: big },
            ],
          }),
        );
        await store.commitPage({ ...contactPage([]), stream: 'Lead', deadLetters: [{ runId: 'r2', system: SYSTEM, stream: 'Lead', stage: 'map', code: 'M', reason: 'm' }] });
        const letters = await store.listDeadLetters({ runId: 'r1' });
        expect(letters).toHaveLength(2);
        expect(letters[0]).toMatchObject({ runId: 'r1', recordId: 'c9', line: 12, stage: 'validate', entity: 'ContactPointEmail', field: 'emailAddress', code: 'INVALID_EMAIL', reason: 'not an email', payload: { Email: 'nope' } });
        expect(letters[0]?.createdAt).toMatch(/Z$/);
        const truncated = letters[1]?.payload as { $truncated: boolean; bytes: number; head: string };
        expect(truncated.$truncated).toBe(true);
        expect(truncated.bytes).toBe(Buffer.byteLength(JSON.stringify(big)));
        expect(truncated.head.startsWith('{"text":"éé')).toBe(true);
        expect(Buffer.byteLength(JSON.stringify(truncated))).toBeLessThanOrEqual(64 * 1024);
        expect(letters[1]?.recordId).toBeUndefined();
        expect(await store.listDeadLetters({ stream: 'Lead' })).toMatchObject([{ runId: 'r2', code: 'M' }]);
        expect(await store.listDeadLetters({ limit: 1 })).toHaveLength(1);
      }));

    it('keeps runs with per-stream counts', async () => {
      const { clock, advance } = manualClock();
      await withStore(() => backend.open({ clock }), async (store) => {
        const first = await store.startRun({ streams: ['Contact'], full: false });
        expect(first).toMatchObject({ status: 'running', startedAt: '2026-01-01T00:00:00.000Z', counts: { read: 0 }, streams: [] });
        await store.addRunCounts(first.id, SYSTEM, STREAM, { read: 10, loaded: 7, unchanged: 2, deleted: 1, deadLettered: 1 });
        await store.addRunCounts(first.id, SYSTEM, STREAM, { read: 5, loaded: 5, unchanged: 0, deleted: 0, deadLettered: 0 });
        await store.addRunCounts(first.id, SYSTEM, 'Account', { read: 3, loaded: 3, unchanged: 0, deleted: 0, deadLettered: 0 });
        advance(90);
        const finished = await store.finishRun(first.id, 'failed', 'Account: quota exhausted');
        expect(finished).toMatchObject({
          id: first.id, status: 'failed', startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:01:30.000Z', error: 'Account: quota exhausted',
          request: { streams: ['Contact'], full: false },
          counts: { read: 18, loaded: 15, unchanged: 2, deleted: 1, deadLettered: 1 },
          streams: [
            { system: SYSTEM, stream: 'Account', read: 3, loaded: 3, unchanged: 0, deleted: 0, deadLettered: 0 },
            { system: SYSTEM, stream: STREAM, read: 15, loaded: 12, unchanged: 2, deleted: 1, deadLettered: 1 },
          ],
        });
        advance(10);
        const second = await store.startRun({});
        expect((await store.listRuns()).map((r) => r.id)).toEqual([second.id, first.id]);
        expect(await store.listRuns({ limit: 1 })).toHaveLength(1);
        expect(await store.getRun(second.id)).toMatchObject({ status: 'running', finishedAt: undefined });
        expect(await store.getRun('missing')).toBeUndefined();
        await expect(store.finishRun('missing', 'succeeded')).rejects.toMatchObject({ code: 'STORE_RUN_NOT_FOUND' });
      });
    });

    it('hands out outbox events under a lease, and acknowledges or retries them', async () => {
      const { clock, advance } = manualClock();
      await withStore(() => backend.open({ clock }), async (store) => {
        const events = ['a', 'b', 'c'].map((key) => ({ type: 'profile.created', key, payload: { key } }));
        await store.commitPage(contactPage([ada], { events }));
        const claimed = await store.claimOutbox(2, 60);
        expect(claimed.map((e) => [e.key, e.attempts, e.payload])).toEqual([['a', 1, { key: 'a' }], ['b', 1, { key: 'b' }]]);
        expect(claimed[0]?.createdAt).toBe('2026-01-01T00:00:00.000Z');
        // Leased events are not handed out again; the rest are.
        expect((await store.claimOutbox(10, 60)).map((e) => e.key)).toEqual(['c']);
        expect(await store.claimOutbox(10, 60)).toEqual([]);
        await store.ackOutbox([claimed[0]!.id]);
        await store.failOutbox(claimed[1]!.id, 'Teams answered 502');
        // b waits out its first backoff (30 s); c stays leased for 60 s.
        advance(29);
        expect(await store.claimOutbox(10, 60)).toEqual([]);
        advance(1);
        expect((await store.claimOutbox(10, 60)).map((e) => [e.key, e.attempts, e.lastError])).toEqual([['b', 2, 'Teams answered 502']]);
        // c's lease runs out (its worker died); a is delivered for good and b is leased again.
        advance(30);
        const again = [...(await store.claimOutbox(10, 60))];
        expect(again.map((e) => [e.key, e.attempts, e.lastError])).toEqual([['c', 2, undefined]]);
        again.unshift(claimed[1]!);
        await store.failOutbox(again[0]!.id, 'still 502', 3600);
        await store.ackOutbox([again[1]!.id]);
        advance(3599);
        expect(await store.claimOutbox(10, 60)).toEqual([]);
        advance(1);
        expect((await store.claimOutbox(10, 60)).map((e) => e.key)).toEqual(['b']);
        await expect(store.failOutbox(999_999, 'x')).rejects.toMatchObject({ code: 'STORE_OUTBOX_NOT_FOUND' });
      });
    });

    it('pages CIM records by id', () =>
      withStore(open, async (store) => {
        const contacts = Array.from({ length: 25 }, (_, i) => ({ id: `c${String(i).padStart(2, '0')}`, name: `Person ${i}` }));
        await store.commitPage(contactPage(contacts));
        await store.commitPage(contactPage([], { deletions: [{ recordId: 'c03' }] }));
        const seen: string[] = [];
        let after: string | undefined;
        for (;;) {
          const page = await store.listCimRecords('Individual', after === undefined ? { limit: 10 } : { limit: 10, after });
          if (page.length === 0) break;
          expect(page.length).toBeLessThanOrEqual(10);
          seen.push(...page.map((r) => r.id));
          after = page[page.length - 1]!.id;
        }
        expect(seen).toHaveLength(24);
        expect([...seen].sort()).toEqual(seen);
        expect(new Set(seen).size).toBe(24);
        expect(await store.listCimRecords('Individual', { limit: 100, includeDeleted: true })).toHaveLength(25);
        expect(await store.listCimRecords('Account')).toEqual([]);
      }));

    it('lists live source ids in batches, for delete reconciliation', () =>
      withStore(open, async (store) => {
        const ids = Array.from({ length: 5_003 }, (_, i) => `s${String(i).padStart(5, '0')}`);
        const page = (recordIds: string[]): PageCommit => ({
          ...contactPage([]),
          sourceRecords: recordIds.map((id) => sourceRow({ id, name: id })),
        });
        await store.commitPage(page(ids));
        await store.commitPage({ ...page(['other']), stream: 'Lead', sourceRecords: [{ ...sourceRow({ id: 'other', name: 'x' }), stream: 'Lead' }] });
        await store.commitPage(contactPage([], { deletions: [{ recordId: 's00007' }] }));
        const batches: string[][] = [];
        for await (const batch of store.liveSourceIds(SYSTEM, STREAM)) batches.push(batch);
        expect(batches.length).toBeGreaterThan(1);
        const live = batches.flat();
        expect(live).toHaveLength(5_002);
        expect(live).not.toContain('s00007');
        expect(new Set(live)).toEqual(new Set(ids.filter((id) => id !== 's00007')));
        const hashes = await store.sourceHashes(SYSTEM, STREAM, ['s00001', 's05002', 'missing']);
        expect([...hashes.keys()].sort()).toEqual(['s00001', 's05002']);
        expect(hashes.get('s00001')).toBe(sourceRow({ id: 's00001', name: 's00001' }).hash);
      }));

    it('finds CIM records by id, preferring the live one when entities share it', () =>
      withStore(open, async (store) => {
        await store.commitPage(contactPage([ada]));
        const individual = cimRows(ada)[0]!;
        expect(await store.getCimRecordById(individual.id)).toMatchObject({ entity: 'Individual', externalRecordId: 'c1' });
        expect(await store.getCimRecordById('00000000-0000-5000-8000-000000000000')).toBeUndefined();
        // A Party shares its Individual's id; once the Individual is a tombstone the live Party is found.
        const party = { ...individual, record: { entity: 'Party', data: { ...individual.record.data } } };
        await store.commitPage({ ...contactPage([]), cimRecords: [party] });
        expect(await store.getCimRecordById(individual.id)).toMatchObject({ entity: 'Individual' });
        await store.commitPage({ ...contactPage([]), sourceRecords: [sourceRow({ ...ada, emails: [] })], cimRecords: [party] });
        expect(await store.getCimRecordById(individual.id)).toMatchObject({ entity: 'Party', deleted: false });
      }));

    it('counts CIM records per entity, live and deleted', () =>
      withStore(open, async (store) => {
        expect(await store.countCimRecords()).toEqual([]);
        await store.commitPage(contactPage([ada, grace]));
        await store.commitPage(contactPage([], { deletions: [{ recordId: 'c2' }] }));
        expect(await store.countCimRecords()).toEqual([
          { entity: 'ContactPointEmail', live: 2, deleted: 1 },
          { entity: 'Individual', live: 1, deleted: 1 },
        ]);
        expect(await store.countCimRecords('Individual')).toEqual([{ entity: 'Individual', live: 1, deleted: 1 }]);
      }));
  });
}
