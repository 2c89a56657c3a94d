import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { context, readAll, tempDir } from '../../../test/connectors/support.js';
import type { SourceRecord } from '../../store/store.js';
import { cdmFolderConnector } from './index.js';
import { cdmFolderSpec } from './spec.js';

const LAKE = new URL('./fixtures/lake/', import.meta.url).pathname;

function source(baseDir: string, config: Record<string, unknown>) {
  return cdmFolderConnector.createSource(cdmFolderSpec.parse(config), context(baseDir, 'dv'));
}

const comparable = (records: SourceRecord[]) => records.map(({ recordId, modstamp, deleted, fields }) => ({ recordId, modstamp, deleted, fields }));

describe('cdm-folder', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
  });
  afterEach(() => cleanup());

  it('reads header-less Synapse Link partitions with typed values, keys, modstamps and IsDelete', async () => {
    const src = source(LAKE, { path: 'model.json' });
    const { records, problems } = await readAll(src, 'contact');
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.recordId, r.modstamp, r.deleted])).toEqual([
      ['6f9619ff-8b86-d011-b42d-00c04fc964ff', '2024-05-01T11:59:00.000Z', false],
      ['7a9619ff-8b86-d011-b42d-00c04fc964aa', '2024-05-02T07:59:00.000Z', false],
      ['8b9619ff-8b86-d011-b42d-00c04fc964bb', '2024-05-02T08:59:00.000Z', true],
      ['9c9619ff-8b86-d011-b42d-00c04fc964bb', '2024-05-02T09:29:00.000Z', undefined],
    ]);
    expect(records[0]!.fields).toMatchObject({
      contactid: '6f9619ff-8b86-d011-b42d-00c04fc964ff',
      parentcustomerid: '0a1b2c3d-0000-4000-8000-00000000000a',
      birthdate: '1990-04-12T00:00:00.000Z',
      numberofchildren: 2,
      creditlimit: 1500.5,
      donotemail: false,
      description: 'Prefers email.\r\nCall after 3pm, "not before"',
      versionnumber: 123456,
    });
    expect(records[1]!.fields).not.toHaveProperty('birthdate');
  });

  it('model.json (absolute ADLS URLs and relative paths) and the manifest (documents, partitions, patterns) agree', async () => {
    const model = source(LAKE, { path: 'model.json' });
    const manifest = source(LAKE, { path: 'default.manifest.cdm.json' });
    const [a, b] = [await model.discover(), await manifest.discover()];
    expect(a.map((s) => [s.name, s.idField, s.modstampField, s.estimatedRows])).toEqual([
      ['account', 'accountid', 'modifiedon', 2],
      // Estimates count line breaks: the quoted line break in contact/2023.csv counts as a row.
      ['contact', 'contactid', 'modifiedon', 5],
    ]);
    expect(b.map((s) => [s.name, s.idField, s.modstampField, s.estimatedRows])).toEqual(a.map((s) => [s.name, s.idField, s.modstampField, s.estimatedRows]));
    expect(b.map((s) => s.fields)).toEqual(a.map((s) => s.fields));
    for (const stream of ['account', 'contact']) {
      expect(comparable((await readAll(manifest, stream)).records)).toEqual(comparable((await readAll(model, stream)).records));
    }
  });

  it('takes externalSourceId from organizationId, else from the folder name', () => {
    expect(source(LAKE, { path: '.' }).externalSourceId).toBe('dataverse:lake');
    expect(source(LAKE, { path: '.', organizationId: '0F6AB0E0-3B4F-4B9E-9A51-6F0C2B3D4E5F' }).externalSourceId).toBe('dataverse:0f6ab0e0-3b4f-4b9e-9a51-6f0c2b3d4e5f');
  });

  it('resumes across partitions from the cursor of an interrupted read', async () => {
    const src = source(LAKE, { path: '.' });
    const pages = (await readAll(src, 'contact', { pageSize: 2 })).pages;
    expect(pages[0]!.cursor).toMatchObject({ part: 1, rowsDone: 2, complete: false });
    const resumed = await readAll(src, 'contact', { cursor: pages[0]!.cursor });
    expect(resumed.records.map((r) => r.recordId)).toEqual(['8b9619ff-8b86-d011-b42d-00c04fc964bb', '9c9619ff-8b86-d011-b42d-00c04fc964bb']);
    expect(resumed.pages[0]!.fullRead).toBe(false);
  });

  it('fails only the stream whose partition is missing, naming entity and location; check says so', async () => {
    await cp(LAKE, dir, { recursive: true });
    await rm(join(dir, 'contact', '2024.csv'));
    const src = source(dir, { path: '.' });
    await expect(readAll(src, 'contact')).rejects.toThrow(/entity contact names partition https:\/\/contosolake.*contact\/2024\.csv/);
    expect((await readAll(src, 'account')).records).toHaveLength(2);
    expect(await src.check()).toMatchObject({ ok: false, message: expect.stringContaining('contact: https://contosolake') });
  });

  it('honours columnHeaders and QuoteStyle.None from fileFormatSettings', async () => {
    const model = {
      name: 'x',
      version: '1.0',
      entities: [
        {
          $type: 'LocalEntity',
          name: 'lead',
          attributes: [{ name: 'leadid', dataType: 'guid' }, { name: 'subject', dataType: 'string' }, { name: 'budgetamount', dataType: 'decimal' }],
          partitions: [{ name: 'p', location: 'lead.tsv', fileFormatSettings: { $type: 'CsvFormatSettings', columnHeaders: true, delimiter: '\t', quoteStyle: 'QuoteStyle.None' } }],
        },
      ],
    };
    await writeFile(join(dir, 'model.json'), JSON.stringify(model));
    await writeFile(join(dir, 'lead.tsv'), 'subject\tleadid\tbudgetamount\n"Quoted" as data\t6F9619FF-8B86-D011-B42D-00C04FC964FF\t10.5\n');
    const { records } = await readAll(source(dir, { path: '.' }), 'lead');
    expect(records[0]).toMatchObject({ recordId: '6f9619ff-8b86-d011-b42d-00c04fc964ff', fields: { subject: '"Quoted" as data', budgetamount: 10.5 } });
  });

  it('turns values their type cannot hold into problems naming line and column, and reads on', async () => {
    await cp(LAKE, dir, { recursive: true });
    const text = await readFile(join(dir, 'contact', '2024.csv'), 'utf8');
    await writeFile(join(dir, 'contact', '2024.csv'), text.replace('"123999"', '"92233720368547758070"'));
    const { records, problems } = await readAll(source(dir, { path: '.' }), 'contact');
    expect(problems).toMatchObject([{ code: 'NUMBER_TOO_LARGE', line: 1, field: 'versionnumber', recordId: '7a9619ff-8b86-d011-b42d-00c04fc964aa' }]);
    expect(records).toHaveLength(3);
  });
});
