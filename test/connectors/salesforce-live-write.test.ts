/**
 * Write-back by external id through sObject Collections upsert against the emulator: calls of 200, one outcome
 * per record, vendor messages kept for rejected rows, no duplicates when an answer is lost and the call retried,
 * and what was written reads back unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destination, salesforceSpec, type SalesforceWriter } from '../../src/connectors/salesforce/index.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../emulators/salesforce/index.js';
import { drain, envFor, liveSource, systemConfig } from '../emulators/salesforce/harness.js';

let sf: SalesforceEmulator;
let writer: SalesforceWriter;
beforeAll(async () => {
  sf = await startSalesforceEmulator({ seed: 51, people: 100 });
  const { type: _type, ...config } = systemConfig(sf);
  writer = destination.createWriter(salesforceSpec.parse(config), { baseDir: '.', env: envFor(sf), systemName: 'crm' });
});
afterAll(async () => sf.close());

const withExternalId = (key: string) => [...sf.org.table('Contact').values()].filter((r) => r['Concord_Id__c'] === key);

describe('salesforce write-back (sObject Collections upsert)', () => {
  it('creates, then updates, in calls of at most 200, one outcome per record', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => ({ Concord_Id__c: `u-${i}`, LastName: `Written${i}`, Email: `w${i}@example.com` }));
    const before = sf.server.requestLog.length;
    const created = await writer.upsert('Contact', 'Concord_Id__c', rows);
    expect(sf.server.requestLog.slice(before).filter((r) => r.method === 'PATCH').length).toBe(3);
    expect(created.map((o) => o.outcome)).toEqual(rows.map(() => 'created'));
    expect(created[449]).toMatchObject({ index: 449, externalId: 'u-449', id: expect.stringMatching(/^003/) });
    const updated = await writer.upsert('Contact', 'Concord_Id__c', rows.map((r) => ({ ...r, Title: 'Updated' })));
    expect(updated.map((o) => o.outcome)).toEqual(rows.map(() => 'updated'));
    expect(updated.map((o) => o.id)).toEqual(created.map((o) => o.id));
    for (const i of [0, 200, 449]) expect(withExternalId(`u-${i}`)).toHaveLength(1);
  });

  it('keeps each rejected row with Salesforce\'s status code and message, and writes the others', async () => {
    const outcomes = await writer.upsert('Contact', 'Concord_Id__c', [
      { Concord_Id__c: 'm-1', LastName: 'Fine' },
      { Concord_Id__c: 'm-2', Email: 'no.last.name@example.com' },
      { Concord_Id__c: 'm-3', LastName: 'X', Shoe_Size__c: 44 },
      { Concord_Id__c: 'm-1', LastName: 'Twice' },
      { Concord_Id__c: 'm-4', LastName: 'Also fine', Id: '003000000000000AAA' },
    ]);
    expect(outcomes.map((o) => [o.outcome, o.errors[0]?.statusCode])).toEqual([
      ['created', undefined],
      ['rejected', 'REQUIRED_FIELD_MISSING'],
      ['rejected', 'INVALID_FIELD'],
      ['rejected', 'DUPLICATE_EXTERNAL_ID'],
      ['created', undefined],
    ]);
    expect(outcomes[1]!.errors[0]).toEqual({ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [LastName]', fields: ['LastName'] });
  });

  it('creates nothing twice when an answer is lost and the call is retried', async () => {
    sf.faults.inject({ kind: 'drop-after', path: /\/composite\/sobjects\/Contact\// });
    const outcomes = await writer.upsert('Contact', 'Concord_Id__c', [{ Concord_Id__c: 'lost-1', LastName: 'Lost' }, { Concord_Id__c: 'lost-2', LastName: 'Answer' }]);
    // The first attempt created them; the retry found them by external id.
    expect(outcomes.map((o) => o.outcome)).toEqual(['updated', 'updated']);
    expect(withExternalId('lost-1')).toHaveLength(1);
    expect(withExternalId('lost-2')).toHaveLength(1);
    expect(writer.client.retries).toBeGreaterThanOrEqual(1);
  });

  it('reads back what it wrote, field for field', async () => {
    const source = liveSource(sf);
    const start = await drain(source, 'Contact', undefined);
    const rows = [
      { Concord_Id__c: 'rt-1', FirstName: 'Zoë', LastName: 'Ångström', Email: 'zoe@example.com', Phone: '+44 20 7946 0958', HasOptedOutOfEmail: true, Birthdate: '1990-02-28' },
      { Concord_Id__c: 'rt-2', LastName: "O'Neil, \"Jr\"", MailingStreet: '1 Main St\nSuite 2', Title: 'Head of Data' },
    ];
    const outcomes = await writer.upsert('Contact', 'Concord_Id__c', rows);
    const read = await drain(source, 'Contact', start.cursor);
    outcomes.forEach((o, i) => {
      const record = read.records.find((r) => r.recordId === o.id);
      const expected = Object.fromEntries(Object.entries(rows[i]!).map(([k, v]) => [k, String(v)]));
      expect(record?.fields).toMatchObject(expected);
    });
  });
});
