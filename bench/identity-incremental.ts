/**
 * Incremental identity resolution on a resolved store, and the two baselines of the identity issue.
 *
 * Run: `node --import tsx bench/identity-incremental.ts <demo dir> [--baselines]`, or
 * `… --synthetic <N> <new store dir>` for a store of N generated people only (no other entities), where the demo dir comes from
 * `concord demo --people N --dir <demo dir> --no-serve` (its sync resolved every person already). The store is
 * changed in place (records of a `bench` system are added), so use a fresh demo dir per run.
 *
 * 1. 1,000 new person records (half corrupted copies of stored people, half new people) against the store:
 *    seconds of the incremental resolve, records changed and re-clustered, profile events; then an idle resolve.
 * 2. Id stability: 10% more person records, resolved incrementally; the share of unchanged unified ids among the
 *    old profiles whose members neither merged with another profile's nor split. Then a full resolve over the
 *    same store must change nothing (full = incremental at scale).
 * 3. `--baselines`: on FEBRL 4a × 4b (../shared/datasets) and on the demo's people with its ground truth:
 *    Concord's defaults, a two-level Fellegi–Sunter model with EM (each comparison: agree / disagree), and
 *    Salesforce-style fixed rules (exact normalized email, or fuzzy first name + exact last name + exact normalized
 *    address) over the same candidate pairs — all in this process.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load.js';
import { buildBlockIndex, forEachCandidateChunk } from '../src/identity/block/candidate-pairs.js';
import { nameComparison } from '../src/identity/compare/comparisons.js';
import { guardIdentifiers } from '../src/identity/cluster/chaining-guard.js';
import { bcubed, clusterPairScores, pairwiseScores } from '../src/identity/cluster/evaluate.js';
import { dedupeRecords, linkRecords } from '../src/identity/cluster/resolve.js';
import { UnionFind } from '../src/identity/cluster/union-find.js';
import { readIdentityCsv } from '../src/identity/csv/read.js';
import { PERSON_BLOCKING_RULES, PERSON_DETERMINISTIC_RULES, PERSON_GUARDS } from '../src/identity/csv/person-defaults.js';
import { personComparisons, personFeatures } from '../src/identity/csv/person-features.js';
import { loadPersons, resolvePersons, type ResolveStoreOptions } from '../src/identity/resolve.js';
import { assemblePersonsById, cimPages, type PersonRecord } from '../src/identity/store/assemble.js';
import { readGroundTruth, truthKey } from '../src/identity/store/truth.js';
import { NULL_LEVEL, type Comparison, type IdentityRecord } from '../src/identity/types.js';
import { openConfigStore } from '../src/cli/open-config-store.js';
import { openStore } from '../src/store/open.js';
import { FIRST_NAMES } from '../src/demo/vocabulary.js';
import type { Store } from '../src/store/store.js';
import { mulberry32 } from '../src/core/random.js';
import { storePeople, type PersonSpec } from '../test/identity-store/people.js';

const DATA = join(import.meta.dirname, '..', '..', 'shared', 'datasets');
const f = (x: number, digits = 4): string => x.toFixed(digits);
const n = (x: number): string => x.toLocaleString('en-US');

/** Wall and CPU seconds of `work` (CPU = this process's user + system time: the machine is shared). */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, wall: (performance.now() - wall) / 1000, cpu: (used.user + used.system) / 1e6 };
}
const secs = (t: { wall: number; cpu: number }): string => `${f(t.wall, 2)} wall / ${f(t.cpu, 2)} CPU`;

