/**
 * A Synapse Link CDM folder holds Dataverse tables under their logical names (`contact`, `account`), so the
 * `dataverse` mappings apply unchanged.
 *
 * @example
 * MAPPING_SYSTEM // 'dataverse'
 */
export const MAPPING_SYSTEM = 'dataverse';
