/**
 * Identity resolution at the store's edge: assembling person records from CIM records, stable unified ids,
 * survivorship, look-ups, ground truth, and the identity queries both backends share.
 *
 * @example
 * import { assignStableIds, survive } from './identity/store/index.js';
 */
export { assemblePersons, cimPages, type PersonRecord, type PersonValues, type AssembleOptions } from './assemble.js';
export { assignStableIds, type StableIdEvent, type StableIdResult } from './stable-ids.js';
export { survive, PERSON_ATTRIBUTES, type SurviveOptions } from './survive.js';
export { matchRecord, type RecordMatch, type MatchOptions } from './match.js';
export { readGroundTruth, parseGroundTruth, truthKey } from './truth.js';
export { identityQueries } from './identity-queries.js';
export type * from './types.js';
