/** Concord's public API. */
export { ConcordError, type ErrorKind, type ErrorContext } from './core/errors.js';
export { ok, err, type Result } from './core/result.js';
export { concordId, contentHash, uuidV5 } from './core/ids.js';
export { configSchema, type ConcordConfig } from './config/schema.js';
export { loadConfig } from './config/load.js';
export {
  ENTITIES, getEntity, entityNames, validateRecord, meetsProfile, entitySchema, toJsonSchema, toSql, toJsonLd, toJsonLdContext, DEVIATIONS,
  type CimRecord, type TaggedRef, type EntityDef, type PropertyDef, type Profile, type EntityName, type EntityData, type ValidationIssue,
} from './model/index.js';
export { CONNECTORS, getConnector, createSource } from './connectors/registry.js';
export { fileMappingOf, type FileMapping } from './connectors/files/index.js';
export { generateDemo, writeDemo, type DemoFiles, type DemoOptions, type DemoSummary, type DemoWorld } from './demo/index.js';
export {
  compileMapping, reverseMapping, unmapRecords, applyOverrides, describeMapping, buildColumnMapping, TRANSFORMS,
  type StreamMapping, type MappingOverride, type MapOutcome, type MappingIssue, type CompileOptions, type CompiledMapping,
} from './mapping/index.js';
export { getMapping, listMappings, hasMapping } from './connectors/mapping-registry.js';
export { openStore, parseStoreUrl, type StoreLocation } from './store/open.js';
export type { Store, StoreOptions, StoreDialect, PageCommit, PageResult, SourceRecord, CimRecordRow, DeadLetter, Run, RunCounts, StoredCimRecord, OutboxEvent, StoredOutboxEvent } from './store/store.js';
export * from './identity/compare/index.js';
export * from './identity/normalize/index.js';
export * from './identity/block/index.js';
export * from './identity/score/index.js';
export * from './identity/cluster/index.js';
export * from './identity/explain/index.js';
export * from './identity/csv/index.js';
export {
  resolvePersons, matchPerson, explainRecords, latestDecisions, loadPersons, PERSON_PARAMS,
  type ResolveStoreOptions, type ResolveStoreSummary, type PersonQuery, type ProfileCandidate,
} from './identity/resolve.js';
export { assemblePersons, assignStableIds, survive, matchRecord, readGroundTruth, parseGroundTruth, PERSON_ATTRIBUTES } from './identity/store/index.js';
export type * from './identity/store/types.js';
export { buildApp, type BuildAppOptions } from './api/app.js';
export { startServer, createServerLogger, type StartServerOptions, type RunningServer } from './api/server.js';
export { createScheduler, type Scheduler, type SyncJob, type SyncRequest } from './api/scheduler.js';
export type { ApiContext, RegisterRoutes, SyncRequester } from './api/context.js';
export { generateToken, hashToken, issueToken } from './api/tokens.js';
export { runWriteBack, renderWriteBack, planRows, sameValue, writeBackSchema, type WriteBackRule, type WriteBackReport, type WriteBackOutcome, type StoredWriteBackOutcome } from './writeback/index.js';
export { startSalesforceEmulator, startDataverseEmulator, startLiveDemo, type SalesforceEmulator, type DataverseEmulator } from './emulators/index.js';