/** Corrupted copies of stored people and new people, `count` in all, written as a `bench` system. */
async function addPeople(store: Store, count: number, seed: number, tag: string): Promise<void> {
  const random = mulberry32(seed);
  const ids: string[] = [];
  for await (const page of cimPages(store, 'Individual', 5000)) for (const r of page) ids.push(r.id);
  const sample = Array.from({ length: count }, () => ids[Math.floor(random() * ids.length)]!);
  const people: PersonRecord[] = [];
  for (let i = 0; i < sample.length; i += 500) people.push(...(await assemblePersonsById(store, sample.slice(i, i + 500))));
  const typo = (s: string): string => (s.length > 3 ? `${s.slice(0, 1)}${s[2]}${s[1]}${s.slice(3)}` : s);
  const specs: PersonSpec[] = people.map((p, i) => {
    const v = p.values;
    const first = v.firstName ?? 'Alex';
    const last = v.lastName ?? 'Doe';
    const base = { system: 'bench', id: `${tag}-${i}`, modstamp: '2026-11-01T00:00:00.000Z' };
    if (i % 2 === 0) {
      // A corrupted copy: a typo in the first name or a dropped phone, the email kept or dropped.
      return { ...base, first: random() < 0.5 ? typo(first) : first, last, email: random() < 0.7 ? v.email : undefined, phone: random() < 0.5 ? v.phone : undefined, dob: v.birthDate };
    }
    // A new person: this one's first name with another's last name, a fresh email and phone.
    const other = people[(i * 7919) % people.length]!.values;
    return { ...base, first, last: `${other.lastName ?? 'Roe'}${i % 3 === 0 ? 'son' : ''}`, email: `${tag}.${i}@benchmail.io`, phone: `+1202${String(5_000_000 + i).padStart(7, '0')}`, dob: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}` };
  });
  await storePeople(store, specs);
}

async function membership(store: Store): Promise<Map<string, string>> {
  return new Map((await store.listProfileMembers('person')).map((m) => [m.recordId, m.unifiedId] as const));
}

/** Share of unchanged ids among old profiles that neither merged nor split. */
function stability(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): { eligible: number; unchanged: number; merged: number; split: number } {
  const oldMembers = new Map<string, string[]>();
  for (const [r, u] of before) oldMembers.set(u, [...(oldMembers.get(u) ?? []), r]);
  const newOld = new Map<string, Set<string>>();
  for (const [r, u] of after) {
    const old = before.get(r);
    if (old === undefined) continue;
    const set = newOld.get(u) ?? new Set<string>();
    set.add(old);
    newOld.set(u, set);
  }
  let eligible = 0;
  let unchanged = 0;
  let merged = 0;
  let split = 0;
  for (const [uid, members] of oldMembers) {
    const homes = new Set(members.map((r) => after.get(r)).filter((u) => u !== undefined));
    if (homes.size !== 1) { split++; continue; }
    const home = [...homes][0]!;
    if (newOld.get(home)!.size > 1) { merged++; continue; }
    eligible++;
    if (home === uid) unchanged++;
  }
  return { eligible, unchanged, merged, split };
}

async function incremental(dir: string, retrain: boolean): Promise<void> {
  const loaded = loadConfig(join(dir, 'concord.yaml'), process.env);
  const { identity, defaults } = loaded.config;
  const store = await openConfigStore(loaded);
  try {
    await store.migrate();
    // The settings `concord sync` resolves with: another fingerprint would make the first run a full one.
    const options: ResolveStoreOptions = { threshold: identity.threshold, sourcePriority: identity.sourcePriority, survivorship: identity.survivorship, region: defaults.region };
    if (retrain) {
      const full = await timed(() => resolvePersons(store, { ...options, full: true, retrain: true }));
      const p = full.value.profiles;
      console.log(`full resolve, model trained again: ${n(full.value.records)} records, ${n(full.value.candidatePairs)} candidate pairs, ${n(p.active)} active profiles (created ${p.created}, merged ${p.merged}, split ${p.split}, moved ${p.moved}, retired ${p.retired}) (${secs(full)}; peak RSS ${(process.resourceUsage().maxRSS / 1024 / 1024).toFixed(2)} GB)`);
    }
    await measure(store, options);
  } finally {
    await store.close();
  }
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vel', 'dor', 'an', 'is', 'ur', 'bel', 'cor', 'fen', 'gar', 'hal', 'jor', 'kin', 'lar', 'mor', 'nes', 'pel', 'quin', 'ros', 'sil', 'tor', 'val', 'wen', 'yor', 'zan', 'ber'];

/**
 * A store of `count` generated people (only people: an Individual with an email and a phone contact point),
 * ≈ 20% of them also in a second system with a typo or a dropped field, resolved fully; then `measure`.
 */
async function synthetic(count: number, dir: string, stages: { resolve: boolean; measure: boolean }): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const store = await openStore(`sqlite:${join(dir, 'concord.db')}`);
  try {
    await store.migrate();
    const stored = (await store.countCimRecords('Individual'))[0]?.live ?? 0;
    if (stored >= count) console.log(`reusing the ${n(stored)} person records stored in ${dir}`);
    else await write();
    if (!stages.resolve) return;
    const full = await timed(() => resolvePersons(store, { full: true }));
    console.log(`| full resolve (builds the index) | ${full.value.mode} | ${n(full.value.changed)} | ${n(full.value.records)} | ${n(full.value.candidatePairs)} | ${n(full.value.profiles.created)} created | ${secs(full)} |`);
    console.log(`peak RSS so far ${(process.resourceUsage().maxRSS / 1024 / 1024).toFixed(2)} GB`);
    if (stages.measure) await measure(store, {});
  } finally {
    await store.close();
  }

  async function write(): Promise<void> {
    const random = mulberry32(20261127);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const surname = (): string => { const k = 3 + Math.floor(random() * 2); let s = ''; for (let i = 0; i < k; i++) s += pick(SYLLABLES); return s[0]!.toUpperCase() + s.slice(1); };
    const load = await timed(async () => {
      let batch: PersonSpec[] = [];
      for (let i = 0, written = 0; written < count; i++) {
        const first = pick(FIRST_NAMES).name;
        const last = surname();
        const p: PersonSpec = {
          system: 'crm', id: `c${i}`, first, last, email: `${first.toLowerCase()}.${last.toLowerCase()}${i % 97}@mail${i % 13}.io`,
          phone: `+1${String(2_000_000_000 + ((i * 7_919_993) % 7_000_000_000))}`, dob: `19${40 + Math.floor(random() * 60)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
          modstamp: '2026-01-01T00:00:00.000Z',
        };
        batch.push(p);
        written++;
        if (random() < 0.2 && written < count) {
          const kind = random();
          batch.push({ ...p, system: 'erp', id: `e${i}`, ...(kind < 0.4 ? { first: p.first.slice(0, 1) + p.first.slice(2, 3) + p.first.slice(1, 2) + p.first.slice(3) } : kind < 0.7 ? { email: undefined } : { phone: undefined, email: p.email!.toUpperCase() }) });
          written++;
        }
        if (batch.length >= 5000) { await storePeople(store, batch); batch = []; }
      }
      if (batch.length > 0) await storePeople(store, batch);
    });
    console.log(`stored ${n(count)} generated person records (${secs(load)})`);
  }
}

