/**
 * Paths in connector configs: relative to the folder of concord.yaml, `~` for the home directory, and simple
 * globs (`*`, `?`) in the last segment (`exports/WE_*_*.ZIP`).
 *
 * @example
 * await expandPath('exports/WE_*.ZIP', '/srv/concord') // ['/srv/concord/exports/WE_00D…_1.ZIP', …]
 */
import { readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';

/**
 * Resolves a config path against the config's folder.
 *
 * @example
 * resolveConfigPath('data/a.csv', '/srv') // '/srv/data/a.csv'
 */
export function resolveConfigPath(path: string, baseDir: string): string {
  if (path === '~' || path.startsWith('~/')) return join(homedir(), path.slice(1));
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

/** True when the last path segment holds a glob character. */
export function hasGlob(path: string): boolean {
  return /[*?]/.test(basename(path));
}

/**
 * A glob of `*` (any run of characters) and `?` (one character) as an anchored regular expression.
 *
 * @example
 * globToRegExp('WE_*.ZIP').test('WE_00D_1.ZIP') // true
 */
export function globToRegExp(glob: string, flags = ''): RegExp {
  const body = glob
    .split('')
    .map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, flags);
}

/**
 * The files a path names: itself, or the matches of a glob in its last segment, sorted by name with
 * numbers compared as numbers (`_2` before `_10`).
 *
 * @example
 * await expandPath('/data/WE_*.ZIP', '/') // sorted matches
 */
export async function expandPath(path: string, baseDir: string): Promise<string[]> {
  const full = resolveConfigPath(path, baseDir);
  if (!hasGlob(full)) return [full];
  const dir = dirname(full);
  const pattern = globToRegExp(basename(full), 'i');
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => pattern.test(n)).sort(naturalCompare).map((n) => join(dir, n));
}

/**
 * Compares names with digit runs as numbers.
 *
 * @example
 * ['a_10', 'a_2'].sort(naturalCompare) // ['a_2', 'a_10']
 */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

/** True when the path exists and is a directory. */
export async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/** True when the path exists and is a file. */
export async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}
