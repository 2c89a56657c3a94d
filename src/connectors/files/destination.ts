/**
 * The generic `csv` / `ndjson` connectors only read: CIM records leave Concord as files through
 * `concord export`, which writes whole, consistent snapshots rather than one system's rows.
 *
 * @example
 * csvDestination.supported // false
 */
import { readOnlyDestination } from '../shared/read-only.js';

export const csvDestination = readOnlyDestination('csv', 'to write files use concord export (CIM NDJSON or a CDM folder)');
export const ndjsonDestination = readOnlyDestination('ndjson', 'to write files use concord export (CIM NDJSON or a CDM folder)');
