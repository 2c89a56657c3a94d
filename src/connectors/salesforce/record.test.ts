import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { deletedRecord, salesforceApiRecord } from './record.js';

const types = new Map([
  ['Id', 'id'], ['IsDeleted', 'boolean'], ['FirstName', 'string'], ['LastName', 'string'], ['Email', 'email'], ['NumberOfEmployees', 'int'],
  ['Birthdate', 'date'], ['HasOptedOutOfEmail', 'boolean'], ['MailingStreet', 'textarea'], ['SystemModstamp', 'datetime'],
]);
const rest = JSON.parse(readFileSync(new URL('./fixtures/query-contact-page.json', import.meta.url), 'utf8')) as { records: Array<Record<string, unknown>> };
const bulk = parse(readFileSync(new URL('./fixtures/bulk-contact-results.csv', import.meta.url), 'utf8'), { columns: true }) as Array<Record<string, string>>;

describe('salesforceApiRecord', () => {
  it('gives the same source record from a REST page and a Bulk CSV page', () => {
    const fromRest = rest.records.map((r) => salesforceApiRecord('crm', 'Contact', r, types, 'SystemModstamp'));
    const fromBulk = bulk.map((r) => salesforceApiRecord('crm', 'Contact', r, types, 'SystemModstamp'));
    expect(fromRest).toEqual(fromBulk);
    expect(fromRest[0]).toEqual({
      system: 'crm', stream: 'Contact', recordId: '0035g00000A1b2CAAR', modstamp: '2024-05-01T12:00:00.000Z', deleted: false,
      fields: { Id: '0035g00000A1b2CAAR', IsDeleted: 'false', FirstName: 'Mei', LastName: 'Ng', Email: 'mei.ng@example.com', Birthdate: '1988-02-29', HasOptedOutOfEmail: 'true', SystemModstamp: '2024-05-01T12:00:00.000Z' },
    });
  });

  it('marks IsDeleted rows as deleted and normalises 15-character ids', () => {
    const r = salesforceApiRecord('crm', 'Contact', rest.records[1]!, types, 'SystemModstamp');
    expect(r).toMatchObject({ recordId: '0035g00000A1b2DAAR', deleted: true, fields: { NumberOfEmployees: '250', MailingStreet: '1 Main St\nSuite 2' } });
  });

  it('makes a hard delete a field-less tombstone stamped with its deletion time', () => {
    expect(deletedRecord('crm', 'Contact', '0035g00000A1b2C', '2024-05-02T08:00:00.000+0000')).toEqual({
      system: 'crm', stream: 'Contact', recordId: '0035g00000A1b2CAAR', modstamp: '2024-05-02T08:00:00.000Z', deleted: true, fields: {},
    });
  });
});
