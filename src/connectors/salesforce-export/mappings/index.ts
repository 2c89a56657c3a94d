/**
 * A Data Export holds the same objects and field API names as the Salesforce API, so the `salesforce`
 * mappings apply unchanged; this folder adds none of its own.
 *
 * @example
 * MAPPING_SYSTEM // 'salesforce'
 */
export const MAPPING_SYSTEM = 'salesforce';
