import { describe, expect, it } from 'vitest';
import { ConcordError } from '../core/errors.js';
import { storeWriteError } from './write-error.js';

const driverError = (code: string, message = 'failed'): Error & { code: string } => Object.assign(new Error(message), { code });

describe('storeWriteError', () => {
  it.each([
    ['postgres', driverError('08006'), 'transient'],
    ['postgres', driverError('40P01', 'deadlock detected'), 'transient'],
    ['postgres', driverError('ECONNRESET'), 'transient'],
    ['postgres', driverError('53100', 'could not extend file'), 'config'],
    ['postgres', driverError('23514', 'violates check constraint'), 'bug'],
    ['sqlite', driverError('SQLITE_BUSY'), 'transient'],
    ['sqlite', driverError('SQLITE_FULL'), 'config'],
    ['sqlite', driverError('SQLITE_CONSTRAINT_CHECK'), 'bug'],
  ] as const)('%s %o is %s', (dialect, cause, kind) => {
    const error = storeWriteError(cause, dialect, { system: 'crm', stream: 'Contact' });
    expect(error).toMatchObject({ code: 'STORE_WRITE_FAILED', kind, context: { system: 'crm', stream: 'Contact', driverCode: cause.code } });
    expect(error.cause).toBe(cause);
  });

  it('passes ConcordErrors through', () => {
    const original = new ConcordError('STORE_CIM_KEY_MISSING', 'x');
    expect(storeWriteError(original, 'sqlite', {})).toBe(original);
  });
});
