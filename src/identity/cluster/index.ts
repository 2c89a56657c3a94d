/** Clustering and the batch pipeline: union–find, chaining guard, overrides, dedupe and link. */
export * from './union-find.js';
export * from './chaining-guard.js';
export * from './clusters.js';
export * from './resolve.js';
export * from './evaluate.js';
