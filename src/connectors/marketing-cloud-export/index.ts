/**
 * `marketing-cloud-export`: reads All Subscribers and tracking extracts from a folder.
 *
 * @example
 * import { marketingCloudExportConnector } from './connectors/marketing-cloud-export/index.js';
 */
export { marketingCloudExportConnector } from './source.js';
export { marketingCloudExportSpec, type MarketingCloudExportConfig } from './spec.js';
export { MARKETING_CLOUD_STREAMS, type MarketingCloudStream } from './record.js';
export { eventDateToUtc } from './event-date.js';
export { destination } from './destination.js';
