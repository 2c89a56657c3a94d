/**
 * The `destination.ts` of a read-only connector: a definition that says writes are not supported and why,
 * so the CLI and the pipeline can tell the user instead of failing somewhere deeper.
 *
 * @example
 * export const destination = readOnlyDestination('salesforce-export', 'a Data Export is a snapshot; write to the org with type: salesforce');
 */
import { ConcordError } from '../../core/errors.js';

export interface ReadOnlyDestination {
  readonly supported: false;
  /** Why the connector cannot write, and what to use instead. */
  readonly reason: string;
  /** Throws a usage error naming the system; for callers that try anyway. */
  assertWritable(systemName: string): never;
}

/**
 * Builds the "not supported" destination of a read-only connector.
 *
 * @example
 * readOnlyDestination('csv', 'use concord export').assertWritable('leads') // throws DESTINATION_NOT_SUPPORTED
 */
export function readOnlyDestination(type: string, reason: string): ReadOnlyDestination {
  return {
    supported: false,
    reason,
    assertWritable(systemName: string): never {
      throw new ConcordError('DESTINATION_NOT_SUPPORTED', `connector type ${type} cannot be written to`, {
        kind: 'usage',
        context: { system: systemName },
        hint: reason,
      });
    },
  };
}
