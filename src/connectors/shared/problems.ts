/**
 * Read problems: one row that could not become a record. The read goes on; the pipeline turns each problem
 * into a dead letter with its line, field and a bounded payload.
 *
 * @example
 * problem('MISSING_ID', 'the row has no Id', { line: 7, payload: '…' })
 */
import type { ReadProblem } from '../connector.js';

/** Payloads are truncated to this many characters: enough to recognise the row, never a 10 MB field. */
export const MAX_PAYLOAD_CHARS = 1024;

/**
 * Builds a ReadProblem, truncating a string payload.
 *
 * @example
 * problem('INVALID_ID', 'Id "x" is not a Salesforce id', { line: 3, field: 'Id' })
 */
export function problem(
  code: string,
  reason: string,
  where: { line?: number | undefined; field?: string | undefined; recordId?: string | undefined; payload?: unknown } = {},
): ReadProblem {
  const out: ReadProblem = { code, reason };
  if (where.line !== undefined) out.line = where.line;
  if (where.field !== undefined) out.field = where.field;
  if (where.recordId !== undefined) out.recordId = where.recordId;
  if (where.payload !== undefined) out.payload = truncate(where.payload);
  return out;
}

function truncate(payload: unknown): unknown {
  if (typeof payload !== 'string' || payload.length <= MAX_PAYLOAD_CHARS) return payload;
  return `${payload.slice(0, MAX_PAYLOAD_CHARS)}… (${payload.length - MAX_PAYLOAD_CHARS} more characters)`;
}
