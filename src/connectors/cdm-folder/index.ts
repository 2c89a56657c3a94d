/**
 * `cdm-folder`: reads a CDM folder (model.json or manifest form) such as Dataverse's Synapse Link export.
 *
 * @example
 * import { cdmFolderConnector } from './connectors/cdm-folder/index.js';
 */
export { cdmFolderConnector } from './source.js';
export { cdmFolderSpec, type CdmFolderConfig } from './spec.js';
export { convertCdmValue, normaliseCdmType, type CdmType } from './cdm-types.js';
export type { CdmEntity, CdmAttribute, CdmPartition, CdmFolder } from './cdm-layout.js';
export { destination } from './destination.js';
