import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './paging.js';

const isPosition = (v: unknown): v is { id: string } => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';

describe('paging cursors', () => {
  it('round-trips a position', () => {
    expect(decodeCursor(encodeCursor({ id: 'r-1' }), isPosition)).toEqual({ id: 'r-1' });
  });
  it('is undefined without a cursor', () => {
    expect(decodeCursor(undefined, isPosition)).toBeUndefined();
  });
  it.each([['not base64 json', '%%%'], ['wrong shape', encodeCursor({ other: 1 })], ['json scalar', encodeCursor(3)]])('refuses %s', (_name, cursor) => {
    expect(() => decodeCursor(cursor, isPosition)).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
  });
});
