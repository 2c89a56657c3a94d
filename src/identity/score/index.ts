/** Fellegi–Sunter scoring: comparison vectors, u sampling, EM, parameters, weights, deterministic rules. */
export * from './parameters.js';
export * from './comparison-vector.js';
export * from './estimate-u.js';
export * from './em.js';
export * from './candidates.js';
export * from './train.js';
export * from './deterministic.js';
export * from './pattern-weights.js';
export * from './term-frequency.js';
