/**
 * `salesforce`: a live Salesforce org read through the REST and Bulk 2.0 APIs (see docs/connectors-salesforce.md).
 *
 * @example
 * import { salesforceConnector } from './connectors/salesforce/index.js';
 * const source = salesforceConnector.createSource(config, ctx);
 */
export { salesforceConnector, readMode, type ReadMode } from './source.js';
export { salesforceSpec, type SalesforceConfig } from './spec.js';
export { destination, SalesforceWriter, COLLECTION_LIMIT, type UpsertOutcome } from './destination.js';
export { shouldRetry, withRetry, type RetryPolicy, type RetryDecision } from './retry.js';
export { SALESFORCE_ERROR_TABLE, salesforceError } from './errors.js';
export { parseLimitInfo, SalesforceClient } from './client.js';
