/**
 * Bad input, table-driven, through every CSV-reading connector: each case gives a clear problem, loses no
 * row (every data row is a record or a problem) and the rows after the bad one are still read.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../src/connectors/connector.js';
import { createSource } from '../../src/connectors/registry.js';
import { context, readAll, tempDir } from './support.js';

const id = (n: number): string => `003000000000${String(n).padStart(3, '0')}`;
const HEADER = 'Id,LastName,Email';
const row = (n: number, name = `Name${n}`): string => `${id(n)},${name},n${n}@example.org`;
const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

interface Case {
  name: string;
  content: Buffer;
  /** code, line, field of each expected problem, in order. */
  problems: Array<[code: string, line: number, field?: string]>;
  /** Lines of the rows read as records. */
  recordLines: number[];
}

const text = (...lines: string[]): Buffer => Buffer.from(lines.join('\n') + '\n');

const CASES: Case[] = [
  { name: 'an unclosed quote swallowing the next lines', content: text(HEADER, row(1), `${id(2)},"Unclosed,a@b.c`, row(3), row(4)), problems: [['UNCLOSED_QUOTE', 3, 'LastName']], recordLines: [2, 4, 5] },
  { name: 'a quote inside a quoted field not doubled', content: text(HEADER, row(1), `${id(2)},"Acme "Best" Co",a@b.c`, row(3)), problems: [['BAD_QUOTE', 3, 'LastName']], recordLines: [2, 4] },
  { name: 'a stray quote that closes on a later line', content: text(HEADER, `${id(1)},"Open,a@b.c`, row(2), `${id(3)},"Quoted",q@b.c`, row(4)), problems: [['BAD_QUOTE', 2, 'LastName']], recordLines: [3, 4, 5] },
  { name: 'too many columns', content: text(HEADER, row(1), `${row(2)},extra`, row(3)), problems: [['TOO_MANY_COLUMNS', 3]], recordLines: [2, 4] },
  { name: 'too few columns', content: text(HEADER, row(1), `${id(2)},OnlyName`, row(3)), problems: [['TOO_FEW_COLUMNS', 3]], recordLines: [2, 4] },
  { name: 'a UTF-8 byte order mark', content: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text(HEADER, row(1), row(2))]), problems: [], recordLines: [2, 3] },
  { name: 'bytes that are not UTF-8', content: Buffer.concat([text(HEADER, row(1)), Buffer.from(`${id(2)},Ren`), Buffer.from([0xe9, 0x65]), Buffer.from(',r@b.c\n'), text(row(3))]), problems: [['INVALID_UTF8', 3, 'LastName']], recordLines: [2, 4] },
  { name: 'a 10 MB field (limit 4 MiB)', content: text(HEADER, row(1), `${id(2)},"${TEN_MB}",big@b.c`, row(3)), problems: [['FIELD_TOO_LARGE', 3, 'LastName']], recordLines: [2, 4] },
  { name: 'an unquoted 10 MB field', content: text(HEADER, row(1), `${id(2)},${TEN_MB},big@b.c`, row(3)), problems: [['FIELD_TOO_LARGE', 3, 'LastName']], recordLines: [2, 4] },
  { name: 'an empty file', content: Buffer.alloc(0), problems: [['EMPTY_FILE', 1]], recordLines: [] },
  { name: 'a header with duplicate column names', content: text('Id,LastName,LastName', `${id(1)},Ng,Nguyen`), problems: [['DUPLICATE_COLUMN', 1, 'LastName']], recordLines: [2] },
  { name: 'a row without an Id', content: text(HEADER, row(1), ',NoId,x@b.c', row(3)), problems: [['MISSING_ID', 3, 'Id']], recordLines: [2, 4] },
];

const CONNECTORS: Array<[string, (dir: string) => Source]> = [
  ['salesforce-export', (dir) => createSource('sf', { type: 'salesforce-export', path: 'Contact.csv', orgId: '00D5g000004abcdEAA' }, context(dir))],
  ['csv', (dir) => createSource('file', { type: 'csv', path: 'Contact.csv', stream: 'Contact', id: 'Id', fields: { Email: 'ContactPointEmail.emailAddress' } }, context(dir))],
];

describe.each(CONNECTORS)('bad input through %s', (_, make) => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
  });
  afterAll(() => cleanup());

  it.each(CASES)('$name', async ({ content, problems, recordLines }) => {
    await writeFile(join(dir, 'Contact.csv'), content);
    const result = await readAll(make(dir), 'Contact');
    expect(result.problems.map((p) => (p.field === undefined ? [p.code, p.line] : [p.code, p.line, p.field]))).toEqual(problems.map((p) => (p[2] === undefined ? [p[0], p[1]] : p)));
    expect(result.records.map((r) => r.line)).toEqual(recordLines);
    for (const p of result.problems) {
      expect(p.reason.length).toBeGreaterThan(10);
      if (typeof p.payload === 'string') expect(p.payload.length).toBeLessThan(1200);
    }
    expect(result.pages.at(-1)!.cursor).toMatchObject({ complete: true });
  });

  it('keeps both values of a duplicated column', async () => {
    await writeFile(join(dir, 'Contact.csv'), text('Id,LastName,LastName', `${id(1)},Ng,Nguyen`));
    const { records } = await readAll(make(dir), 'Contact');
    expect(records[0]!.fields).toMatchObject({ LastName: 'Ng', 'LastName#2': 'Nguyen' });
  });

  it('reads a BOM file without the mark in the first column name', async () => {
    await writeFile(join(dir, 'Contact.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text(HEADER, row(1))]));
    const { records } = await readAll(make(dir), 'Contact');
    expect(Object.keys(records[0]!.fields)).toEqual(['Id', 'LastName', 'Email']);
  });
});

describe('bad input: an empty file is no stream', () => {
  it('discover lists no stream for an empty export file', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await writeFile(join(dir, 'Contact.csv'), '');
      const source = createSource('sf', { type: 'salesforce-export', path: '.', orgId: '00D5g000004abcdEAA' }, context(dir));
      expect(await source.discover()).toEqual([]);
    } finally {
      await cleanup();
    }
  });
});

describe('bad input: a model.json naming a partition that does not exist', () => {
  it('fails that stream with an error naming entity and location', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const model = { name: 'm', version: '1.0', entities: [{ $type: 'LocalEntity', name: 'contact', attributes: [{ name: 'contactid', dataType: 'guid' }], partitions: [{ name: 'p', location: 'https://acct.dfs.core.windows.net/c/contact/2024.csv' }] }] };
      await writeFile(join(dir, 'model.json'), JSON.stringify(model));
      const source = createSource('dv', { type: 'cdm-folder', path: '.' }, context(dir));
      await expect(readAll(source, 'contact')).rejects.toThrow(expect.objectContaining({ code: 'CDM_PARTITION_MISSING', context: expect.objectContaining({ entity: 'contact', file: 'https://acct.dfs.core.windows.net/c/contact/2024.csv' }) }));
    } finally {
      await cleanup();
    }
  });
});
