import { describe, expect, it } from 'vitest';
import { resumePoint } from './file-cursor.js';

const cursor = { fingerprint: 'fp', part: 1, byteOffset: 100, line: 7, rowsDone: 6, complete: false };

describe('resumePoint', () => {
  it.each([
    ['an unfinished read of the same files', cursor, 'fp', cursor],
    ['a finished read', { ...cursor, complete: true }, 'fp', undefined],
    ['files that changed', cursor, 'other', undefined],
    ['no cursor', undefined, 'fp', undefined],
    ['a cursor of another kind', { modstamp: '2024-01-01T00:00:00Z', id: 'x' }, 'fp', undefined],
  ])('%s', (_, stored, fingerprint, expected) => {
    expect(resumePoint(stored, fingerprint)).toEqual(expected);
  });
});
