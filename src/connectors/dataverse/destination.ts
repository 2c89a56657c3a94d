/**
 * Writing to a live environment (upsert by alternate key, `$batch`) is not built yet: the connector reads.
 *
 * @example
 * destination.supported // false
 */
import { readOnlyDestination } from '../shared/read-only.js';

export const destination = readOnlyDestination('dataverse', 'writing back to Dataverse (upsert by alternate key) is not available yet; export with concord export --format cdm to load through Dataverse\'s own import');
