import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { context, readAll, tempDir } from '../../../test/connectors/support.js';
import { csvConnector, csvFileSpec, fileMappingOf, ndjsonConnector, ndjsonFileSpec } from './index.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const FIELDS = { email: 'Individual.email', first_name: 'Individual.firstName', last_name: 'Individual.lastName' };
const base = { stream: 'leads', id: 'lead_id', modstamp: 'updated_at', fields: FIELDS };

const csv = (dir: string, extra: Record<string, unknown> = {}) => csvConnector.createSource(csvFileSpec.parse({ path: 'leads.csv', ...base, ...extra }), context(dir, 'leads_file'));
const ndjson = (dir: string, extra: Record<string, unknown> = {}) => ndjsonConnector.createSource(ndjsonFileSpec.parse({ path: 'leads.ndjson', ...base, ...extra }), context(dir, 'leads_file'));

describe('csv and ndjson files', () => {
  it.each([
    ['csv', csv],
    ['ndjson', ndjson],
  ])('%s: reads rows keyed by the id column with ISO modstamps', async (_, make) => {
    const src = make(FIXTURES);
    expect(src.externalSourceId).toBe('files:leads_file');
    expect(src.mappingSystem).toBe('files');
    const { records, problems } = await readAll(src, 'leads');
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.recordId, r.modstamp])).toEqual([
      ['L-001', '2024-05-01T10:00:00.000Z'],
      ['L-002', '2024-05-02T09:30:00.000Z'],
      ['L-003', '2024-05-03T14:45:00.000Z'],
    ]);
    expect(records[2]!.fields).not.toHaveProperty('company');
    expect(fileMappingOf(src)).toEqual({ stream: 'leads', idField: 'lead_id', fields: FIELDS });
  });

  it('ndjson keeps JSON values and skips blank lines', async () => {
    const { records } = await readAll(ndjson(FIXTURES), 'leads');
    expect(records[1]!.fields['tags']).toEqual(['trade-show']);
    expect(records[2]!.line).toBe(4);
  });

  it('csv discovers its columns and checks that the configured ones exist', async () => {
    expect((await csv(FIXTURES).discover())[0]).toMatchObject({ name: 'leads', idField: 'lead_id', estimatedRows: 3 });
    expect(await csv(FIXTURES).check()).toMatchObject({ ok: true });
    expect(await csv(FIXTURES, { id: 'leadid' }).check()).toMatchObject({ ok: false, message: expect.stringContaining('no column leadid') });
    expect(await csv(FIXTURES, { path: 'missing.csv' }).check()).toMatchObject({ ok: false, message: expect.stringContaining('missing.csv') });
  });

  it('reads semicolon-delimited files', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await writeFile(join(dir, 'leads.csv'), 'lead_id;email\nL-9;"x;y@example.org"\n');
      const { records } = await readAll(csv(dir, { delimiter: ';', modstamp: undefined }), 'leads');
      expect(records[0]!.fields).toEqual({ lead_id: 'L-9', email: 'x;y@example.org' });
    } finally {
      await cleanup();
    }
  });

  it('ndjson lines that are not objects, not JSON or lack the id are problems, and reading goes on', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await writeFile(join(dir, 'leads.ndjson'), '{"lead_id":1}\n[1,2]\n{"lead_id":\n{"email":"x"}\n{"lead_id":2}\n');
      const { records, problems } = await readAll(ndjson(dir, { modstamp: undefined }), 'leads');
      expect(problems.map((p) => [p.code, p.line])).toEqual([
        ['NOT_AN_OBJECT', 2],
        ['INVALID_JSON', 3],
        ['MISSING_ID', 4],
      ]);
      expect(records.map((r) => r.recordId)).toEqual(['1', '2']);
    } finally {
      await cleanup();
    }
  });

  it('ndjson lines over maxFieldBytes are problems, not truncated, and the next line is read', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await writeFile(join(dir, 'leads.ndjson'), `{"lead_id":1}\n{"lead_id":2,"note":"${'x'.repeat(5000)}"}\n{"lead_id":3}`);
      const { records, problems } = await readAll(ndjson(dir, { modstamp: undefined, maxFieldBytes: 1024 }), 'leads', { pageSize: 1 });
      expect(problems.map((p) => [p.code, p.line])).toEqual([['FIELD_TOO_LARGE', 2]]);
      expect(records.map((r) => [r.recordId, r.line])).toEqual([['1', 1], ['3', 3]]);
      // A line longer than a read chunk (256 KiB) is dropped while streaming, never held whole.
      await writeFile(join(dir, 'leads.ndjson'), `{"lead_id":1}\n{"lead_id":2,"note":"${'y'.repeat(600_000)}"}\n{"lead_id":3}\n`);
      const streamed = await readAll(ndjson(dir, { modstamp: undefined, maxFieldBytes: 100_000 }), 'leads', { pageSize: 1 });
      expect(streamed.problems.map((p) => [p.code, p.line])).toEqual([['FIELD_TOO_LARGE', 2]]);
      expect(streamed.records.map((r) => [r.recordId, r.line])).toEqual([['1', 1], ['3', 3]]);
    } finally {
      await cleanup();
    }
  });

  it('unknown streams are usage errors with a suggestion', async () => {
    await expect(readAll(csv(FIXTURES), 'lead')).rejects.toThrow(/stream lead is not in/);
  });

  it('rejects a fields target that is not Entity.property', () => {
    expect(() => csvFileSpec.parse({ path: 'a.csv', stream: 's', id: 'id', fields: { email: 'email' } })).toThrow(/Entity.property/);
  });
});
