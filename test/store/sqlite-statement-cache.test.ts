import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cachingPrepare } from '../../src/store/sqlite/connect.js';

describe('cachingPrepare', () => {
  const db = new Database(':memory:');
  afterEach(() => db.exec('DROP TABLE IF EXISTS t'));

  it('prepares a query text once and reuses its statement', () => {
    db.exec('CREATE TABLE t (a integer)');
    const wrapped = cachingPrepare(db, 8);
    const first = wrapped.prepare('INSERT INTO t (a) VALUES (?)');
    expect(wrapped.prepare('INSERT INTO t (a) VALUES (?)')).toBe(first);
    expect(wrapped.prepare('SELECT count(*) AS n FROM t')).not.toBe(first);
    (first as unknown as Database.Statement).run(1);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    const wrapped = cachingPrepare(db, 2);
    const a = wrapped.prepare('SELECT 1');
    const b = wrapped.prepare('SELECT 2');
    expect(wrapped.prepare('SELECT 1')).toBe(a); // 1 is now the most recent
    wrapped.prepare('SELECT 3'); // evicts 2
    expect(wrapped.cached).toBe(2);
    expect(wrapped.prepare('SELECT 1')).toBe(a);
    expect(wrapped.prepare('SELECT 2')).not.toBe(b);
  });

  it('a reused statement sees a schema change', () => {
    db.exec('CREATE TABLE t (a integer)');
    const wrapped = cachingPrepare(db, 8);
    const select = wrapped.prepare('SELECT * FROM t') as unknown as Database.Statement;
    db.exec('INSERT INTO t VALUES (1); ALTER TABLE t ADD COLUMN b text');
    expect((wrapped.prepare('SELECT * FROM t') as unknown as Database.Statement).all()).toEqual([{ a: 1, b: null }]);
    expect(select.columns().map((c) => c.name)).toEqual(['a', 'b']);
  });
});
