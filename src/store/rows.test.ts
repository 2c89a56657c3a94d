import { describe, expect, it } from 'vitest';
import { boundedPayloadJson, fromJson, toFlag, toIso, toJsonText } from './rows.js';

describe('row conversions', () => {
  it.each([
    [1, true], [0, false], [true, true], [false, false],
  ] as const)('toFlag(%s) = %s', (stored, expected) => {
    expect(toFlag(stored)).toBe(expected);
  });

  it('reads timestamps and JSON as either driver returns them', () => {
    expect(toIso(new Date(Date.UTC(2026, 0, 2)))).toBe('2026-01-02T00:00:00.000Z');
    expect(toIso('2026-01-02T00:00:00.000Z')).toBe('2026-01-02T00:00:00.000Z');
    expect(fromJson('{"a":1}')).toEqual({ a: 1 });
    expect(fromJson({ a: 1 })).toEqual({ a: 1 });
  });

  it('keeps NUL for SQLite and replaces it for PostgreSQL', () => {
    expect(JSON.parse(toJsonText({ s: 'a\u0000b' }, false))).toEqual({ s: 'a\u0000b' });
    expect(JSON.parse(toJsonText({ s: 'a\u0000b' }, true))).toEqual({ s: 'a\uFFFDb' });
  });
});

describe('boundedPayloadJson', () => {
  it.each([
    ['absent', undefined, null],
    ['small', { a: 1 }, '{"a":1}'],
  ])('%s payloads are kept as they are', (_name, payload, expected) => {
    expect(boundedPayloadJson(payload, 1024, false)).toBe(expected);
  });

  it.each([['ascii', 'x'], ['two-byte', 'é'], ['four-byte', '😀']])('cuts a large %s payload to the bound, as valid JSON with a marker', (_name, char) => {
    const payload = { text: char.repeat(5000) };
    const text = boundedPayloadJson(payload, 1024, false)!;
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1024);
    const marker = JSON.parse(text) as { $truncated: boolean; bytes: number; head: string };
    expect(marker).toMatchObject({ $truncated: true, bytes: Buffer.byteLength(JSON.stringify(payload)) });
    expect(marker.head.startsWith(`{"text":"${char}`)).toBe(true);
    expect(marker.head).not.toContain('\uFFFD');
  });
});
