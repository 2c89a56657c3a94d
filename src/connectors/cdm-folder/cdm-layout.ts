/**
 * What a CDM folder holds, whichever metadata format describes it: entities with typed attributes (in CSV
 * column order) and their partitions (local files, resolved from ADLS URLs or corpus paths).
 *
 * @example
 * const entities = await readCdmFolder('/lake/dataverse-contoso'); // [{ name: 'contact', attributes: […], partitions: […] }]
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, normalize, resolve, sep } from 'node:path';
import type { CdmType } from './cdm-types.js';
import { isFile } from '../shared/paths.js';

export interface CdmAttribute {
  name: string;
  type: CdmType;
  /** Marked as the key by the entity document (`isPrimaryKey` or purpose `identifiedBy`). */
  isPrimaryKey?: boolean;
}

export interface CdmCsvFormat {
  /** The first row is a header (default false: Synapse Link writes none). */
  columnHeaders: boolean;
  delimiter: string;
  /** `QuoteStyle.Csv` → '"'; `QuoteStyle.None` → null. */
  quote: string | null;
  encoding: 'utf8' | 'latin1';
}

export interface CdmPartition {
  /** Location as the metadata writes it (URL, corpus path or relative path). */
  location: string;
  /** The local file it resolves to; undefined when no such file exists. */
  path: string | undefined;
  format: CdmCsvFormat;
}

export interface CdmEntity {
  name: string;
  attributes: CdmAttribute[];
  partitions: CdmPartition[];
}

export interface CdmFolder {
  format: 'model.json' | 'manifest';
  /** The metadata file read. */
  file: string;
  entities: CdmEntity[];
}

export const DEFAULT_CSV_FORMAT: CdmCsvFormat = { columnHeaders: false, delimiter: ',', quote: '"', encoding: 'utf8' };

/**
 * The encoding named by a CDM format setting.
 *
 * @example
 * cdmEncoding('ISO-8859-1') // 'latin1'
 */
export function cdmEncoding(name: string | undefined): 'utf8' | 'latin1' {
  return name !== undefined && /^(iso-?8859-?1|latin-?1|windows-?1252|cp1252)$/i.test(name) ? 'latin1' : 'utf8';
}

/**
 * The local file a partition location points at. Absolute URLs (`https://acct.dfs.core.windows.net/container/folder/account/2024.csv`)
 * and adapter corpus paths (`adls:/…`, `local:/…`) are matched by their trailing path segments under the
 * metadata's folder, longest match first, because a copied lake keeps its layout below some folder; relative
 * paths are resolved against the document that names them. `..` segments are dropped: a location never
 * leaves the folder.
 *
 * @example
 * await resolveLocation('https://a.dfs.core.windows.net/c/crm/contact/2024.csv', '/lake/crm', '/lake/crm') // '/lake/crm/contact/2024.csv'
 */
export async function resolveLocation(location: string, documentDir: string, rootDir: string): Promise<string | undefined> {
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(location);
  const adapter = !url && /^[a-z][a-z0-9-]*:\//i.test(location);
  if (!url && !adapter) {
    const direct = normalize(join(documentDir, location));
    const inside = direct === rootDir || direct.startsWith(rootDir.endsWith(sep) ? rootDir : rootDir + sep);
    if (inside && (await isFile(direct))) return direct;
  }
  const raw = url ? new URL(location).pathname : location.replace(/^[a-z][a-z0-9-]*:/i, '');
  const segments = raw
    .split('/')
    .filter((s) => s !== '' && s !== '.' && s !== '..')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  for (let k = segments.length; k >= 1; k--) {
    const candidate = join(rootDir, ...segments.slice(-k));
    if (await isFile(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Files under a folder, as paths relative to it with `/` separators, sorted.
 *
 * @example
 * await listFilesUnder('/lake/contact') // ['2023.csv', '2024.csv']
 */
export async function listFilesUnder(folder: string): Promise<string[]> {
  const dir = resolve(folder);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split(sep).join('/'))
    .sort();
}

/** The folder and name of a metadata file path. */
export function splitMetadataPath(file: string): { dir: string; name: string } {
  return { dir: dirname(file), name: basename(file) };
}
