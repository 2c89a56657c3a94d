/**
 * The demo data generator behind `concord demo`: a deterministic world of people and companies, seen by
 * Salesforce, Dataverse and Marketing Cloud with the variation real data has, written as each system exports.
 *
 * @example
 * import { generateDemo, writeDemo } from './demo/index.js';
 * const files = await writeDemo(generateDemo({ people: 1000, seed: 42 }), './concord-demo');
 */
export { generateDemo, DEMO_RATES, MAX_DEMO_PEOPLE } from './generate.js';
export { writeDemo, demoConfigYaml, DEMO_LAYOUT } from './write-demo.js';
export type { DemoFiles } from './write-demo.js';
export type { DemoOptions, DemoSummary, DemoWorld, GroundTruthRow, SystemName } from './world-types.js';
export { SALESFORCE_COLUMNS, DATAVERSE_COLUMNS, MARKETING_CLOUD_COLUMNS, GROUND_TRUTH_COLUMNS } from './columns.js';
export { isValidSalesforceId18, KEY_PREFIX } from './demo-ids.js';
export { salesforceExportName } from './write-salesforce.js';
