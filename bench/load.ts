/**
 * Load benchmark: CIM records per second through `Store.commitPage` into SQLite (and PostgreSQL when
 * CONCORD_TEST_PG_URL is set and --pg is given), against a named baseline in the same process: plain
 * better-sqlite3 INSERTs of the same source and CIM rows (and the cursor) into the same tables and indexes, one
 * transaction per page — about the fastest the store could be with this schema, without its upsert, change
 * detection and stale-record checks.
 *
 * Pages are generated one at a time and only the store calls are timed, so memory stays flat in input size and
 * the figure is the store's own. Three passes: first load (all inserts), the same pages again (all unchanged),
 * and a pass where every source record changes (updates plus the stale-record check).
 *
 *   node --import tsx bench/load.ts [--contacts 100000] [--page 1000] [--pg]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { concordId, contentHash } from '../src/core/ids.js';
import { MIGRATIONS } from '../src/store/migrations/index.js';
import { openStore } from '../src/store/open.js';
import { connectSqlite } from '../src/store/sqlite/connect.js';
import { migrateSqlite } from '../src/store/sqlite/migrate.js';
import type { CimRecordRow, PageCommit, SourceRecordRow, Store } from '../src/store/store.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CONTACTS = option('contacts', 100_000);
const PAGE = option('page', 1_000);
const WITH_PG = args.includes('--pg');

/** One page of contacts: each maps to an Individual, two emails, a phone and an address (5 CIM records). */
function makePage(pageIndex: number, version: number): PageCommit {
  const sourceRecords: SourceRecordRow[] = [];
  const cimRecords: CimRecordRow[] = [];
  for (let i = pageIndex * PAGE; i < Math.min(CONTACTS, (pageIndex + 1) * PAGE); i++) {
    const rid = `003${String(i).padStart(15, '0')}`;
    const modstamp = new Date(Date.UTC(2026, 0, 1) + i * 1000 + version).toISOString();
    const fields = { Id: rid, FirstName: `First${i}`, LastName: `Last${i % 977}`, Email: `p${i}@example.com`, Phone: `+1555${String(i).padStart(7, '0')}`, MailingCity: 'Springfield', v: version };
    sourceRecords.push({ system: 'sf', stream: 'Contact', recordId: rid, modstamp, fields, hash: contentHash({ f: fields, d: false }) });
    const base = { externalSourceId: 'sf', lastModifiedDate: modstamp };
    const records = [
      { entity: 'Individual', data: { ...base, id: concordId('sf', 'Contact', rid), externalRecordId: rid, firstName: `First${i}`, lastName: `Last${i % 977}`, v: version } },
      { entity: 'ContactPointEmail', data: { ...base, id: concordId('sf', 'Contact', rid, 'Email'), externalRecordId: `${rid}/Email`, emailAddress: `p${i}@example.com`, partyId: concordId('sf', 'Contact', rid) } },
      { entity: 'ContactPointEmail', data: { ...base, id: concordId('sf', 'Contact', rid, 'Email2'), externalRecordId: `${rid}/Email2`, emailAddress: `p${i}@work.example`, partyId: concordId('sf', 'Contact', rid) } },
      { entity: 'ContactPointPhone', data: { ...base, id: concordId('sf', 'Contact', rid, 'Phone'), externalRecordId: `${rid}/Phone`, telephoneNumber: `+1555${String(i).padStart(7, '0')}`, partyId: concordId('sf', 'Contact', rid) } },
      { entity: 'ContactPointAddress', data: { ...base, id: concordId('sf', 'Contact', rid, 'Mailing'), externalRecordId: `${rid}/Mailing`, cityName: 'Springfield', partyId: concordId('sf', 'Contact', rid) } },
    ];
    for (const record of records) {
      cimRecords.push({ record, id: String(record.data.id), hash: contentHash(record.data), source: { system: 'sf', stream: 'Contact', recordId: rid }, modstamp });
    }
  }
  return { runId: 'bench', system: 'sf', stream: 'Contact', sourceRecords, cimRecords, deletions: [], deadLetters: [], cursor: { page: pageIndex } };
}

const pages = Math.ceil(CONTACTS / PAGE);

/** CPU seconds (user + system) of this process: on a shared machine, records per CPU-second is the steadier figure. */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

interface Timing {
  seconds: number;
  cpu: number;
  cim: number;
}

