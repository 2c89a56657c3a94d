/**
 * Mapping throughput: Salesforce Contact rows → CIM records per second on one core, next to (a) the same
 * mapping as a JSONata expression calling the same normalizers and (b) JSON.parse + JSON.stringify of the same
 * rows as an upper bound for "touching every field once". Phone parsing is reported separately (rows with and
 * without phones, and the normalizer alone on the rows' numbers); memory is measured streaming 10k, 100k and
 * 1M rows, each size in a fresh process.
 *
 * Run: `npm run bench -- mapping` (BENCH_N rows for throughput, default 100,000; BENCH_JSONATA_N default 10,000).
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { salesforceContact } from '../src/connectors/salesforce/mappings/index.js';
import { stableStringify } from '../src/core/ids.js';
import { compileMapping } from '../src/mapping/index.js';
import { createPhoneNormalizer } from '../src/mapping/normalize/index.js';
import type { CimRecord } from '../src/model/record.js';
import { contactRow, type RowOptions } from './contact-rows.js';
import { createJsonataContactMapping } from './mapping-jsonata.js';

const OPTIONS = { defaultRegion: 'US', externalSourceId: 'salesforce:00D5g000004ABCDEAA', system: 'salesforce' } as const;
const N = Number(process.env['BENCH_N'] ?? 100_000);
const JSONATA_N = Number(process.env['BENCH_JSONATA_N'] ?? 10_000);

function rows(n: number, options: RowOptions): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (let i = 0; i < n; i++) out.push(contactRow(i, options));
  return out;
}

/** Rows per second of `run` over `input`, best of `repeats` (each with a fresh mapper: cold phone cache). */
function measure(input: ReadonlyArray<Record<string, unknown>>, repeats: number, makeRun: () => (row: Record<string, unknown>) => unknown): number {
  let best = 0;
  for (let k = 0; k < repeats; k++) {
    const run = makeRun();
    const start = process.hrtime.bigint();
    for (let i = 0; i < input.length; i++) run(input[i]!);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.max(best, input.length / seconds);
  }
  return best;
}

