/**
 * `salesforce-export` is read-only: a Data Export is a snapshot file set, not a system that accepts writes.
 *
 * @example
 * destination.supported // false
 */
import { readOnlyDestination } from '../shared/read-only.js';

export const destination = readOnlyDestination(
  'salesforce-export',
  'a Data Export is a read-only snapshot; to write to the org use a system of type salesforce',
);
