/**
 * Opens the store that concord.yaml names. A relative `sqlite:` path is resolved against the config file's
 * folder, so a config and its database travel together (the demo relies on this).
 */
import { isAbsolute, resolve } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';

export function resolveStoreUrl(url: string, baseDir: string): string {
  if (!url.startsWith('sqlite:')) return url;
  const path = url.slice('sqlite:'.length);
  if (path === ':memory:' || isAbsolute(path)) return url;
  return `sqlite:${resolve(baseDir, path)}`;
}

export async function openConfigStore(loaded: LoadedConfig): Promise<Store> {
  return openStore(resolveStoreUrl(loaded.config.store, loaded.baseDir));
}