function concord(): (row: Record<string, unknown>) => unknown {
  const map = compileMapping(salesforceContact, OPTIONS);
  let records = 0;
  return (fields) => {
    const out = map({ system: 'salesforce', stream: 'Contact', recordId: String(fields['Id']), fields });
    records += out.records.length;
    return records;
  };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Same records from both engines (undefined properties dropped, records in key order). */
function canonical(records: readonly CimRecord[]): string {
  return records.map((r) => `${r.entity} ${stableStringify(r.data)}`).sort().join('\n');
}

async function compareWithJsonata(): Promise<{ rows: number; equal: number; firstDifference?: string }> {
  const map = compileMapping(salesforceContact, OPTIONS);
  const jsonataMap = createJsonataContactMapping(OPTIONS);
  let equal = 0;
  let firstDifference: string | undefined;
  const n = 500;
  for (let i = 0; i < n; i++) {
    const row = contactRow(i, { phones: 0.8 });
    const a = canonical(map({ system: 'salesforce', stream: 'Contact', recordId: String(row['Id']), fields: row }).records);
    const b = canonical(JSON.parse(JSON.stringify(await jsonataMap(row))) as CimRecord[]);
    if (a === b) equal++;
    else if (firstDifference === undefined) {
      const al = a.split('\n');
      const bl = b.split('\n');
      const at = al.findIndex((line, k) => line !== bl[k]);
      firstDifference = `row ${i}: concord ${al[at] ?? '(none)'}\n        jsonata ${bl[at] ?? '(none)'}`;
    }
  }
  return firstDifference === undefined ? { rows: n, equal } : { rows: n, equal, firstDifference };
}

async function jsonataRate(input: ReadonlyArray<Record<string, unknown>>): Promise<number> {
  let best = 0;
  for (let k = 0; k < 2; k++) {
    const run = createJsonataContactMapping(OPTIONS);
    const start = process.hrtime.bigint();
    for (const row of input) await run(row);
    best = Math.max(best, input.length / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  return best;
}

/** Streaming run in this process: map n generated rows, keep nothing, sample memory. */
function memoryRun(n: number, phones: number): void {
  const map = compileMapping(salesforceContact, OPTIONS);
  let peakHeap = 0;
  let records = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const fields = contactRow(i, { phones });
    records += map({ system: 'salesforce', stream: 'Contact', recordId: String(fields['Id']), fields }).records.length;
    if (i % 10_000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  // What is still held after a full collection: the phone cache and the compiled mapping, nothing per row.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const retained = process.memoryUsage().heapUsed;
  // Keep the mapping (and its phone cache) alive up to the measurement.
  records += map.referenceRecords.length * 0;
  process.stdout.write(JSON.stringify({ n, phones, records, seconds, retainedMB: retained / 2 ** 20, peakHeapMB: peakHeap / 2 ** 20, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

async function main(): Promise<void> {
  const memoryArg = process.argv.indexOf('--memory');
  if (memoryArg >= 0) return memoryRun(Number(process.argv[memoryArg + 1]), Number(process.argv[memoryArg + 2] ?? 0.8));

  const out = (line = ''): void => void process.stdout.write(`${line}\n`);
  out(`# Mapping benchmark — Salesforce Contact → CIM`);
  out(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; ${N.toLocaleString('en-US')} rows per run, best of 3`);

  const check = await compareWithJsonata();
  out(`\nsame records from Concord and JSONata: ${check.equal}/${check.rows} rows${check.firstDifference === undefined ? '' : `\nfirst difference: ${check.firstDifference}`}`);

  const withPhones = rows(N, { phones: 0.8 });
  const repeatedPhones = rows(N, { phones: 0.8, phoneRepeats: 0.4 });
  const noPhones = rows(N, { phones: 0 });
  let records = 0;
  const sample = compileMapping(salesforceContact, OPTIONS);
  for (const fields of withPhones) records += sample({ system: 'salesforce', stream: 'Contact', recordId: String(fields['Id']), fields }).records.length;

  const rate = measure(withPhones, 3, concord);
  const rateRepeats = measure(repeatedPhones, 3, concord);
  const rateNoPhones = measure(noPhones, 3, concord);
  const json = measure(withPhones, 3, () => (row) => JSON.parse(JSON.stringify(row)) as unknown);
  const jsonataRows = withPhones.slice(0, JSONATA_N);
  const jsonataPerSec = await jsonataRate(jsonataRows);

  // The phone normalizer alone on exactly the numbers of the rows (fresh cache), with the rows' regions.
  const phones: Array<[string, string | undefined]> = [];
  const regionOf: Record<string, string> = { 'United States': 'US', 'United Kingdom': 'GB', Germany: 'DE', France: 'FR' };
  for (const r of withPhones) for (const f of ['Phone', 'MobilePhone', 'Fax']) if (typeof r[f] === 'string') phones.push([r[f] as string, regionOf[String(r['MailingCountry'])]]);
  let phoneSeconds = Infinity;
  for (let k = 0; k < 3; k++) {
    const normalize = createPhoneNormalizer({ defaultRegion: 'US' });
    const start = process.hrtime.bigint();
    for (const [raw, region] of phones) normalize(raw, region);
    phoneSeconds = Math.min(phoneSeconds, Number(process.hrtime.bigint() - start) / 1e9);
  }
  const totalSeconds = N / rate;

  out(`\n| run | rows/s | CIM records/s | vs Concord |`);
  out(`| --- | ---: | ---: | ---: |`);
  out(`| Concord, 80% of rows with phones, all numbers distinct | ${fmt(rate)} | ${fmt((rate * records) / N)} | 1.00× |`);
  out(`| Concord, same with 40% of numbers repeated | ${fmt(rateRepeats)} | — | ${(rateRepeats / rate).toFixed(2)}× |`);
  out(`| Concord, rows without phones | ${fmt(rateNoPhones)} | — | ${(rateNoPhones / rate).toFixed(2)}× |`);
  out(`| JSONata, same mapping and normalizers (${JSONATA_N.toLocaleString('en-US')} rows) | ${fmt(jsonataPerSec)} | — | ${(jsonataPerSec / rate).toFixed(3)}× (Concord ${(rate / jsonataPerSec).toFixed(1)}× faster) |`);
  out(`| JSON.parse(JSON.stringify(row)) upper bound | ${fmt(json)} | — | ${(json / rate).toFixed(2)}× |`);
  out(`\n${(records / N).toFixed(2)} CIM records per row on average; ${phones.length.toLocaleString('en-US')} phone numbers in ${N.toLocaleString('en-US')} rows.`);
  out(`phone normalizer alone on those numbers: ${fmt(phones.length / phoneSeconds)} numbers/s, ${phoneSeconds.toFixed(2)} s = ${((phoneSeconds / totalSeconds) * 100).toFixed(0)}% of the Concord run's ${totalSeconds.toFixed(2)} s.`);

  out(`\nmemory, streaming (rows generated on the fly, nothing kept), each size in a fresh process:`);
  out(`(with phones the normalizer's bounded cache — 100,000 numbers by default — fills first; without phones nothing is cached)`);
  out(`\n| rows | phones | seconds | rows/s | heap held after GC | peak heap used | peak RSS |`);
  out(`| ---: | --- | ---: | ---: | ---: | ---: | ---: |`);
  const self = fileURLToPath(import.meta.url);
  for (const [n, phones] of [[10_000, 0.8], [100_000, 0.8], [1_000_000, 0.8], [10_000, 0], [100_000, 0], [1_000_000, 0]] as const) {
    const text = execFileSync(process.execPath, ['--expose-gc', ...process.execArgv, self, '--memory', String(n), String(phones)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const m = JSON.parse(text) as { n: number; seconds: number; retainedMB: number; peakHeapMB: number; maxRssMB: number };
    out(`| ${fmt(m.n)} | ${phones > 0 ? '80% of rows' : 'none'} | ${m.seconds.toFixed(2)} | ${fmt(m.n / m.seconds)} | ${m.retainedMB.toFixed(0)} MB | ${m.peakHeapMB.toFixed(0)} MB | ${m.maxRssMB.toFixed(0)} MB |`);
  }
}

await main();