/** The incremental measurements on a resolved store (it is changed: people of a `bench` system are added). */
async function measure(store: Store, options: ResolveStoreOptions): Promise<void> {
  {
    const people = (await store.countCimRecords('Individual'))[0]?.live ?? 0;
    const profiles = await store.countActiveProfiles('person');
    console.log(`store: ${n(people)} person records, ${n(profiles)} active profiles`);

    await addPeople(store, 1000, 1, 'new1k');
    const one = await timed(() => resolvePersons(store, { ...options, run: 'bench-1000' }));
    const o = one.value;
    console.log(`| 1,000 new records | ${o.mode} | ${n(o.changed)} | ${n(o.records)} | ${n(o.candidatePairs)} | ${o.profiles.created} created, ${o.profiles.grew} grew, ${o.profiles.merged} merged, ${o.profiles.split} split | **${secs(one)}** |`);
    const idle = await timed(() => resolvePersons(store, options));
    console.log(`| nothing changed | ${idle.value.mode} | ${idle.value.changed} | ${idle.value.records} | 0 | — | ${secs(idle)} |`);

    const before = await membership(store);
    const tenth = Math.round(before.size / 10);
    await addPeople(store, tenth, 2, 'tenth');
    const grown = await timed(() => resolvePersons(store, { ...options, run: 'bench-10pct' }));
    const g = grown.value;
    const s = stability(before, await membership(store));
    console.log(`| +10% (${n(tenth)}) records | ${g.mode} | ${n(g.changed)} | ${n(g.records)} | ${n(g.candidatePairs)} | ${g.profiles.created} created, ${g.profiles.grew} grew, ${g.profiles.merged} merged, ${g.profiles.split} split | ${secs(grown)} |`);
    console.log(`id stability: ${n(s.unchanged)} of ${n(s.eligible)} old profiles that neither merged nor split kept their id (${f((100 * s.unchanged) / Math.max(1, s.eligible), 2)}%); ${n(s.merged)} merged, ${n(s.split)} split`);

    const full = await timed(() => resolvePersons(store, { ...options, full: true }));
    const p = full.value.profiles;
    console.log(`full resolve over the same store: ${full.value.mode}, ${n(full.value.records)} records, created ${p.created}, grew ${p.grew}, merged ${p.merged}, split ${p.split}, moved ${p.moved}, retired ${p.retired} (${secs(full)})`);
  }
}

