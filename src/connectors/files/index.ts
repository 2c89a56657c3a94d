/**
 * `csv` and `ndjson`: one file, one stream, with the mapping given in config.
 *
 * @example
 * import { csvConnector, ndjsonConnector } from './connectors/files/index.js';
 */
export { csvConnector, ndjsonConnector, fileMappingOf, type FileMapping } from './source.js';
export { csvFileSpec, ndjsonFileSpec, type CsvFileConfig, type NdjsonFileConfig } from './spec.js';
export { csvDestination, ndjsonDestination } from './destination.js';
