import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page, ReadOptions, Source, StreamInfo } from '../../src/connectors/connector.js';
import { concordId } from '../../src/core/ids.js';
import { ConcordError } from '../../src/core/errors.js';
import type { CimRecord } from '../../src/model/record.js';
import { STORES } from '../support/stores.js';
import type { SourceRecord, Store } from '../../src/store/store.js';
import { runSync } from '../../src/pipeline/run-sync.js';
import type { RecordMapper, RecordValidator, StreamPlan } from '../../src/pipeline/types.js';

/** A source over an in-memory table; the cursor is the offset of the next row; it can fail after N pages. */
class TableSource implements Source {
  readonly mappingSystem = 'test';
  readonly externalSourceId = 'test:1';
  readonly fullReadReconciles = true;
  failAfterPages: number | undefined;
  failWith: () => Error = () => new Error('connection reset');
  constructor(public rows: SourceRecord[], public problemsAt: Map<number, string> = new Map()) {}
  async check() {
    return { ok: true, message: 'ok' };
  }
  async discover(): Promise<StreamInfo[]> {
    return [{ name: 'people', idField: 'Id', fields: [{ name: 'Name', type: 'string' }] }];
  }
  async *read(_stream: string, options: ReadOptions): AsyncIterable<Page> {
    const start = typeof options.cursor?.['offset'] === 'number' ? (options.cursor['offset'] as number) : 0;
    let pages = 0;
    for (let offset = start; offset < this.rows.length; offset += options.pageSize) {
      if (this.failAfterPages !== undefined && pages >= this.failAfterPages) throw this.failWith();
      const slice = this.rows.slice(offset, offset + options.pageSize);
      const problems = slice.flatMap((r, i) => (this.problemsAt.has(offset + i) ? [{ line: offset + i + 2, code: 'CSV_BAD_ROW', reason: this.problemsAt.get(offset + i)! }] : []));
      const records = slice.filter((_, i) => !this.problemsAt.has(offset + i));
      pages++;
      yield { records, problems, cursor: { offset: offset + slice.length }, fullRead: start === 0, progress: { done: offset + slice.length, total: this.rows.length, unit: 'rows' } };
    }
  }
}

const mapper: RecordMapper = (record) => {
  const name = record.fields['Name'];
  if (typeof name !== 'string' || name.trim() === '') {
    return { records: [], issues: [{ severity: 'error', field: 'Name', code: 'REQUIRED', reason: 'Name is empty' }] };
  }
  const id = concordId('test', 'people', record.recordId);
  const individual: CimRecord = {
    entity: 'Individual',
    data: { id, externalSourceId: 'test:1', externalRecordId: record.recordId, personName: name, birthDate: record.fields['Birthdate'] },
  };
  const status = record.fields['Status'];
  const records: CimRecord[] = [individual];
  if (typeof status === 'string') {
    records.push({ entity: 'LeadStatus', data: { id: concordId('test', '#ref', 'LeadStatus', status), externalSourceId: 'test:1', externalRecordId: status, leadStatusName: status } });
  }
  const issues = name === name.toUpperCase() ? [{ severity: 'warning' as const, field: 'Name', code: 'ALL_CAPS', reason: 'name in capitals' }] : [];
  return { records, issues };
};

const validate: RecordValidator = (record) =>
  record.data['birthDate'] === '2023-02-30' ? [{ entity: record.entity, field: 'birthDate', value: '2023-02-30', rule: 'date', message: 'birthDate 2023-02-30 is not a date' }] : [];

function people(n: number, from = 0): SourceRecord[] {
  return Array.from({ length: n }, (_, i) => ({ system: 'test', stream: 'people', recordId: `P${from + i}`, fields: { Name: `Person ${from + i}` }, line: from + i + 2 }));
}

function plan(source: Source, full = false): StreamPlan {
  return { system: 'test', stream: 'people', source, mapper, full };
}

const options = { pageSize: 10, validate, request: {} };

