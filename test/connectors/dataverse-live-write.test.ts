/**
 * Write-back to the Dataverse emulator: upsert by alternate key creates then updates the same row (a change
 * tracking read then sees it), create-only and update-only modes reject per row, an undefined key is rejected
 * with Dataverse's message, rows travel in $batch calls, and a batch whose answer is lost is retried without
 * creating twice.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { destination, dataverseSpec } from '../../src/connectors/dataverse/index.js';
import { startDataverseEmulator, type DataverseEmulator } from '../emulators/dataverse/index.js';
import { drain, envFor, liveSource, systemConfig } from '../emulators/dataverse/harness.js';

describe('dataverse write-back by alternate key', () => {
  let dv: DataverseEmulator;
  beforeAll(async () => {
    dv = await startDataverseEmulator({ seed: 13, people: 60 });
  });
  afterAll(() => dv.close());
  beforeEach(() => dv.faults.clear());

  function writer(overrides: Record<string, unknown> = {}) {
    const { type: _type, ...config } = systemConfig(dv, overrides);
    return destination.createWriter(dataverseSpec.parse(config), { baseDir: '.', env: envFor(dv), systemName: 'dynamics' });
  }
  const byEmail = (email: string) => [...dv.environment.table('contact').values()].filter((r) => r['emailaddress1'] === email);

  it('creates, then updates the same row, and a delta read sees both changes', async () => {
    const source = liveSource(dv);
    const { cursor } = await drain(source, 'contact', undefined);
    const created = await writer().upsert('contact', ['emailaddress1'], [{ emailaddress1: "o'neil@example.com", firstname: 'Siobhan', lastname: "O'Neil" }]);
    expect(created).toEqual([{ index: 0, key: "emailaddress1='o''neil%40example.com'", outcome: 'created', id: expect.stringMatching(/^[0-9a-f-]{36}$/), errors: [] }]);
    const updated = await writer().upsert('contact', ['emailaddress1'], [{ emailaddress1: "O'Neil@example.com", jobtitle: 'Buyer' }]);
    expect(updated[0]).toMatchObject({ outcome: 'updated', id: created[0]!.id });
    expect(byEmail("o'neil@example.com")).toHaveLength(1);
    const delta = await drain(source, 'contact', cursor);
    expect(delta.records.map((r) => r.recordId)).toEqual([created[0]!.id]);
    expect(delta.records[0]!.fields).toMatchObject({ lastname: "O'Neil", jobtitle: 'Buyer' });
  });

  it('create-only rejects an existing row and update-only a missing one, per row', async () => {
    const existing = String([...dv.environment.table('account').values()].find((r) => r['accountnumber'])!['accountnumber']);
    const outcomes = await writer().upsert('account', ['accountnumber'], [{ accountnumber: existing, name: 'Taken' }, { accountnumber: 'NEW-00001', name: 'Fresh' }], 'create');
    expect(outcomes.map((o) => o.outcome)).toEqual(['rejected', 'created']);
    expect(outcomes[0]!.errors[0]).toMatchObject({ status: 412, message: expect.stringContaining('matching key values already exists') });
    const updates = await writer().upsert('account', ['accountnumber'], [{ accountnumber: 'MISSING-1', name: 'Nobody' }], 'update');
    expect(updates[0]).toMatchObject({ outcome: 'rejected', errors: [{ status: 404 }] });
    expect([...dv.environment.table('account').values()].some((r) => r['accountnumber'] === 'MISSING-1')).toBe(false);
  });

  it('sends writeBatchSize rows a $batch and keeps going past a refused row', async () => {
    const existing = String([...dv.environment.table('account').values()].find((r) => r['accountnumber'])!['accountnumber']);
    const rows = [{ accountnumber: 'B-1', name: 'One' }, { accountnumber: existing, name: 'Taken' }, { accountnumber: 'B-2', name: 'Two' }, { accountnumber: 'B-3', name: 'Three' }, { accountnumber: 'B-4', name: 'Four' }];
    const batchesBefore = dv.server.requests.filter((r) => r.path.endsWith('/$batch')).length;
    const outcomes = await writer({ writeBatchSize: 2 }).upsert('account', ['accountnumber'], rows, 'create');
    expect(dv.server.requests.filter((r) => r.path.endsWith('/$batch')).length - batchesBefore).toBe(3);
    expect(outcomes.map((o) => [o.index, o.outcome])).toEqual([[0, 'created'], [1, 'rejected'], [2, 'created'], [3, 'created'], [4, 'created']]);
    expect(outcomes[1]!.errors[0]).toMatchObject({ status: 412, code: '0x80040237' });
  });

  it('a key the table does not define is rejected with Dataverse\'s message', async () => {
    const outcomes = await writer().upsert('lead', ['emailaddress1'], [{ emailaddress1: 'x@example.com', lastname: 'X' }]);
    expect(outcomes[0]).toMatchObject({ outcome: 'rejected', errors: [{ status: 400, message: expect.stringContaining('The key in the request URI is not valid') }] });
  });

  it('a row without its key value is an error before any call', async () => {
    await expect(writer().upsert('contact', ['emailaddress1'], [{ lastname: 'Nokey' }])).rejects.toMatchObject({ code: 'DATAVERSE_KEY_MISSING' });
  });

  it('retries a write whose answer was lost without creating twice', async () => {
    dv.faults.inject({ kind: 'drop-after', path: /\$batch/, times: 1 });
    const before = dv.environment.table('contact').size;
    const outcomes = await writer().upsert('contact', ['emailaddress1'], [{ emailaddress1: 'retry@example.com', lastname: 'Retry' }]);
    // The first attempt created the row; the retry found it by its key and updated it.
    expect(outcomes[0]!.outcome).toBe('updated');
    expect(byEmail('retry@example.com')).toHaveLength(1);
    expect(dv.environment.table('contact').size).toBe(before + 1);
  });
});
