/**
 * Write-back: golden values of unified profiles pushed to the systems' records after a sync (see
 * docs/write-back.md).
 *
 * @example
 * import { runWriteBack } from './writeback/index.js';
 * await runWriteBack(store, config, { runId, env: process.env, baseDir: '.' });
 */
export { writeBackSchema, writeBackRuleSchema, GOLDEN_ATTRIBUTES, type WriteBackRule, type GoldenAttribute } from './config.js';
export { planRows, sameValue, type MemberRecord, type PlannedRow, type PlanOptions } from './plan.js';
export { openTarget, type WriteTarget, type TargetRow, type TargetOutcome } from './targets.js';
export { runWriteBack, renderWriteBack, checkWritableFields, heldInFields, type WriteBackReport, type WriteBackRuleReport, type WriteBackOptions } from './run-writeback.js';
export { writeBackQueries } from './writeback-queries.js';
export type * from './types.js';
