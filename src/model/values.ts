/**
 * What a value of each property type looks like. The fast validator and the zod schemas both use these patterns,
 * so they cannot drift apart.
 *
 * - `datetime`: an ISO-8601 instant with a zone (`Z`, `+02:00` or Salesforce's `+0000`), seconds and fractions optional.
 * - `date`: `YYYY-MM-DD`; `time`: `HH:MM[:SS[.fff]]` with an optional zone.
 * - `decimal`, `amount`, `percentage`: a finite number, or an exact decimal string (`"1234.50"`) so money read from
 *   a CDM folder or a decimal column never passes through a float.
 * - `integer`: a safe integer.
 *
 * @example
 * DATETIME_PATTERN.test('2024-05-01T12:00:00.000+0000') // true
 */
export const DATETIME_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;
export const DATE_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
export const TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;
export const DECIMAL_PATTERN = /^-?\d+(?:\.\d+)?$/;

/** True for a finite number or an exact decimal string. */
export function isDecimal(value: unknown): boolean {
  return typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && DECIMAL_PATTERN.test(value);
}
