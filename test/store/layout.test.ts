import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations/index.js';

const STORE_DIR = join(import.meta.dirname, '../../src/store');

describe('store layout', () => {
  it('gives every backend the same files', () => {
    const files = (backend: string): string[] => readdirSync(join(STORE_DIR, backend)).sort();
    expect(files('sqlite')).toEqual(files('postgres'));
    expect(files('sqlite')).toContain('commit-page.ts');
  });

  it('names every migration file NNN-name.ts after its version and name, all listed in order', () => {
    const onDisk = readdirSync(join(STORE_DIR, 'migrations'))
      .filter((f) => /^\d{3}-.*\.ts$/.test(f) && !f.endsWith('.test.ts'))
      .sort();
    expect(MIGRATIONS.map((m) => `${String(m.version).padStart(3, '0')}-${m.name}.ts`)).toEqual(onDisk);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it.each(MIGRATIONS.map((m) => [m.version, m] as const))('migration %i speaks both dialects', (_version, migration) => {
    expect(migration.sqlite.length).toBeGreaterThan(0);
    expect(migration.postgres.length).toBeGreaterThan(0);
  });
});
