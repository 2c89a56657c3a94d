import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { context, readAll, tempDir, writeZip } from '../../../test/connectors/support.js';
import { salesforceExportConnector } from './index.js';
import { salesforceExportSpec } from './spec.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const ORG = '00D5g000004abcdEAA';
const OBJECTS = ['Account', 'Contact', 'Lead', 'Loyalty_Card__c'];

function source(dir: string, config: Record<string, unknown>) {
  return salesforceExportConnector.createSource(salesforceExportSpec.parse(config), context(dir, 'sf'));
}

describe('salesforce-export', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    await writeZip(join(dir, `WE_${ORG}_1.ZIP`), {
      'Account.csv': await readFile(join(FIXTURES, 'Account.csv')),
      'Contact.csv': await readFile(join(FIXTURES, 'Contact.csv')),
      'Attachments/00P000000000001.txt': Buffer.from('not an object'),
    });
    await writeZip(join(dir, `WE_${ORG}_2.ZIP`), {
      'Lead.csv': await readFile(join(FIXTURES, 'Lead.csv')),
      'Loyalty_Card__c.csv': await readFile(join(FIXTURES, 'Loyalty_Card__c.csv')),
    });
  });
  afterEach(() => cleanup());

  it('reads Contact rows: 18-character ids, multi-line quoted fields, deletes, modstamps, empty cells omitted', async () => {
    const { records, problems } = await readAll(source(FIXTURES, { path: '.', orgId: ORG }), 'Contact');
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.recordId, r.deleted, r.modstamp, r.line])).toEqual([
      ['0035g00000A1b2CAAR', false, '2024-04-30T10:15:00.000Z', 2],
      ['0035g00000A1b2DAAR', false, '2024-05-01T08:00:01.000Z', 3],
      ['0035g00000A1b2EAAR', true, '2023-12-01T00:00:00.000Z', 5],
    ]);
    expect(records[1]!.fields).toMatchObject({ FirstName: 'Émile', MailingStreet: '1 Main St\r\nSuite 4', Description: 'Met at "Dreamforce"; call back' });
    expect(records[2]!.fields).not.toHaveProperty('Email');
  });

  it.each([
    ['a folder of ZIP parts', '.'],
    ['a glob of ZIP parts', 'WE_*.ZIP'],
  ])('reads %s like the folder of CSVs, with the org id from the part names', async (_, path) => {
    const zipped = source(dir, { path });
    const plain = source(FIXTURES, { path: '.', orgId: ORG });
    expect(zipped.externalSourceId).toBe(`salesforce:${ORG}`);
    expect((await zipped.discover()).map((s) => s.name).sort()).toEqual(OBJECTS);
    for (const object of OBJECTS) {
      const a = await readAll(zipped, object);
      const b = await readAll(plain, object);
      expect(a.records.map(({ recordId, fields, deleted, modstamp }) => ({ recordId, fields, deleted, modstamp }))).toEqual(
        b.records.map(({ recordId, fields, deleted, modstamp }) => ({ recordId, fields, deleted, modstamp })),
      );
    }
  });

  it('reads a single ZIP part named by path', async () => {
    const src = source(dir, { path: `WE_${ORG}_2.ZIP` });
    expect((await src.discover()).map((s) => s.name)).toEqual(['Lead', 'Loyalty_Card__c']);
    expect((await readAll(src, 'Lead')).records[0]!.fields['Company']).toBe('Tailspin Toys');
  });

  it('asks for orgId when neither config nor file names give it', () => {
    expect(() => source(FIXTURES, { path: '.' })).toThrow(/cannot tell which Salesforce org/);
  });

  it('discovers fields, id and modstamp fields and row estimates', async () => {
    const streams = await source(FIXTURES, { path: '.', orgId: ORG }).discover();
    const contact = streams.find((s) => s.name === 'Contact')!;
    expect(contact).toMatchObject({ idField: 'Id', modstampField: 'SystemModstamp' });
    expect(contact.fields.map((f) => f.name)).toContain('HasOptedOutOfEmail');
    expect(streams.find((s) => s.name === 'Account')!.estimatedRows).toBe(3);
  });

  it('check names what is missing', async () => {
    expect(await source(dir, { path: 'nowhere', orgId: ORG }).check()).toMatchObject({ ok: false, message: expect.stringContaining('nowhere does not exist') });
    expect(await source(dir, { path: 'WE_*.zap', orgId: ORG }).check()).toMatchObject({ ok: false, message: expect.stringContaining('no .csv or .zip files') });
    expect(await source(dir, { path: '.' }).check()).toMatchObject({ ok: true, message: expect.stringContaining('4 object(s)') });
  });

  it('resumes an interrupted read from the ZIP at the cursor of the last committed page', async () => {
    const src = source(dir, { path: '.' });
    const first = (await readAll(src, 'Contact', { pageSize: 1 })).pages;
    expect(first[0]!.cursor).toMatchObject({ complete: false, rowsDone: 1 });
    const resumed = await readAll(src, 'Contact', { cursor: first[0]!.cursor, pageSize: 1 });
    expect(resumed.records.map((r) => r.recordId)).toEqual(['0035g00000A1b2DAAR', '0035g00000A1b2EAAR']);
    expect(resumed.pages.every((p) => p.fullRead === false)).toBe(true);
    expect(resumed.pages.at(-1)!.cursor).toMatchObject({ complete: true, rowsDone: 3 });
    // A completed cursor means the next run reads everything again.
    const again = await readAll(src, 'Contact', { cursor: resumed.pages.at(-1)!.cursor });
    expect(again.records).toHaveLength(3);
    expect(again.pages[0]!.fullRead).toBe(true);
  });

  it('reads ISO-8859-1 exports with encoding: latin1', async () => {
    const latin = Buffer.from('Id,FirstName\n0035g00000A1b2CAAR,Ren\u00e9e\n', 'latin1');
    await writeFile(join(dir, 'Contact.csv'), latin);
    await copyFile(join(FIXTURES, 'Lead.csv'), join(dir, 'Lead.csv'));
    const utf = await readAll(source(dir, { path: 'Contact.csv', orgId: ORG }), 'Contact');
    expect(utf.problems.map((p) => p.code)).toEqual(['INVALID_UTF8']);
    expect(await source(dir, { path: 'Contact.csv', orgId: ORG }).check()).toMatchObject({ ok: false, message: expect.stringContaining('set encoding: latin1') });
    expect(await source(dir, { path: 'Contact.csv', orgId: ORG, encoding: 'latin1' }).check()).toMatchObject({ ok: true });
    const latinRead = await readAll(source(dir, { path: 'Contact.csv', orgId: ORG, encoding: 'latin1' }), 'Contact');
    expect(latinRead.records[0]!.fields['FirstName']).toBe('Renée');
  });
});
