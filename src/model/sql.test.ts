import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ENTITIES, getEntity } from './model.js';
import { columnType, quoteIdent, toSql } from './sql.js';

describe('toSql', () => {
  it('sqlite: the DDL runs and creates one table per entity with exact, quoted column names', () => {
    const db = new Database(':memory:');
    db.exec(toSql('sqlite'));
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables.sort()).toEqual(ENTITIES.map((e) => e.name).sort());
    const columns = (table: string) => (db.prepare(`PRAGMA table_info(${quoteIdent(table)})`).all() as { name: string; type: string; pk: number }[]);
    const org = columns('Organization');
    expect(org.map((c) => c.name)).toEqual(expect.arrayContaining(['dUNSNumber', 'sICId', 'concord:ownerId', 'concord:annualRevenueAmountExact']));
    expect(org.find((c) => c.name === 'id')).toMatchObject({ pk: 1 });
    expect(columns('Account').map((c) => c.name)).toContain('shippingPhoneid');
    expect(columns('PaymentMethod').map((c) => c.name)).toContain('accountID');
    // Inverse collections are not stored.
    expect(columns('Party').map((c) => c.name)).not.toContain('ContactPoints');
    db.close();
  });

  it('sqlite: (externalSourceId, externalRecordId) is unique and exact decimals keep their text', () => {
    const db = new Database(':memory:');
    db.exec(toSql('sqlite'));
    const insert = db.prepare('INSERT INTO "Account" ("id", "externalSourceId", "externalRecordId", "balanceAmount") VALUES (?, ?, ?, ?)');
    insert.run('a', 'salesforce:org', '001A', '1234.50');
    expect(() => insert.run('b', 'salesforce:org', '001A', '1')).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT "balanceAmount" AS v FROM "Account"').get()).toEqual({ v: '1234.50' });
    db.close();
  });

  it('postgres: typed columns', () => {
    const sql = toSql('postgres');
    expect(sql).toContain('CREATE TABLE IF NOT EXISTS "Individual" (');
    const table = (name: string) => sql.slice(sql.indexOf(`CREATE TABLE IF NOT EXISTS "${name}" (`)).split(');')[0]!;
    expect(table('Individual')).toContain('"birthDate" DATE,');
    expect(table('Individual')).toContain('"personHeight" NUMERIC,');
    expect(table('Individual')).toContain('"partyTypeId" JSONB,');
    expect(table('ContactPoint')).toContain('"createdDate" TIMESTAMPTZ,');
    expect(table('ContactPoint')).toContain('"forBusinessUse" BOOLEAN,');
    expect(sql).toContain('-- Concord extension entity: ServiceCase');
  });

  it.each([
    ['Individual', 'childrenCount', 'INTEGER', 'BIGINT'],
    ['Individual', 'partyId', 'TEXT', 'TEXT'],
    ['Customer', 'marketingEmailResponseRate', 'TEXT', 'NUMERIC'],
    ['ContactPoint', 'bestTimeToContactStartTime', 'TEXT', 'TEXT'],
  ])('%s.%s is %s in sqlite and %s in postgres', (entity, name, sqlite, postgres) => {
    const prop = getEntity(entity)!.properties.find((p) => p.name === name)!;
    expect(columnType(prop, 'sqlite')).toBe(sqlite);
    expect(columnType(prop, 'postgres')).toBe(postgres);
  });

  it('quotes identifiers, doubling embedded quotes', () => {
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });
});
