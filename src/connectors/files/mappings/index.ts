/**
 * Generic files have no built-in mappings: each system's `fields` (column → Entity.property) is its mapping,
 * read by the pipeline with `fileMappingOf(source)` from `../source.ts`.
 *
 * @example
 * MAPPING_SYSTEM // 'files'
 */
export const MAPPING_SYSTEM = 'files';
