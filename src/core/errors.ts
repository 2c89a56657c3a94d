/**
 * One error family for Concord. Every error carries a stable `code`, a `kind` that tells callers what to do
 * with it, the context it happened in (system, stream, record, field) and, where useful, a `hint` that names
 * the fix. Messages are safe to print: secrets are redacted at construction.
 *
 * @example
 * throw new ConcordError('CONFIG_INVALID', 'store must start with sqlite: or postgres://', {
 *   kind: 'config', context: { file: 'concord.yaml', line: 3, key: 'store' }, hint: 'write store: sqlite:.concord/concord.db',
 * });
 */
import { redact } from './redact.js';

export type ErrorKind = 'config' | 'usage' | 'transient' | 'data' | 'quota' | 'auth' | 'bug';

export interface ErrorContext {
  system?: string;
  stream?: string;
  recordId?: string;
  field?: string;
  line?: number;
  file?: string;
  key?: string;
  entity?: string;
  [extra: string]: string | number | boolean | undefined;
}

export interface ConcordErrorOptions {
  kind?: ErrorKind;
  context?: ErrorContext;
  hint?: string;
  cause?: unknown;
}

export class ConcordError extends Error {
  override readonly name = 'ConcordError';
  readonly code: string;
  readonly kind: ErrorKind;
  readonly context: ErrorContext;
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: ConcordErrorOptions = {}) {
    super(redact(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.kind = options.kind ?? 'bug';
    this.context = options.context ?? {};
    this.hint = options.hint === undefined ? undefined : redact(options.hint);
  }

  /** One line: what, where, how to fix. */
  toLine(): string {
    const where = describeContext(this.context);
    const parts = [`${this.code}: ${this.message}`];
    if (where) parts.push(`(${where})`);
    if (this.hint) parts.push(`— ${this.hint}`);
    return parts.join(' ');
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, kind: this.kind, message: this.message, context: this.context, hint: this.hint };
  }
}

/** Renders a context as `file:line, key k, system s, stream t, record r, field f`. */
export function describeContext(context: ErrorContext): string {
  const parts: string[] = [];
  if (context.file !== undefined) parts.push(context.line !== undefined ? `${context.file}:${context.line}` : context.file);
  else if (context.line !== undefined) parts.push(`line ${context.line}`);
  for (const key of ['key', 'system', 'stream', 'entity', 'recordId', 'field'] as const) {
    const value = context[key];
    if (value !== undefined) parts.push(`${key === 'recordId' ? 'record' : key} ${value}`);
  }
  return parts.join(', ');
}

export function isConcordError(error: unknown): error is ConcordError {
  return error instanceof ConcordError;
}

/** Wraps anything thrown into a ConcordError so callers handle one shape. */
export function toConcordError(error: unknown, code = 'INTERNAL'): ConcordError {
  if (error instanceof ConcordError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ConcordError(code, message, { kind: 'bug', cause: error });
}
