/**
 * Identity resolution: accuracy on the labelled public sets and end-to-end scale on generated people.
 * Run: `node --import tsx bench/identity.ts` (BENCH_SCALE=200000 for a smaller scale run; BENCH_SCALE=0 skips it;
 * BENCH_WORKERS=1 builds the features on one thread, default 2; BENCH_ACCURACY=0 skips the labelled sets;
 * BENCH_TF=0 scores without term-frequency adjustments, BENCH_PACKED=0 compares over the feature objects, for
 * before/after figures).
 *
 * Accuracy (../shared/datasets, skipped with a reason when absent): FEBRL 1, 2, 3 dedupe; FEBRL 4a × 4b link
 * (all pairs above the threshold, and one-to-one); splink fake_1000 dedupe. Reported: pairwise precision /
 * recall / F1 (matched pairs, and pairs implied by the clusters), B-cubed F1, blocking recall, candidate pairs
 * per record, seconds. Scale: N generated people (≈ 20% with one or two corrupted duplicates) through
 * features → block → compare → EM → score → cluster, timed per stage, with peak RSS.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildBlockIndex, forEachCandidateChunk } from '../src/identity/block/candidate-pairs.js';
import { bcubed, clusterPairScores, pairwiseScores } from '../src/identity/cluster/evaluate.js';
import { clusterPairs } from '../src/identity/cluster/clusters.js';
import { dedupeRecords } from '../src/identity/cluster/resolve.js';
import { runDedupeCsv, runLinkCsv } from '../src/identity/csv/job.js';
import { PERSON_BLOCKING_RULES, PERSON_DETERMINISTIC_RULES, PERSON_GUARDS } from '../src/identity/csv/person-defaults.js';
import { personComparisons } from '../src/identity/csv/person-features.js';
import type { AttributeValues } from '../src/identity/csv/read.js';
import { buildFeatures, personFeatureBuilder } from '../src/identity/parallel/features.js';
import type { IdentityRecord } from '../src/identity/types.js';
import { FIRST_NAMES } from '../src/demo/vocabulary.js';
import { Rng } from '../src/demo/prng.js';
import { typo } from '../src/demo/text-noise.js';

const DATA = join(import.meta.dirname, '..', '..', 'shared', 'datasets');
const SCALE = Number(process.env['BENCH_SCALE'] ?? 1_000_000);
/** Threads that build features (BENCH_WORKERS, default 2). */
const WORKERS = Number(process.env['BENCH_WORKERS'] ?? 2);
/** Term-frequency adjustments off with BENCH_TF=0 (default on, as the CSV jobs and the store). */
const TF_OFF = process.env['BENCH_TF'] === '0';
const tfResolve = TF_OFF ? { resolve: { termFrequencies: false } } : {};
/** Compare over the feature objects instead of the packed copy with BENCH_PACKED=0 (default packed, as every caller). */
const PACKED_OFF = process.env['BENCH_PACKED'] === '0';
const f = (x: number): string => x.toFixed(4);
const rows: string[] = [];

function blockingRecall(records: readonly IdentityRecord[], truth: readonly string[], sides?: Uint8Array): { recall: number; candidates: number } {
  const index = buildBlockIndex(records, PERSON_BLOCKING_RULES, sides ? { mode: 'link', sides } : { mode: 'dedupe' });
  let found = 0;
  const stats = forEachCandidateChunk(index, (l, r, n) => {
    for (let k = 0; k < n; k++) if (truth[l[k]!] === truth[r[k]!]) found++;
  });
  let truePairs = 0;
  if (sides) {
    const left = new Map<string, number>();
    truth.forEach((t, i) => sides[i] === 0 && left.set(t, (left.get(t) ?? 0) + 1));
    truth.forEach((t, i) => { if (sides[i] === 1) truePairs += left.get(t) ?? 0; });
  } else {
    const sizes = new Map<string, number>();
    for (const t of truth) sizes.set(t, (sizes.get(t) ?? 0) + 1);
    for (const s of sizes.values()) truePairs += (s * (s - 1)) / 2;
  }
  return { recall: found / truePairs, candidates: stats.pairs };
}

const febrlTruth = (id: string): string => id.split('-')[1]!;

