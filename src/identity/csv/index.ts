/** CSV jobs: column recognition, streaming reader, person defaults, dedupe and link jobs. */
export * from './columns.js';
export * from './read.js';
export * from './person-defaults.js';
export * from './person-features.js';
export * from './job.js';
export * from './entity.js';
export * from './organization-defaults.js';
export * from './organization-features.js';
