/**
 * `dataverse`: a live Dataverse / Dynamics 365 environment read through the Web API with change tracking
 * (see docs/connectors-dataverse.md).
 *
 * @example
 * import { dataverseConnector } from './connectors/dataverse/index.js';
 * const source = dataverseConnector.createSource(config, ctx);
 */
export { dataverseConnector, parseCursor, readMode, type DataverseCursor, type ReadMode } from './source.js';
export { dataverseSpec, DEFAULT_TABLES, type DataverseConfig } from './spec.js';
export { destination, DataverseWriter, keySegment, type UpsertOutcome, type WriteMode } from './destination.js';
export { readTableMeta } from './metadata.js';
export { batchRequest, parseBatchResponse, BATCH_LIMIT, type BatchPart, type BatchAnswer } from './batch.js';
export { DataverseClient } from './client.js';
export { requestToken, authorityOf, msalConfiguration, type AccessToken, type Authority } from './auth.js';
export { DATAVERSE_ERROR_TABLE, dataverseError, isExpiredDeltaToken } from './errors.js';
export { dataverseRecord, deletedRecord, tableMeta, cdmTypeOf, type TableMeta, type AttributeDefinition, type EntityDefinition } from './record.js';
export { DATAVERSE_MAPPINGS } from './mappings/index.js';
