import { describe, expect, it } from 'vitest';
import { planPage } from './page-plan.js';
import type { CimRecordRow, PageCommit, SourceRecordRow } from './store.js';

const source = (recordId: string, hash: string, deleted = false): SourceRecordRow => ({ system: 's', stream: 't', recordId, fields: {}, hash, deleted });
const cim = (recordId: string, slot: string, entity = 'ContactPointEmail'): CimRecordRow => ({
  record: { entity, data: { id: `${recordId}-${slot}`, externalSourceId: 's', externalRecordId: `${recordId}/${slot}` } },
  id: `${recordId}-${slot}`,
  hash: slot,
  source: { system: 's', stream: 't', recordId },
});
const page = (parts: Partial<PageCommit>): PageCommit => ({ runId: 'r', system: 's', stream: 't', sourceRecords: [], cimRecords: [], deletions: [], deadLetters: [], ...parts });

describe('planPage', () => {
  it('keeps the last of duplicate source and CIM rows', () => {
    const plan = planPage(page({ sourceRecords: [source('a', '1'), source('a', '2')], cimRecords: [cim('a', 'x'), { ...cim('a', 'x'), hash: 'late' }] }));
    expect(plan.sourceRows.map((r) => r.hash)).toEqual(['2']);
    expect(plan.cimRows.map((r) => r.row.hash)).toEqual(['late']);
  });

  it('lists the complete output of every live source row, even an empty one', () => {
    const plan = planPage(page({ sourceRecords: [source('a', '1'), source('b', '1')], cimRecords: [cim('a', 'x'), cim('a', 'y')] }));
    expect(plan.produced).toEqual([
      { system: 's', stream: 't', recordId: 'a', keys: ['ContactPointEmail\u001fs\u001fa/x', 'ContactPointEmail\u001fs\u001fa/y'] },
      { system: 's', stream: 't', recordId: 'b', keys: [] },
    ]);
  });

  it('gathers deletions from the deletion list and from deleted source rows', () => {
    const plan = planPage(page({ sourceRecords: [source('a', '1', true)], deletions: [{ recordId: 'b', modstamp: 'm' }] }));
    expect(plan.deletions).toEqual([
      { system: 's', stream: 't', recordId: 'b', modstamp: 'm' },
      { system: 's', stream: 't', recordId: 'a', modstamp: undefined },
    ]);
    expect(plan.produced).toEqual([]);
  });

  it('refuses a CIM record without its key', () => {
    const keyless = { ...cim('a', 'x'), record: { entity: 'Individual', data: { id: 'i' } } };
    expect(() => planPage(page({ cimRecords: [keyless] }))).toThrow(expect.objectContaining({ code: 'STORE_CIM_KEY_MISSING', kind: 'bug' }));
  });
});
