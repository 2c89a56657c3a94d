import { describe, expect, it } from 'vitest';
import type { ByteSource } from './byte-source.js';
import { estimateRows, looksLikeUtf8, nonEmptyFields, uniqueColumns } from './csv-part.js';

function memory(bytes: Buffer): ByteSource {
  return {
    name: 'm.csv',
    size: bytes.length,
    async *open(start: number) {
      for (let i = start; i < bytes.length; i += 1000) yield bytes.subarray(i, i + 1000);
    },
    fingerprint: () => Promise.resolve('x'),
  };
}

describe('csv-part helpers', () => {
  it.each([
    [['Id', 'Name'], ['Id', 'Name'], []],
    [['Id', 'Name', 'Name', ' Name '], ['Id', 'Name', 'Name#2', 'Name#3'], ['Name', 'Name']],
  ])('uniqueColumns(%j)', (names, columns, duplicates) => {
    expect(uniqueColumns(names)).toEqual({ columns, duplicates });
  });

  it('keeps only non-empty cells', () => {
    expect(nonEmptyFields({ columns: ['a', 'b', 'c'], values: ['1', '', ' '], line: 2, file: 'f' })).toEqual({ a: '1', c: ' ' });
  });

  it('estimates rows exactly for small files and by scaling for large ones', async () => {
    expect(await estimateRows(memory(Buffer.from('h\n1\n2\n3')), true)).toBe(3);
    expect(await estimateRows(memory(Buffer.from('1\n2\n')), false)).toBe(2);
    expect(await estimateRows(memory(Buffer.alloc(0)), true)).toBe(0);
    const big = Buffer.from('h\n' + 'row-of-ten\n'.repeat(100_000));
    expect(Math.abs((await estimateRows(memory(big), true)) - 100_000)).toBeLessThan(100);
  });

  it.each([
    ['UTF-8 text', Buffer.from('Id,Name\n1,Émile\n'), true],
    ['ISO-8859-1 text', Buffer.from('Id,Name\n1,\u00c9mile\n', 'latin1'), false],
    ['a BOM', Buffer.from([0xef, 0xbb, 0xbf, 0x41]), true],
  ])('looksLikeUtf8: %s', async (_, bytes, expected) => {
    expect(await looksLikeUtf8(memory(bytes))).toBe(expected);
  });

  it('does not blame a character cut at the 64 KiB sample edge', async () => {
    const text = Buffer.from(('é'.repeat(40) + '\n').repeat(2000));
    expect(await looksLikeUtf8(memory(text))).toBe(true);
  });
});