for (const backend of STORES) describe(`runSync on ${backend.name}`, () => {
  let store: Store;
  beforeEach(async () => {
    store = await backend.open();
  });
  afterEach(async () => {
    await store.close();
  });

  it('loads everything once and finds everything unchanged the second time', async () => {
    const source = new TableSource(people(35));
    const first = await runSync(store, [plan(source)], [], options);
    expect(first.totals).toMatchObject({ read: 35, loaded: 35, unchanged: 0, deadLettered: 0 });
    expect(first.balanced).toBe(true);
    const second = await runSync(store, [plan(source, true)], [], options);
    expect(second.totals).toMatchObject({ read: 35, loaded: 0, unchanged: 35, deleted: 0 });
    expect((await store.countCimRecords('Individual'))[0]).toMatchObject({ live: 35, deleted: 0 });
  });

  it('dead-letters bad rows with stage, field and reason, and carries on', async () => {
    const rows = people(20);
    rows[3]!.fields = { Name: '' };
    rows[7]!.fields = { Name: 'Eve', Birthdate: '2023-02-30' };
    const source = new TableSource(rows, new Map([[12, 'unbalanced quote']]));
    const report = await runSync(store, [plan(source)], [], options);
    expect(report.totals).toMatchObject({ read: 20, loaded: 17, deadLettered: 3 });
    expect(report.balanced).toBe(true);
    const letters = await store.listDeadLetters({ runId: report.runId });
    expect(letters.map((l) => [l.stage, l.recordId ?? null, l.field ?? null, l.code]).sort()).toEqual(
      [
        ['extract', null, null, 'CSV_BAD_ROW'],
        ['map', 'P3', 'Name', 'REQUIRED'],
        ['validate', 'P7', 'birthDate', 'INVALID_DATE'],
      ].sort(),
    );
    // The dead-lettered rows are tried again on the next run, the good ones are unchanged.
    const again = await runSync(store, [plan(source, true)], [], options);
    expect(again.totals).toMatchObject({ read: 20, unchanged: 17, deadLettered: 3, loaded: 0 });
  });

  it('counts warnings without storing them row by row', async () => {
    const rows = people(5);
    rows[0]!.fields = { Name: 'ADA' };
    rows[1]!.fields = { Name: 'BOB' };
    const report = await runSync(store, [plan(new TableSource(rows))], [], options);
    expect(report.streams[0]!.warnings).toEqual([{ code: 'ALL_CAPS', field: 'Name', count: 2, example: 'record P0: name in capitals' }]);
  });

  it('tombstones rows deleted at the source and rows missing from a complete read', async () => {
    const source = new TableSource(people(10));
    await runSync(store, [plan(source)], [], options);
    source.rows = people(10).filter((r) => r.recordId !== 'P4');
    source.rows[0] = { ...source.rows[0]!, deleted: true };
    const report = await runSync(store, [plan(source, true)], [], options);
    expect(report.streams[0]!.reconciledDeletes).toBe(1);
    expect(report.totals).toMatchObject({ read: 9, loaded: 1, unchanged: 8, deleted: 2 });
    expect((await store.countCimRecords('Individual'))[0]).toMatchObject({ live: 8, deleted: 2 });
  });

  it('keeps shared reference records live when one row stops using them or is deleted', async () => {
    const rows = people(3).map((r) => ({ ...r, fields: { ...r.fields, Status: 'Open' } }));
    const shared: StreamPlan = { ...plan(new TableSource(rows)), isShared: (r) => r.entity === 'LeadStatus' };
    await runSync(store, [shared], [], options);
    rows[0] = { ...rows[0]!, fields: { ...rows[0]!.fields, Status: 'Closed' } };
    rows[1] = { ...rows[1]!, deleted: true };
    await runSync(store, [{ ...shared, source: new TableSource(rows), full: true }], [], options);
    const statuses = await store.listCimRecords('LeadStatus', { includeDeleted: true });
    expect(statuses.map((s) => [s.externalRecordId, s.deleted]).sort()).toEqual([
      ['Closed', false],
      ['Open', false],
    ]);
  });

  it('resumes from the last committed page after a failure, with nothing lost or duplicated', async () => {
    const source = new TableSource(people(50));
    source.failAfterPages = 2;
    const failed = await runSync(store, [plan(source)], [], options);
    expect(failed.status).toBe('failed');
    expect(failed.totals.loaded).toBe(20);
    expect((await store.getRun(failed.runId))?.status).toBe('failed');
    source.failAfterPages = undefined;
    const resumed = await runSync(store, [plan(source)], [], options);
    expect(resumed.status).toBe('succeeded');
    expect(resumed.totals).toMatchObject({ read: 30, loaded: 30 });
    // A resumed read did not start at the beginning: nothing is reconciled away.
    expect(resumed.streams[0]!.reconciledDeletes).toBe(0);
    expect((await store.countCimRecords('Individual'))[0]).toMatchObject({ live: 50, deleted: 0 });
  });
});

describe('a system out of API quota', () => {
  it('pauses the run, keeps what was committed, skips that system and carries on with the others', async () => {
    const backend = STORES[0]!;
    const store = await backend.open();
    try {
      const quota = new TableSource(people(30));
      quota.failAfterPages = 1;
      quota.failWith = () => new ConcordError('SF_QUOTA', 'API requests at 95% of the daily limit', { kind: 'quota' });
      const other = new TableSource(people(5, 100));
      const plans: StreamPlan[] = [
        { ...plan(quota), system: 'sf' },
        { ...plan(quota), system: 'sf', stream: 'people2' },
        { ...plan(other), system: 'files' },
      ];
      const report = await runSync(store, plans, [], options);
      expect(report.status).toBe('paused');
      expect(report.skipped).toEqual([{ system: 'sf', stream: 'people2', reason: expect.stringMatching(/out of API quota/) }]);
      expect(report.streams.map((s) => [s.system, s.counts.loaded])).toEqual([
        ['sf', 10],
        ['files', 5],
      ]);
      const run = await store.getRun(report.runId);
      expect(run?.status).toBe('paused');
      expect(await store.getCursor('sf', 'people')).toEqual({ offset: 10 });
    } finally {
      await store.close();
    }
  });
});

describe('delete reconciliation and unreadable rows', () => {
  it('never tombstones a stored row because it could not be read this time', async () => {
    const store = await STORES[0]!.open();
    try {
      const source = new TableSource(people(10));
      await runSync(store, [plan(source)], [], options);
      // P3 now fails to read, with its id known; P6 fails without an id (a broken CSV line).
      const identified = new TableSource(people(10), new Map([[3, 'bad value']]));
      const read = identified.read.bind(identified);
      identified.read = async function* (stream, opts) {
        for await (const page of read(stream, opts)) yield { ...page, problems: page.problems.map((p) => ({ ...p, recordId: 'P3' })) };
      };
      const first = await runSync(store, [plan(identified, true)], [], options);
      expect(first.streams[0]!.reconciledDeletes).toBe(0);
      expect((await store.countCimRecords('Individual'))[0]).toMatchObject({ live: 10, deleted: 0 });

      const anonymous = new TableSource(people(10), new Map([[6, 'unbalanced quote']]));
      const second = await runSync(store, [plan(anonymous, true)], [], options);
      expect(second.streams[0]!.reconciledDeletes).toBe(0);
      expect(second.streams[0]!.reconcileSkipped).toMatch(/1 row\(s\) could not be read/);
      expect((await store.countCimRecords('Individual'))[0]).toMatchObject({ live: 10, deleted: 0 });
    } finally {
      await store.close();
    }
  });
});
