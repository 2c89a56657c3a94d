import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import type { ByteSource } from './byte-source.js';
import { CsvTokenizer, parseRecord, type CsvEvent, type CsvSyntax } from './csv-tokenizer.js';

/** A byte source over a buffer, handing out chunks of `chunk` bytes (to hit every chunk boundary). */
function memorySource(bytes: Buffer, chunk: number): ByteSource {
  return {
    name: 'memory.csv',
    size: bytes.length,
    async *open(start: number) {
      for (let i = start; i < bytes.length; i += chunk) yield bytes.subarray(i, Math.min(bytes.length, i + chunk));
    },
    fingerprint: () => Promise.resolve(String(bytes.length)),
  };
}

const SYNTAX: CsvSyntax = { delimiter: ',', quote: '"', encoding: 'utf8', maxFieldBytes: 1 << 20 };

async function events(text: string | Buffer, chunk = 7, syntax = SYNTAX, columns?: number): Promise<CsvEvent[]> {
  const tokenizer = new CsvTokenizer(memorySource(Buffer.isBuffer(text) ? text : Buffer.from(text), chunk), syntax);
  if (columns !== undefined) tokenizer.expectedColumns = { count: columns, allowFewer: false };
  const out: CsvEvent[] = [];
  for await (const event of tokenizer.events()) out.push(event);
  return out;
}

const rows = (list: CsvEvent[]) => list.map((e) => (e.kind === 'row' ? e.fields : e.code));

describe('parseRecord', () => {
  const parse = (text: string, eof = true) => parseRecord(Buffer.from(text), 0, eof, 44, 34, 100);
  it.each([
    ['a,b\n', { kind: 'row', spans: [0, 1, 0, 2, 3, 0], next: 4 }],
    ['"a,b",c\r\n', { kind: 'row', spans: [1, 4, 1, 6, 7, 0], next: 9 }],
    ['"x\ny"\n', { kind: 'row', breaks: 1, firstBreak: 3, next: 6 }],
    ['"x" y\n', { kind: 'bad-quote', column: 1, at: 3 }],
    ['a,"open\nb\n', { kind: 'unclosed', column: 2, firstBreak: 8 }],
  ])('%j', (text, expected) => {
    expect(parse(text)).toMatchObject(expected);
  });

  it('asks for more input instead of guessing at a chunk end', () => {
    expect(parse('a,"b', false)).toEqual({ kind: 'more' });
    expect(parse('a,b\r', false)).toEqual({ kind: 'more' });
    expect(parse('"a"', false)).toEqual({ kind: 'more' });
  });
});

describe('CsvTokenizer', () => {
  it.each([1, 2, 3, 7, 64 * 1024])('reads the same rows whatever the chunk size (%i)', async (chunk) => {
    const text = 'Id,Name\r\n1,"a ""b"" c"\r\n2,"multi\r\nline"\n\n3,x\r4,"é"';
    expect(rows(await events(text, chunk))).toEqual([['Id', 'Name'], ['1', 'a "b" c'], ['2', 'multi\r\nline'], ['3', 'x'], ['4', 'é']]);
  });

  it('gives every row its starting line and the byte offset after it', async () => {
    const list = await events('h\n"a\nb"\nc\n', 2);
    expect(list.map((e) => [e.line, e.end, e.nextLine])).toEqual([[1, 2, 2], [2, 8, 4], [4, 10, 5]]);
  });

  it('starts at an offset and line (resume)', async () => {
    const tokenizer = new CsvTokenizer(memorySource(Buffer.from('h\n1\n2\n3\n'), 3), SYNTAX, { offset: 4, line: 3 });
    const list: CsvEvent[] = [];
    for await (const e of tokenizer.events()) list.push(e);
    expect(list.map((e) => [e.kind === 'row' ? e.fields[0] : e.code, e.line])).toEqual([['2', 3], ['3', 4]]);
  });

  it('treats quotes as data when the quote character is off', async () => {
    expect(rows(await events('"a,b"\n', 3, { ...SYNTAX, quote: null }))).toEqual([['"a', 'b"']]);
  });

  it('reads Latin-1 bytes when told to', async () => {
    expect(rows(await events(Buffer.from('Ren\u00e9e\n', 'latin1'), 4, { ...SYNTAX, encoding: 'latin1' }))).toEqual([['Renée']]);
  });

  it('round-trips any table csv-stringify writes, at any chunk size (property)', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r\n', 'é', '€', '😀', '1'), maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }).chain((width) => fc.tuple(fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 50 }), fc.boolean())), async ([table, chunk, quoted]) => {
        // A row of one empty cell would be a blank line, which readers skip by design.
        const data = table.filter((r) => !(r.length === 1 && r[0] === ''));
        // csv-stringify quotes only the record delimiter (\r\n); a bare \n or \r must be quoted too.
        const text = stringify(data, { quoted, quoted_match: /[\r\n]/, record_delimiter: 'windows' });
        expect(rows(await events(text, chunk))).toEqual(data);
      }),
      { numRuns: 200 },
    );
  });

  it('loses no row around a line with an unclosed or stray quote (property)', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '1', 'é'), maxLength: 8 });
    const broken = fc.constantFrom('9,"unclosed', '9,"stray "quote" here",x', '9,x"y');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 10 }), fc.nat(), broken, fc.integer({ min: 1, max: 40 }), async (table, at, bad, chunk) => {
        const lines = table.map((r) => stringify([r], { quoted_match: /[\r\n]/, record_delimiter: 'unix' }).replace(/\n$/, ''));
        const position = at % (lines.length + 1);
        lines.splice(position, 0, bad);
        const list = await events(lines.join('\n') + '\n', chunk, SYNTAX, 2);
        const good = list.filter((e) => e.kind === 'row').map((e) => (e.kind === 'row' ? e.fields : []));
        const errors = list.filter((e) => e.kind === 'error');
        // A quote inside an unquoted field is data ('9,x"y' is a fine row); the others are one problem each.
        if (bad === '9,x"y') {
          expect(errors).toEqual([]);
          expect(good).toEqual([...table.slice(0, position), ['9', 'x"y'], ...table.slice(position)]);
        } else {
          expect(errors.map((e) => e.line)).toEqual([position + 1]);
          expect(good).toEqual(table);
        }
      }),
      { numRuns: 300 },
    );
  });
});
