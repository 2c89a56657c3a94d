/**
 * Identity resolution: block → compare → score (Fellegi–Sunter, EM) → cluster → explain, over `IdentityRecord`s;
 * CSV jobs for `concord dedupe` / `concord link`. See docs/identity.md.
 *
 * @example
 * import { dedupeRecords, PERSON_BLOCKING_RULES, personComparisons } from './identity/index.js';
 * const result = dedupeRecords(records, { comparisons: personComparisons(), blockingRules: PERSON_BLOCKING_RULES });
 */
export * from './types.js';
export * from './block/index.js';
export * from './score/index.js';
export * from './cluster/index.js';
export * from './explain/index.js';
export * from './csv/index.js';
export * from './normalize/index.js';
export * from './compare/index.js';