async function febrlDedupe(name: string): Promise<void> {
  const file = join(DATA, 'febrl', `${name}.csv`);
  const summary = await runDedupeCsv({ file, idColumn: 'rec_id', region: 'AU', ...tfResolve });
  const { result } = summary;
  const truth = result.matchedRecords.map((r) => febrlTruth(r.id));
  const pairs = pairwiseScores(result.matches, truth);
  const clusterPairs_ = clusterPairScores(result.clusters.clusterOf, truth);
  const b3 = bcubed(result.clusters.clusterOf, truth);
  const blocking = blockingRecall(result.matchedRecords, truth);
  rows.push(`| FEBRL ${name.replace('dataset', '')} dedupe | ${summary.records} | ${f(pairs.precision)} | ${f(pairs.recall)} | **${f(pairs.f1)}** | ${f(clusterPairs_.precision)} / ${f(clusterPairs_.recall)} / ${f(clusterPairs_.f1)} | ${f(b3.f1)} | ${f(blocking.recall)} | ${summary.pairsPerRecord.toFixed(1)} | ${summary.seconds.toFixed(2)} |`);
}

async function febrlLink(oneToOne: boolean): Promise<void> {
  const summary = await runLinkCsv({ left: join(DATA, 'febrl', 'dataset4a.csv'), right: join(DATA, 'febrl', 'dataset4b.csv'), idColumn: 'rec_id', region: 'AU', oneToOne, ...tfResolve });
  const { result } = summary;
  const all = result.matchedRecords;
  const truth = all.map((r) => febrlTruth(r.id));
  const nLeft = all.findIndex((r) => r.source !== all[0]!.source);
  const links = { left: result.links.left, right: result.links.right.map((r) => r + nLeft), count: result.links.count };
  const truthLink = truth; // left and right share N for a true link
  const pairs = pairwiseScores(links, truthLink);
  const clusters = clusterPairs(all.map((r, i) => `${i}:${r.id}`), { ...links, weight: new Float64Array(links.count).fill(1) });
  const b3 = bcubed(clusters.clusterOf, truth);
  const sides = new Uint8Array(all.length).fill(1, nLeft);
  const blocking = blockingRecall(all, truth, sides);
  rows.push(`| FEBRL 4a × 4b link${oneToOne ? ' (one-to-one)' : ''} | ${summary.records} | ${f(pairs.precision)} | ${f(pairs.recall)} | **${f(pairs.f1)}** | — | ${f(b3.f1)} | ${f(blocking.recall)} | ${summary.pairsPerRecord.toFixed(1)} | ${summary.seconds.toFixed(2)} |`);
}

async function fake1000(): Promise<void> {
  const file = join(DATA, 'splink_fake_1000', 'fake_1000.csv');
  const summary = await runDedupeCsv({ file, idColumn: 'unique_id', map: ['cluster=ignore'], region: 'GB', ...tfResolve });
  const table = parse(readFileSync(file), { columns: true, bom: true }) as { unique_id: string; cluster: string }[];
  const clusterOfId = new Map(table.map((r) => [r.unique_id, r.cluster]));
  const { result } = summary;
  const truth = result.matchedRecords.map((r) => clusterOfId.get(r.id)!);
  const pairs = pairwiseScores(result.matches, truth);
  const clusterPairs_ = clusterPairScores(result.clusters.clusterOf, truth);
  const b3 = bcubed(result.clusters.clusterOf, truth);
  const blocking = blockingRecall(result.matchedRecords, truth);
  rows.push(`| splink fake_1000 dedupe | ${summary.records} | ${f(pairs.precision)} | ${f(pairs.recall)} | **${f(pairs.f1)}** | ${f(clusterPairs_.precision)} / ${f(clusterPairs_.recall)} / ${f(clusterPairs_.f1)} | ${f(b3.f1)} | ${f(blocking.recall)} | ${summary.pairsPerRecord.toFixed(1)} | ${summary.seconds.toFixed(2)} |`);
}

// ---- scale: generated people ----

const SYL_A = ['ab', 'al', 'an', 'ar', 'bar', 'bel', 'ber', 'bran', 'cal', 'car', 'dal', 'dan', 'del', 'dor', 'el', 'fal', 'fen', 'gar', 'gil', 'hal', 'har', 'hel', 'kel', 'ken', 'kor', 'lan', 'lar', 'len', 'mal', 'mar', 'mel', 'mor', 'nal', 'ner', 'nor', 'or', 'pal', 'per', 'ral', 'ren', 'ros', 'sal', 'sel', 'sor', 'tal', 'ter', 'tor', 'val', 'ver', 'wal', 'wen', 'zan', 'bro', 'cro', 'fra', 'gra', 'pra', 'str', 'tre', 'vin'];
const SYL_B = ['ton', 'son', 'man', 'ley', 'berg', 'stein', 'wood', 'ford', 'field', 'well', 'ridge', 'more', 'ham', 'wick', 'by', 'dale', 'land', 'burn', 'croft', 'holt', 'mann', 'sen', 'ski', 'ova', 'ini', 'ez', 'es', 'ard', 'ott', 'ell', 'ick', 'ins', 'ers', 'ow', 'ay', 'ey', 'in', 'on', 'en', 'an'];
const SYL_C = ['', '', '', 'a', 'e', 'i', 'o', 'er', 'is', 'us'];
const DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'proton.me', 'aol.com', 'gmx.com'];

