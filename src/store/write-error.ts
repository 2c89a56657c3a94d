/**
 * Turns a driver error from a page write into a `ConcordError` whose kind says what to do: `transient` (lost
 * connection, lock timeout, serialization failure — retry the page), `config` (disk full, permissions), or
 * `bug` (a constraint Concord should never violate). The page was rolled back in every case.
 *
 * @example
 * throw storeWriteError(caught, 'postgres', { system: 'crm', stream: 'Contact' });
 */
import { ConcordError, type ErrorContext } from '../core/errors.js';
import type { StoreDialect } from './store.js';

const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

export function storeWriteError(cause: unknown, dialect: StoreDialect, context: ErrorContext): ConcordError {
  if (cause instanceof ConcordError) return cause;
  const code = String((cause as { code?: unknown } | null)?.code ?? '');
  const message = cause instanceof Error ? cause.message : String(cause);
  const kind = errorKind(dialect, code, message);
  return new ConcordError('STORE_WRITE_FAILED', `${dialect} store write failed: ${message}`, {
    kind,
    cause,
    context: { ...context, ...(code ? { driverCode: code } : {}) },
    ...(kind === 'transient'
      ? { hint: 'the page was rolled back; run the sync again to resume from the last committed page' }
      : kind === 'config'
        ? { hint: 'check free disk space and write permissions of the store' }
        : {}),
  });
}

function errorKind(dialect: StoreDialect, code: string, message: string): 'transient' | 'config' | 'bug' {
  if (TRANSIENT_NODE_CODES.has(code) || /Connection terminated/i.test(message)) return 'transient';
  if (dialect === 'postgres') {
    // Class 08 connection exception, 40 transaction rollback (serialization, deadlock), 57P admin shutdown, 55P03 lock timeout.
    if (/^(08|40|57P)/.test(code) || code === '55P03') return 'transient';
    if (/^53/.test(code) || code === '42501') return 'config';
    return 'bug';
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'transient';
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR')) return 'config';
  return 'bug';
}