async function timeStore(store: Store, version: number): Promise<Timing & { counts: Record<string, number> }> {
  let seconds = 0;
  let cpu = 0;
  let cim = 0;
  const counts: Record<string, number> = {};
  for (let p = 0; p < pages; p++) {
    const page = makePage(p, version);
    const start = performance.now();
    const startCpu = cpuSeconds();
    const result = await store.commitPage(page);
    seconds += (performance.now() - start) / 1000;
    cpu += cpuSeconds() - startCpu;
    cim += page.cimRecords.length;
    for (const [k, v] of Object.entries(result)) counts[k] = (counts[k] ?? 0) + v;
  }
  return { seconds, cpu, cim, counts };
}

function timeBaseline(path: string): Timing {
  // The store's own connection settings and schema, so the ratio measures what the store adds.
  const db = connectSqlite(path);
  migrateSqlite(db, MIGRATIONS, () => new Date());
  const insert = db.prepare(
    `INSERT INTO cim_records (entity, external_source_id, external_record_id, id, data, deleted, hash, source_system, source_stream, source_record_id, modstamp, updated_at)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSource = db.prepare(
    'INSERT INTO source_records (system, stream, record_id, modstamp, deleted, hash, fields, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?)',
  );
  const upsertCursor = db.prepare(
    'INSERT INTO cursors (system, stream, cursor, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (system, stream) DO UPDATE SET cursor = excluded.cursor',
  );
  const insertPage = db.transaction((page: PageCommit, now: string) => {
    for (const s of page.sourceRecords) insertSource.run(s.system, s.stream, s.recordId, s.modstamp ?? null, s.hash, JSON.stringify(s.fields), now);
    upsertCursor.run(page.system, page.stream, JSON.stringify(page.cursor), now);
    for (const row of page.cimRecords) {
      const d = row.record.data;
      insert.run(row.record.entity, String(d['externalSourceId']), String(d['externalRecordId']), row.id, JSON.stringify(d), row.hash, row.source.system, row.source.stream, row.source.recordId, row.modstamp ?? null, now);
    }
  });
  let seconds = 0;
  let cpu = 0;
  let cim = 0;
  for (let p = 0; p < pages; p++) {
    const page = makePage(p, 0);
    const start = performance.now();
    const startCpu = cpuSeconds();
    insertPage(page, new Date().toISOString());
    seconds += (performance.now() - start) / 1000;
    cpu += cpuSeconds() - startCpu;
    cim += page.cimRecords.length;
  }
  db.close();
  return { seconds, cpu, cim };
}

const rate = (cim: number, seconds: number): number => Math.round(cim / seconds);
const mib = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;

const dir = mkdtempSync(join(tmpdir(), 'concord-bench-'));
try {
  console.log(`load: ${CONTACTS.toLocaleString('en')} contacts → ${(CONTACTS * 5).toLocaleString('en')} CIM records, pages of ${PAGE} contacts (Node ${process.version})`);
  const baseline = timeBaseline(join(dir, 'baseline.db'));
  const baselineRate = rate(baseline.cim, baseline.seconds);
  const baselineCpuRate = rate(baseline.cim, baseline.cpu);
  console.log('baseline: raw better-sqlite3 INSERTs of the same source and CIM rows, same connection settings, tables and indexes, one transaction per page');
  console.log(`${'baseline'.padEnd(9)} ${'insert'.padEnd(9)} ${baselineRate.toLocaleString('en').padStart(9)} CIM records/s  ${baselineCpuRate.toLocaleString('en').padStart(9)} per CPU-second`);

  const backends: Array<[string, string, Record<string, string>]> = [['sqlite', `sqlite:${join(dir, 'store.db')}`, {}]];
  const pgUrl = process.env['CONCORD_TEST_PG_URL'];
  if (WITH_PG && pgUrl) backends.push(['postgres', pgUrl, { schema: `concord_bench_${process.pid}` }]);

  for (const [name, url, extra] of backends) {
    const store = await openStore(url, extra);
    try {
      for (const [label, version] of [['insert', 0], ['unchanged', 0], ['update', 1]] as const) {
        const run = await timeStore(store, version);
        const r = rate(run.cim, run.seconds);
        const c = rate(run.cim, run.cpu);
        const ratio = name === 'sqlite' ? `  ${(r / baselineRate).toFixed(2)}× baseline (${(c / baselineCpuRate).toFixed(2)}× per CPU-second)` : '';
        console.log(`${name.padEnd(9)} ${label.padEnd(9)} ${r.toLocaleString('en').padStart(9)} CIM records/s  ${c.toLocaleString('en').padStart(9)} per CPU-second${ratio}`);
        console.log(`          counts ${JSON.stringify(run.counts)}`);
      }
    } finally {
      if (name === 'postgres') {
        const { default: pg } = await import('pg');
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${extra['schema']}" CASCADE`);
        await client.end();
      }
      await store.close();
    }
  }
  console.log(`peak RSS ${mib(process.resourceUsage().maxRSS)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
