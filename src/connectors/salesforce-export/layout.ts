/**
 * Where the objects of a Data Export are: the CSV files of a folder and the top-level CSV entries of its ZIP
 * parts (attachments and documents live in sub-folders and are not objects). An object found in several parts
 * is read from each, in part order.
 *
 * @example
 * const layout = await exportLayout(['/exports/WE_00D…_1.ZIP', '/exports/WE_00D…_2.ZIP']);
 * layout.get('Contact') // [ByteSource, …]
 */
import { readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ConcordError } from '../../core/errors.js';
import { listZipEntries, statFileSource, zipEntryByteSource, type ByteSource } from '../shared/byte-source.js';
import { globToRegExp, hasGlob, isDirectory, isFile, naturalCompare } from '../shared/paths.js';

const ZIP_PART = /^WE_(00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)_\d+\.zip$/i;

/**
 * The org id in a Data Export part name, if any.
 *
 * @example
 * orgIdFromPartName('WE_00D5g000004abcdEAA_1.ZIP') // '00D5g000004abcdEAA'
 */
export function orgIdFromPartName(name: string): string | undefined {
  return ZIP_PART.exec(basename(name))?.[1];
}

/**
 * File names the path stands for, read synchronously (used once, when the source is created, to find the org
 * id in ZIP part names).
 *
 * @example
 * partNamesSync('/exports') // ['WE_00D…_1.ZIP', 'WE_00D…_2.ZIP']
 */
export function partNamesSync(path: string): string[] {
  try {
    if (hasGlob(path)) {
      const pattern = globToRegExp(basename(path), 'i');
      return readdirSync(dirname(path)).filter((n) => pattern.test(n));
    }
    if (/\.zip$/i.test(path)) return [basename(path)];
    return readdirSync(path);
  } catch {
    return [];
  }
}

/**
 * The files of an export: a folder's `.csv` and `.zip` files, a glob's matches, or the one file named.
 *
 * @example
 * await exportFiles('/exports') // ['/exports/WE_…_1.ZIP', …]
 */
export async function exportFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if (await isDirectory(path)) {
      const names = (await readdir(path)).filter((n) => /\.(csv|zip)$/i.test(n)).sort(naturalCompare);
      files.push(...names.map((n) => join(path, n)));
    } else if (await isFile(path)) {
      files.push(path);
    } else {
      throw new ConcordError('FILE_NOT_FOUND', `${path} does not exist`, {
        kind: 'config',
        context: { file: path },
        hint: 'path is the export folder, one WE_<OrgId>_<n>.ZIP, or a glob of them (relative to the folder of concord.yaml)',
      });
    }
  }
  return files;
}

/**
 * Object name → the byte sources holding its rows.
 *
 * @example
 * (await exportLayout(['/exports/Account.csv'])).get('Account')
 */
export async function exportLayout(files: readonly string[]): Promise<Map<string, ByteSource[]>> {
  const layout = new Map<string, ByteSource[]>();
  const add = (name: string, source: ByteSource): void => {
    const list = layout.get(name) ?? [];
    list.push(source);
    layout.set(name, list);
  };
  for (const file of files) {
    if (/\.zip$/i.test(file)) {
      const entries = await listZipEntries(file);
      for (const entry of entries.filter((e) => !e.fileName.includes('/') && /\.csv$/i.test(e.fileName))) {
        add(entry.fileName.replace(/\.csv$/i, ''), zipEntryByteSource(entry));
      }
    } else if (/\.csv$/i.test(file)) {
      add(basename(file).replace(/\.csv$/i, ''), await statFileSource(file));
    } else {
      throw new ConcordError('EXPORT_FILE_UNKNOWN', `${file} is neither a .csv file nor a .zip archive`, {
        kind: 'config',
        context: { file },
        hint: 'point path at the export folder, one WE_<OrgId>_<n>.ZIP, or a glob of them',
      });
    }
  }
  return layout;
}