/** Each comparison reduced to two levels: its first (exact) level, or anything else. */
function twoLevel(comparisons: readonly Comparison[]): Comparison[] {
  return comparisons.map((c) => ({
    name: c.name, levels: ['agree', 'disagree'], values: c.values,
    compare: (a, b) => { const level = c.compare(a, b); return level === NULL_LEVEL ? NULL_LEVEL : level === 0 ? 0 : 1; },
  }));
}

const firstName = nameComparison('first_name', { thresholds: [0.92, 0.8] });
const str = (r: IdentityRecord, key: string): string | undefined => { const v = r.features[key]; return typeof v === 'string' && v !== '' ? v : undefined; };

/** Salesforce-style duplicate rule: exact normalized email, or fuzzy first name + exact last name + exact address. */
function salesforceRule(a: IdentityRecord, b: IdentityRecord): boolean {
  const email = str(a, 'email');
  if (email !== undefined && email === str(b, 'email')) return true;
  const level = firstName.compare(a, b);
  const fuzzyFirst = level !== NULL_LEVEL && level < firstName.levels.length - 1;
  const last = str(a, 'last_name');
  const street = str(a, 'street');
  return fuzzyFirst && last !== undefined && last === str(b, 'last_name') && street !== undefined && street === str(b, 'street') && str(a, 'postcode') === str(b, 'postcode');
}

/** Pairs the Salesforce-style rule accepts among the candidate pairs of the default blocking. */
function salesforcePairs(records: readonly IdentityRecord[], sides?: Uint8Array): { left: Int32Array; right: Int32Array; count: number } {
  const guarded = guardIdentifiers(records, PERSON_GUARDS).records;
  const index = buildBlockIndex(guarded, PERSON_BLOCKING_RULES, sides ? { mode: 'link', sides } : { mode: 'dedupe' });
  const left: number[] = [];
  const right: number[] = [];
  forEachCandidateChunk(index, (l, r, count) => {
    for (let k = 0; k < count; k++) if (salesforceRule(guarded[l[k]!]!, guarded[r[k]!]!)) { left.push(l[k]!); right.push(r[k]!); }
  });
  return { left: Int32Array.from(left), right: Int32Array.from(right), count: left.length };
}

function clustersOf(size: number, pairs: { left: Int32Array; right: Int32Array; count: number }): Int32Array {
  const sets = new UnionFind(size);
  for (let k = 0; k < pairs.count; k++) sets.union(pairs.left[k]!, pairs.right[k]!);
  return Int32Array.from({ length: size }, (_, i) => sets.find(i));
}

