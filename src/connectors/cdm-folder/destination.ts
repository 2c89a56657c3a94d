/**
 * The `cdm-folder` connector reads; CDM folders are written by `concord export`, which renders CIM records
 * as a whole folder (model.json plus partitions), not one system's rows.
 *
 * @example
 * destination.supported // false
 */
import { readOnlyDestination } from '../shared/read-only.js';

export const destination = readOnlyDestination('cdm-folder', 'to write a CDM folder use concord export --format cdm; to write to Dataverse use a system of type dataverse');
