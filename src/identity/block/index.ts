/** Blocking: rules, the block index and the candidate-pair stream. */
export * from './rules.js';
export * from './candidate-pairs.js';