interface Person { first: string; last: string; dob: string; email: string; phone: string; street: string; city: string; postcode: string }

function makePerson(rng: Rng, k: number): Person {
  const first = rng.chance(0.6) ? rng.pick(FIRST_NAMES).name.toLowerCase() : rng.pick(SYL_A) + rng.pick(SYL_C) + rng.pick(['a', 'o', 'ie', 'y', 'en', 'as', 'ia', 'el']);
  const last = rng.pick(SYL_A) + rng.pick(SYL_C) + rng.pick(SYL_B);
  const year = rng.int(1935, 2006);
  const dob = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const email = `${first}.${last}${rng.chance(0.5) ? rng.int(1, 999) : ''}@${rng.pick(DOMAINS)}`;
  const phone = `+1${rng.pick(['415', '212', '617', '303', '206', '512', '404', '312'])}${String(2000000 + (k * 7919) % 7999999).padStart(7, '0')}`;
  const street = `${rng.int(1, 999)} ${rng.pick(SYL_A)}${rng.pick(SYL_B)} ${rng.pick(['street', 'road', 'avenue', 'lane', 'drive'])}`;
  const postcode = String(rng.int(10000, 99999));
  return { first, last, dob, email, phone, street, city: `${rng.pick(SYL_A)}${rng.pick(SYL_B)}`, postcode };
}

function corrupt(p: Person, rng: Rng): Person {
  const q = { ...p };
  const edits = rng.int(1, 3);
  for (let e = 0; e < edits; e++) {
    switch (rng.int(0, 6)) {
      case 0: q.first = typo(q.first, rng); break;
      case 1: q.last = typo(q.last, rng); break;
      case 2: q.dob = `${q.dob.slice(0, 8)}${String(rng.int(1, 28)).padStart(2, '0')}`; break;
      case 3: q.email = rng.chance(0.5) ? '' : `${q.first[0]}${q.last}@${rng.pick(DOMAINS)}`; break;
      case 4: q.phone = rng.chance(0.5) ? '' : `${q.phone.slice(0, -1)}${rng.int(0, 9)}`; break;
      case 5: q.street = typo(q.street, rng); break;
      default: q.postcode = rng.chance(0.5) ? '' : q.postcode;
    }
  }
  return q;
}

function attributes(p: Person): AttributeValues {
  const a: AttributeValues = { first_name: p.first, last_name: p.last, dob: p.dob, address_1: p.street, city: p.city };
  if (p.email) a.email = p.email;
  if (p.phone) a.phone = p.phone;
  if (p.postcode) a.postcode = p.postcode;
  return a;
}

