/**
 * Writes the Dataverse tables as a CDM folder in the Synapse Link layout: `model.json` plus one folder per
 * table with yearly partitions by `createdon` (`contact/2024.csv`), no header rows, every field quoted.
 *
 * @example
 * const out = await writeCdmFolder(world, '/tmp/demo/dataverse');
 * out.tables.contact.files; // ['/tmp/demo/dataverse/contact/2023.csv', …]
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataverseTable, Row } from './columns.js';
import { DATAVERSE_COLUMNS } from './columns.js';
import { rowsOf, writeCsvFile } from './csv-file.js';
import type { DemoWorld } from './world-types.js';

/** Tables in model.json order. */
export const DATAVERSE_TABLES: readonly DataverseTable[] = ['account', 'contact', 'lead', 'opportunity', 'incident'];

/** Paths and record counts of a written CDM folder. */
export interface CdmFolderFiles {
  folder: string;
  modelJson: string;
  organizationId: string;
  tables: Record<DataverseTable, { files: string[]; records: number }>;
}

const CSV_SETTINGS = {
  $type: 'CsvFormatSettings', columnHeaders: false, delimiter: ',', quoteStyle: 'QuoteStyle.Csv', csvStyle: 'CsvStyle.QuoteAlways', encoding: 'UTF-8',
} as const;

/** Polymorphic lookups appear as one relationship per target (crosswalk §11.1). */
const RELATIONSHIPS: ReadonlyArray<readonly [from: DataverseTable, attribute: string, to: DataverseTable]> = [
  ['contact', 'parentcustomerid', 'account'],
  ['lead', 'parentaccountid', 'account'],
  ['lead', 'parentcontactid', 'contact'],
  ['opportunity', 'customerid', 'account'],
  ['opportunity', 'customerid', 'contact'],
  ['opportunity', 'parentcontactid', 'contact'],
  ['incident', 'customerid', 'account'],
  ['incident', 'customerid', 'contact'],
  ['incident', 'primarycontactid', 'contact'],
];

function yearOf(row: Row): string {
  return String(row['createdon'] ?? '').slice(0, 4);
}

/** The model.json document for a world (partitions named by year, absolute ADLS locations). */
export function buildModelJson(world: DemoWorld, partitions: Record<DataverseTable, string[]>): unknown {
  const base = `https://${world.dataverse.lakeAccount}.dfs.core.windows.net/${world.dataverse.container}`;
  return {
    name: 'cdm',
    description: 'Concord demo: Dataverse tables exported in the Azure Synapse Link layout',
    version: '1.0',
    modifiedTime: world.referenceDate.replace(/\.\d{3}Z$/, 'Z'),
    annotations: [{ name: 'concord:organizationId', value: world.dataverse.organizationId }],
    entities: DATAVERSE_TABLES.map((table) => ({
      $type: 'LocalEntity',
      name: table,
      description: `Dataverse table ${table}`,
      annotations: [{ name: 'Athena:PartitionGranularity', value: 'Year' }],
      attributes: DATAVERSE_COLUMNS[table].map(([name, dataType]) => ({ name, dataType })),
      partitions: partitions[table].map((year) => ({
        name: year,
        location: `${base}/${table}/${year}.csv`,
        refreshTime: world.referenceDate.replace(/\.\d{3}Z$/, 'Z'),
        fileFormatSettings: CSV_SETTINGS,
      })),
    })),
    relationships: RELATIONSHIPS.map(([from, attribute, to]) => ({
      $type: 'SingleKeyRelationship',
      fromAttribute: { entityName: from, attributeName: attribute },
      toAttribute: { entityName: to, attributeName: `${to}id` },
    })),
  };
}

/** Writes model.json and the partitions into `folder`, replacing partitions of an earlier run. */
export async function writeCdmFolder(world: DemoWorld, folder: string): Promise<CdmFolderFiles> {
  await mkdir(folder, { recursive: true });
  const tables = {} as Record<DataverseTable, { files: string[]; records: number }>;
  const partitions = {} as Record<DataverseTable, string[]>;
  for (const table of DATAVERSE_TABLES) {
    const dir = join(folder, table);
    // Only this table's CSV partitions are ours to replace; anything else in the folder is left alone.
    await mkdir(dir, { recursive: true });
    for (const name of await readdir(dir)) if (/^\d{4}\.csv$/.test(name)) await rm(join(dir, name));
    const rows = world.dataverse.tables[table];
    const years = [...new Set(rows.map(yearOf))].sort();
    const columns = DATAVERSE_COLUMNS[table].map(([name]) => name);
    const counter = { rows: 0 };
    const files: string[] = [];
    for (const year of years) {
      const file = join(dir, `${year}.csv`);
      await writeCsvFile(file, columns, rowsOf(columns, filterYear(rows, year), { booleans: 'lower' }, counter), { header: false, bom: false, quoted: true });
      files.push(file);
    }
    tables[table] = { files, records: counter.rows };
    partitions[table] = years;
  }
  const modelJson = join(folder, 'model.json');
  await writeFile(modelJson, `${JSON.stringify(buildModelJson(world, partitions), null, 2)}\n`, 'utf8');
  return { folder, modelJson, organizationId: world.dataverse.organizationId, tables };
}

function* filterYear(rows: readonly Row[], year: string): Generator<Row> {
  for (const row of rows) if (yearOf(row) === year) yield row;
}
