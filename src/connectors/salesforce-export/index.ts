/**
 * `salesforce-export`: reads a Salesforce Data Export (CSV files, one ZIP or several ZIP parts).
 *
 * @example
 * import { salesforceExportConnector } from './connectors/salesforce-export/index.js';
 * const source = salesforceExportConnector.createSource(config, ctx);
 */
export { salesforceExportConnector } from './source.js';
export { salesforceExportSpec, type SalesforceExportConfig } from './spec.js';
export { destination } from './destination.js';
