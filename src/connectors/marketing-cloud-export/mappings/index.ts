/**
 * Extract columns are the data-view and All Subscribers names the `marketing-cloud` mappings use, so those
 * mappings apply unchanged.
 *
 * @example
 * MAPPING_SYSTEM // 'marketing-cloud'
 */
export const MAPPING_SYSTEM = 'marketing-cloud';