async function scale(n: number): Promise<void> {
  const rng = new Rng(20261127);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const people: AttributeValues[] = [];
  const truth: string[] = [];
  let entity = 0;
  while (people.length < n) {
    const p = makePerson(rng, entity);
    const copies = rng.chance(0.2) ? (rng.chance(0.3) ? 2 : 1) : 0;
    for (let c = 0; c <= copies && people.length < n; c++) {
      people.push(attributes(c === 0 ? p : corrupt(p, rng)));
      truth.push(String(entity));
    }
    entity++;
  }
  const generateSeconds = (performance.now() - t0) / 1000;
  const features = await buildFeatures(people, personFeatureBuilder('US'), { workers: WORKERS, consume: true });
  people.length = 0;
  const records: IdentityRecord[] = features.map((f, i) => ({ id: `p${i}`, features: f }));
  features.length = 0;
  const featureSeconds = (performance.now() - t0) / 1000;
  const result = dedupeRecords(records, { comparisons: personComparisons(), blockingRules: PERSON_BLOCKING_RULES, deterministicRules: PERSON_DETERMINISTIC_RULES, guards: PERSON_GUARDS, scoreWithinClusters: true, ...(TF_OFF && { termFrequencies: false }), ...(PACKED_OFF && { packed: false }) });
  const total = (performance.now() - t0) / 1000;
  const t = result.timings;
  const pairs = clusterPairScores(result.clusters.clusterOf, truth);
  const b3 = bcubed(result.clusters.clusterOf, truth);
  const rssGb = process.resourceUsage().maxRSS / 1024 / 1024;
  const resolveSeconds = total - featureSeconds;
  console.log(`\n### Scale: ${n.toLocaleString('en-US')} generated people (${entity.toLocaleString('en-US')} entities)\n`);
  const cpu = process.cpuUsage(cpu0);
  console.log('| stage | seconds |\n|---|---|');
  console.log(`| generate the people (attributes) | ${generateSeconds.toFixed(1)} |`);
  console.log(`| features (normalizers, ${WORKERS} thread${WORKERS === 1 ? '' : 's'}) | ${(featureSeconds - generateSeconds).toFixed(1)} |`);
  console.log(`| chaining guard | ${t.guardSeconds.toFixed(1)} |`);
  console.log(`| block index (${PERSON_BLOCKING_RULES.length} rules) | ${t.blockIndexSeconds.toFixed(1)} |`);
  console.log(`| stream + compare ${result.candidatePairs.toLocaleString('en-US')} candidate pairs | ${t.compareSeconds.toFixed(1)} |`);
  console.log(`| train (u from ${result.parameters.trainedOn.randomPairs.toLocaleString('en-US')} random pairs, EM ${result.parameters.trainedOn.emIterations} iterations over ${result.parameters.trainedOn.patterns} vectors) | ${t.trainSeconds.toFixed(1)} |`);
  console.log(`| score + threshold | ${t.scoreSeconds.toFixed(1)} |`);
  console.log(`| cluster | ${t.clusterSeconds.toFixed(1)} |`);
  console.log(`| score ${result.withinClusterPairs.toLocaleString('en-US')} more pairs within clusters | ${t.withinClusterSeconds.toFixed(1)} |`);
  console.log(`| **resolve (everything after features)** | **${resolveSeconds.toFixed(1)}** |`);
  console.log(`| **end to end** | **${total.toFixed(1)}** |`);
  console.log(`\nCPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (user ${(cpu.user / 1e6).toFixed(1)}, system ${(cpu.system / 1e6).toFixed(1)}) for ${total.toFixed(1)} s wall; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`\ncandidate pairs per record ${(result.candidatePairs / n).toFixed(2)}; comparison throughput ${(result.candidatePairs / t.compareSeconds / 1000).toFixed(0)} k pairs/s (one core); weight lookup + threshold ${(result.candidatePairs / Math.max(t.scoreSeconds, 1e-9) / 1e6).toFixed(1)} M pairs/s`);
  console.log(`matched pairs ${result.matches.count.toLocaleString('en-US')}, clusters ${result.clusters.clusters.toLocaleString('en-US')}; cluster-pair P/R/F1 ${f(pairs.precision)}/${f(pairs.recall)}/${f(pairs.f1)}, B-cubed F1 ${f(b3.f1)}; peak RSS ${rssGb.toFixed(2)} GB`);
  console.log(`pairs per blocking rule: ${result.blocking.perRule.map((r) => `${r.name} ${r.pairs.toLocaleString('en-US')}`).join('; ')}`);
  if (result.blocking.warnings.length > 0) console.log(`blocking caps hit: ${result.blocking.warnings.length} (largest: ${JSON.stringify(result.blocking.warnings.sort((a, b) => b.records - a.records)[0])})`);
}

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}; term-frequency adjustments ${TF_OFF ? 'off (BENCH_TF=0)' : 'on'}`);
if (process.env['BENCH_ACCURACY'] === '0') console.log('skipped accuracy: BENCH_ACCURACY=0');
else if (existsSync(join(DATA, 'febrl'))) {
  for (const name of ['dataset1', 'dataset2', 'dataset3']) await febrlDedupe(name);
  await febrlLink(false);
  await febrlLink(true);
  if (existsSync(join(DATA, 'splink_fake_1000'))) await fake1000();
  console.log('\n| data set | records | precision | recall | F1 (pairs) | cluster pairs P / R / F1 | B-cubed F1 | blocking recall | pairs / record | seconds |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
} else {
  console.log(`skipped accuracy: ${DATA} is absent (the labelled data sets live in ../shared/datasets)`);
}
if (SCALE > 0) await scale(SCALE);
