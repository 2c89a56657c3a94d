/**
 * `salesforce` does not write yet: write-back by external id through sObject Collections upsert is planned
 * (issue 5, part 3). Until then a write is refused with the reason, not failed somewhere deeper.
 *
 * @example
 * destination.supported // false
 */
import { readOnlyDestination } from '../shared/read-only.js';

export const destination = readOnlyDestination(
  'salesforce',
  'write-back to a live org (upsert by external id through sObject Collections) is not available yet',
);
