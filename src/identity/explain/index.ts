/** Match explanations: per-comparison weights as a table and as waterfall data. */
export * from './explain-pair.js';