async function baselines(dir: string | undefined): Promise<void> {
  const a = join(DATA, 'febrl', 'dataset4a.csv');
  const b = join(DATA, 'febrl', 'dataset4b.csv');
  if (existsSync(a) && existsSync(b)) {
    const read = (file: string) => readIdentityCsv(file, { idColumn: 'rec_id', toFeatures: (v) => personFeatures(v, 'AU'), source: file });
    const left = (await read(a)).records;
    const right = (await read(b)).records;
    const all = [...left, ...right];
    const truth = all.map((r) => r.id.split('-')[1]!);
    const sides = new Uint8Array(all.length).fill(1, left.length);
    const shift = (p: { left: Int32Array; right: Int32Array; count: number }) => ({ ...p, right: p.right.map((r) => r + left.length) });
    const base = { blockingRules: PERSON_BLOCKING_RULES, guards: PERSON_GUARDS, threshold: 0.9 };
    const concord = linkRecords(left, right, { ...base, comparisons: personComparisons(), deterministicRules: PERSON_DETERMINISTIC_RULES });
    const fs2 = linkRecords(left, right, { ...base, comparisons: twoLevel(personComparisons()) });
    const sf = salesforcePairs(all, sides);
    for (const [name, pairs] of [['Concord (defaults)', shift(concord.links)], ['two-level Fellegi–Sunter + EM', shift(fs2.links)], ['Salesforce-style rules', sf]] as const) {
      const s = pairwiseScores(pairs, truth);
      console.log(`| FEBRL 4a × 4b link | ${name} | ${f(s.precision)} | ${f(s.recall)} | **${f(s.f1)}** | — |`);
    }
  } else console.log(`FEBRL 4 skipped: ${a} not found`);

  if (dir === undefined) return;
  const loaded = loadConfig(join(dir, 'concord.yaml'), process.env);
  const store = await openConfigStore(loaded);
  try {
    const people = await loadPersons(store, loaded.config.defaults.region);
    const groundTruth = readGroundTruth(join(dir, 'ground-truth.csv'));
    const records = people.map((p) => p.record);
    const truth = people.map((p) => groundTruth.get(truthKey(p.system, p.stream, p.sourceRecordId)) ?? `unknown:${p.record.id}`);
    const base = { blockingRules: PERSON_BLOCKING_RULES, guards: PERSON_GUARDS, threshold: 0.9 };
    const concord = dedupeRecords(records, { ...base, comparisons: personComparisons(), deterministicRules: PERSON_DETERMINISTIC_RULES });
    const fs2 = dedupeRecords(records, { ...base, comparisons: twoLevel(personComparisons()) });
    const sf = clustersOf(records.length, salesforcePairs(records));
    for (const [name, clusterOf] of [['Concord (defaults)', concord.clusters.clusterOf], ['two-level Fellegi–Sunter + EM', fs2.clusters.clusterOf], ['Salesforce-style rules', sf]] as const) {
      const s = clusterPairScores(clusterOf, truth);
      console.log(`| demo, ${n(records.length)} person records | ${name} | ${f(s.precision)} | ${f(s.recall)} | **${f(s.f1)}** | ${f(bcubed(clusterOf, truth).f1)} |`);
    }
  } finally {
    await store.close();
  }
}

const USAGE = `usage: node --import tsx bench/identity-incremental.ts <demo dir> [--retrain] | <demo dir> --baselines | --baselines
       node --import tsx bench/identity-incremental.ts --synthetic <N> <store dir> [--write-only | --resolve-only]

  <demo dir>             1,000 new records, an idle resolve, +10% records (id stability), then a full resolve
  --retrain              first a full resolve that trains the model again (a demo store resolved by an older model)
  --baselines            FEBRL 4 and the demo's people: Concord, two-level Fellegi–Sunter, Salesforce-style rules
  --synthetic N dir      a SQLite store of N generated people in dir (reused when it holds N already), its first full
                         resolve, then the measurements above
  --write-only           only write the generated people
  --resolve-only         write when needed and run the full resolve, without the measurements`;
const dir = process.argv[2];
if (dir === undefined || dir === '--help' || dir === '-h') console.log(USAGE);
else if (dir === '--synthetic') {
  await synthetic(Number(process.argv[3]), process.argv[4] ?? 'bench-identity-store', { resolve: !process.argv.includes('--write-only'), measure: !process.argv.includes('--resolve-only') && !process.argv.includes('--write-only') });
}
else if (process.argv.includes('--baselines')) await baselines(dir === '--baselines' ? undefined : dir);
else await incremental(dir, process.argv.includes('--retrain'));
