import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, parseStoreUrl } from '../../src/store/open.js';
import { contactPage } from './pages.js';

const dir = mkdtempSync(join(tmpdir(), 'concord-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseStoreUrl', () => {
  it.each([
    ['sqlite:.concord/concord.db', { dialect: 'sqlite', path: '.concord/concord.db' }],
    ['sqlite:/var/lib/concord.db', { dialect: 'sqlite', path: '/var/lib/concord.db' }],
    ['sqlite:///var/lib/concord.db', { dialect: 'sqlite', path: '/var/lib/concord.db' }],
    ['sqlite::memory:', { dialect: 'sqlite', path: ':memory:' }],
    ['postgres://app:secret@db:5432/concord', { dialect: 'postgres', url: 'postgres://app:secret@db:5432/concord' }],
    ['postgresql://db/concord', { dialect: 'postgres', url: 'postgresql://db/concord' }],
  ])('%s', (url, expected) => {
    expect(parseStoreUrl(url)).toEqual(expected);
  });

  it.each(['mysql://db/concord', 'concord.db', 'sqlite:', 'postgres://'])('rejects %s as a config error with a hint', (url) => {
    expect(() => parseStoreUrl(url)).toThrow(expect.objectContaining({ code: 'STORE_URL_INVALID', kind: 'config', hint: expect.stringContaining('sqlite:') }));
  });
});

describe('openStore', () => {
  it('creates missing folders for a SQLite file', async () => {
    const path = join(dir, 'a', 'b', 'concord.db');
    const store = await openStore(`sqlite:${path}`);
    await store.close();
    expect(existsSync(path)).toBe(true);
  });

  it('opens an in-memory SQLite store', async () => {
    const store = await openStore('sqlite::memory:');
    await expect(store.commitPage(contactPage([{ id: 'c1', name: 'Ada' }]))).resolves.toMatchObject({ cimInserted: 1 });
    await store.close();
  });

  it('lets several processes open and migrate one SQLite file at once, keeping its data', async () => {
    const url = `sqlite:${join(dir, 'shared', 'concord.db')}`;
    const stores = await Promise.all([openStore(url), openStore(url), openStore(url)]);
    await stores[0]!.commitPage(contactPage([{ id: 'c1', name: 'Ada' }]));
    await Promise.all(stores.map((s) => s.migrate()));
    expect(await stores[2]!.countCimRecords()).toEqual([{ entity: 'Individual', live: 1, deleted: 0 }]);
    await Promise.all(stores.map((s) => s.close()));
    const reopened = await openStore(url);
    expect(await reopened.getCimRecord('Individual', 'crm', 'c1')).toMatchObject({ deleted: false });
    await reopened.close();
  });

  it('reports an unreadable SQLite file as a config error', async () => {
    await expect(openStore(`sqlite:${dir}`)).rejects.toMatchObject({ kind: 'config', hint: expect.any(String) });
  });

  it('reports an unreachable PostgreSQL as a config error without the password', async () => {
    const failure = openStore('postgres://concord:hunter2secret@127.0.0.1:1/concord');
    await expect(failure).rejects.toMatchObject({ code: 'STORE_CONNECT_FAILED', kind: 'config', hint: expect.stringContaining('postgres://') });
    await expect(failure).rejects.toSatisfy((e: Error) => !e.message.includes('hunter2secret') && e.message.includes('***'));
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(openStore('postgres://u:p@127.0.0.1:1/db', { schema: 'x; DROP TABLE y' })).rejects.toMatchObject({ code: 'STORE_SCHEMA_INVALID', kind: 'config' });
  });
});

const pgUrl = process.env['CONCORD_TEST_PG_URL'];

describe.runIf(pgUrl)('openStore on PostgreSQL', () => {
  it('migrates one schema from several connections at once', async () => {
    const schema = `concord_test_open_${process.pid}`;
    const stores = await Promise.all([1, 2, 3].map(() => openStore(pgUrl!, { schema })));
    try {
      await stores[0]!.commitPage(contactPage([{ id: 'c1', name: 'Ada' }]));
      await Promise.all(stores.map((s) => s.migrate()));
      expect(await stores[1]!.countCimRecords()).toEqual([{ entity: 'Individual', live: 1, deleted: 0 }]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  });
});
