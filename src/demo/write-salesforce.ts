/**
 * Writes the Salesforce org as a Data Export part: `salesforce/WE_<orgId18>_1.ZIP` holding one CSV per object,
 * header row of field API names, UTF-8 with BOM, every field quoted, street lines kept as quoted line breaks.
 *
 * @example
 * const out = await writeSalesforceExport(world, '/tmp/demo/salesforce');
 * out.zip; // '/tmp/demo/salesforce/WE_00D5g0000012abcEAA_1.ZIP'
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { SalesforceObject } from './columns.js';
import { SALESFORCE_COLUMNS } from './columns.js';
import { csvStream, rowsOf } from './csv-file.js';
import type { DemoWorld } from './world-types.js';

/** The written export part and the record count of each object CSV in it. */
export interface SalesforceExportFiles {
  zip: string;
  orgId: string;
  /** Records per object CSV inside the zip. */
  entries: Record<SalesforceObject, { entry: string; records: number }>;
}

/** Objects in the order the export lists them. */
export const SALESFORCE_EXPORT_OBJECTS: readonly SalesforceObject[] = ['User', 'Account', 'Contact', 'Lead', 'Opportunity', 'Case', 'Campaign', 'CampaignMember'];

/** The part file name Salesforce gives a weekly export (vendor notes A14). */
export function salesforceExportName(orgId: string, part = 1): string {
  return `WE_${orgId}_${part}.ZIP`;
}

/** Writes the export zip into `folder`, replacing earlier demo parts there. */
export async function writeSalesforceExport(world: DemoWorld, folder: string): Promise<SalesforceExportFiles> {
  await mkdir(folder, { recursive: true });
  // Parts of an earlier run (another seed means another org id) would be read as a second org's export.
  for (const name of await readdir(folder)) if (/^WE_[0-9A-Za-z]{18}_\d+\.ZIP$/.test(name)) await unlink(join(folder, name));
  const zip = new yazl.ZipFile();
  // A fixed entry time (the world's reference date) keeps the zip byte-identical across runs.
  const mtime = new Date(world.referenceDate);
  const entries = {} as Record<SalesforceObject, { entry: string; records: number }>;
  const counters = new Map<SalesforceObject, { rows: number }>();
  for (const object of SALESFORCE_EXPORT_OBJECTS) {
    const counter = { rows: 0 };
    counters.set(object, counter);
    const columns = SALESFORCE_COLUMNS[object];
    zip.addReadStreamLazy(`${object}.csv`, { mtime, compress: true }, (cb) => {
      cb(null, csvStream(columns, rowsOf(columns, world.salesforce.objects[object], { booleans: 'lower' }, counter), { header: true, bom: true, quoted: true }));
    });
  }
  zip.end();
  const path = join(folder, salesforceExportName(world.salesforce.orgId));
  await pipeline(zip.outputStream, createWriteStream(path));
  for (const object of SALESFORCE_EXPORT_OBJECTS) entries[object] = { entry: `${object}.csv`, records: counters.get(object)?.rows ?? 0 };
  return { zip: path, orgId: world.salesforce.orgId, entries };
}
