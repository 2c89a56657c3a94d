/**
 * Throughput of the identity comparators. Run: `node --import tsx bench/compare.ts` (`BENCH_PAIRS`, default
 * 1,000,000; `BENCH_RECORDS`, default 40,000).
 *
 * 1. String kernels on realistic name pairs — first and last names from a seeded generator, half paired with a
 *    typo'd copy (substitution, deletion, insertion, adjacent transposition, or two of them), half with another
 *    name — against named baselines in the same process: `jaroWinkler` vs talisman's `metrics/jaro-winkler`, and
 *    `levenshtein` vs `fastest-levenshtein`'s `distance`. The two sides must agree: every value on a 100,000-pair
 *    sample is compared and the bench fails on any difference.
 * 2. Full comparison vectors: all of `defaultPersonComparisons()` (9 comparisons) on pairs of built person
 *    features, half duplicate pairs (typos, nicknames, swapped day/month, other phone prefix, Gmail variants,
 *    street abbreviations) and half random pairs; pairs/s on one core (the bench is single-threaded).
 * Reported per row: the median of 5 timed runs after a warm-up run. Peak RSS is the process maximum.
 */
import { mulberry32 as rng } from '../src/core/random.js';
import { createRequire } from 'node:module';
import os from 'node:os';
import { distance as fastestLevenshtein } from 'fastest-levenshtein';
import { defaultPersonComparisons } from '../src/identity/compare/comparisons.js';
import { damerauLevenshtein, jaroWinkler, levenshtein } from '../src/identity/compare/strings.js';
import { packRecords } from '../src/identity/compare/packed.js';
import { placeholderSet } from '../src/identity/block/rules.js';
import { vectorCodec } from '../src/identity/score/comparison-vector.js';
import { buildPersonFeatures, NICKNAME_GROUPS } from '../src/identity/normalize/index.js';
import type { PersonAttributes } from '../src/identity/normalize/index.js';
import type { IdentityRecord } from '../src/identity/types.js';

const talismanJaroWinkler = createRequire(import.meta.url)('talisman/metrics/jaro-winkler') as (a: string, b: string) => number;

const PAIRS = Number(process.env['BENCH_PAIRS'] ?? 1_000_000);
const RECORDS = Number(process.env['BENCH_RECORDS'] ?? 40_000);
const RUNS = 5;
const SAMPLE = 100_000;

const random = rng(20_261_127);
const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
const digits = (n: number): string => Array.from({ length: n }, () => String(int(0, 9))).join('');

const FIRST = [...NICKNAME_GROUPS.keys()];
const NICKS = [...NICKNAME_GROUPS.entries()];
const LAST = `smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson
anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker
young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell carter
roberts gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris morales murphy cook rogers
gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward richardson watson brooks chavez wood
james bennett gray mendoza ruiz hughes price alvarez castillo sanders patel myers long ross foster jimenez powell
jenkins perry russell sullivan bell coleman butler henderson barnes gonzales fisher vasquez simmons romero jordan
patterson alexander hamilton graham reynolds griffin wallace moreno west cole hayes bryant herrera gibson ellis tran
medina aguilar stevens murray ford castro marshall owens harrison fernandez mcdonald woods washington kennedy wells
vargas henry chen freeman webb tucker guzman burns crawford olson simpson porter hunter gordon mendez silva shaw snyder
mason dixon munoz hunt hicks holmes palmer wagner black robertson boyd rose stone salazar fox warren mills meyer rice
schmidt garza daniels ferguson nichols stephens soto weaver ryan gardner payne grant dunn kelley spencer hawkins arnold
pierce vazquez hansen peters santos hart bradley knight elliott cunningham duncan armstrong hudson carroll lane riley
andrews alvarado ray delgado berry perkins hoffman johnston matthews pena richards contreras willis carpenter lawrence
sandoval guerrero george chapman rios estrada ortega watkins greene nunez wheeler valdez harper burke larson santiago
maldonado morrison franklin carlson austin dominguez carr lawson jacobs obrien lynch singh vega bishop montgomery
oliver jensen harvey williamson gilbert dean sims espinoza howell li wong reid hanson le mccoy garrett burton fuller
wang weber welch rojas lucas marquez fields park yang little banks padilla day walsh bowman schultz luna fowler mejia
davidson acosta brewer may holland juarez newman pearson curtis cortez douglas schneider joseph barrett navarro figueroa
keller avila wade molina stanley hopkins campos barnett bates chambers caldwell beck lambert miranda byrd craig ayala
lowe frazier powers neal leonard gregory carrillo sutton fleming rhodes shelton schwartz norris jennings watts duran
walters cohen mcdaniel moran parks steele vaughn becker holt deleon barker terry hale leon hail benson haynes horton
miles lyons pham graves bush thornton wolfe warner cabrera mckinney mann zimmerman dawson lara fletcher page mccarthy
love robles cervantes solis erickson reeves chang klein salinas fuentes baldwin daniel simon velasquez hardy higgins
aguirre lin cummings chandler sharp barber bowen ochoa dennis robbins liu ramsey francis griffith paul blair oconnor`
  .split(/\s+/)
  .filter((w) => w !== '');
const STREETS = ['main', 'oak', 'pine', 'maple', 'cedar', 'elm', 'washington', 'lake', 'hill', 'park', 'sunset',
  'river', 'church', 'highland', 'mill', 'spring', 'north', 'ridge', 'meadow', 'forest', 'stanley', 'miller', 'king'];
const TYPES = [['Street', 'St'], ['Road', 'Rd'], ['Avenue', 'Ave'], ['Drive', 'Dr'], ['Lane', 'Ln'], ['Court', 'Ct']];
const CITIES = ['springfield', 'riverside', 'franklin', 'greenville', 'bristol', 'clinton', 'fairview', 'salem',
  'madison', 'georgetown', 'arlington', 'ashland', 'burlington', 'manchester', 'milton', 'newport', 'oxford'];
const AREAS = ['212', '415', '312', '617', '206', '303', '404', '512', '646', '718', '650', '972', '305', '702'];
const DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'acme.com', 'example.net'.replace('example', 'mail')];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function typo(s: string): string {
  if (s.length < 2) return s + pick([...LETTERS]);
  const i = int(0, s.length - 1);
  switch (int(0, 3)) {
    case 0:
      return s.slice(0, i) + pick([...LETTERS]) + s.slice(i + 1);
    case 1:
      return s.slice(0, i) + s.slice(i + 1);
    case 2:
      return s.slice(0, i) + pick([...LETTERS]) + s.slice(i);
    default: {
      const j = Math.min(i, s.length - 2);
      return s.slice(0, j) + s[j + 1] + s[j] + s.slice(j + 2);
    }
  }
}
const maybe = <T>(p: number, value: T): T | undefined => (random() < p ? value : undefined);

function namePairs(n: number): [string[], string[]] {
  const left: string[] = [];
  const right: string[] = [];
  for (let i = 0; i < n; i++) {
    const pool = random() < 0.5 ? FIRST : LAST;
    const a = pick(pool);
    left.push(a);
    const r = random();
    right.push(r < 0.3 ? typo(a) : r < 0.5 ? typo(typo(a)) : pick(pool));
  }
  return [left, right];
}

function personAttrs(): PersonAttributes {
  const y = int(1930, 2005);
  const m = int(1, 12);
  const d = int(1, 28);
  const first = pick(FIRST);
  const last = pick(LAST);
  const [type, abbr] = pick(TYPES) as [string, string];
  const street = `${pick(STREETS)} ${random() < 0.5 ? type : abbr}`;
  return {
    firstName: first,
    lastName: last,
    dob: maybe(0.9, `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`),
    email: maybe(0.7, `${first}.${last}${int(1, 99)}@${pick(DOMAINS)}`),
    phone: maybe(0.7, `(${pick(AREAS)}) ${int(200, 989)}-${digits(4)}`),
    streetNumber: String(int(1, 999)),
    street,
    city: pick(CITIES),
    postcode: String(int(10_000, 99_899)),
    identifier: maybe(0.5, `${int(100, 899)}-${int(10, 99)}-${int(1000, 9999)}`),
  };
}

function duplicate(p: PersonAttributes): PersonAttributes {
  const q: PersonAttributes = { ...p };
  const nick = NICKS.find(([key]) => key === p.firstName)?.[1];
  if (random() < 0.2 && nick !== undefined) q.firstName = pick(nick);
  else if (random() < 0.4) q.firstName = typo(p.firstName ?? '');
  if (random() < 0.3) q.lastName = typo(p.lastName ?? '');
  if (p.dob !== undefined && random() < 0.2) {
    q.dob = random() < 0.5 ? `${p.dob.slice(0, 4)}${p.dob.slice(6, 8)}${p.dob.slice(4, 6)}` : typo(p.dob);
  }
  if (p.email !== undefined && random() < 0.3) {
    const [local = '', domain = ''] = p.email.split('@');
    q.email = domain === 'gmail.com' ? `${local.replace('.', '')}+crm@googlemail.com` : `${local}@${pick(DOMAINS)}`;
  }
  if (p.phone !== undefined && random() < 0.2) q.phone = `(${pick(AREAS)}) ${p.phone.slice(6)}`;
  if (random() < 0.3) q.street = (p.street ?? '').replace(/Street|Road|Avenue|Drive|Lane|Court/, (w) => w.slice(0, 2));
  if (random() < 0.2) q.postcode = typo(p.postcode ?? '');
  if (random() < 0.2) q.email = undefined;
  return q;
}

interface Row {
  label: string;
  perSecond: number;
  perCpuSecond: number;
  baseline?: string;
}

/** Median wall seconds and median CPU seconds (user + system of this process) over RUNS runs after a warm-up. */
function time(fn: () => number): { seconds: number; cpuSeconds: number; checksum: number } {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  let checksum = 0;
  for (let r = 0; r < RUNS; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    checksum = fn();
    wall.push(Number(process.hrtime.bigint() - t0) / 1e9);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const mid = Math.floor(RUNS / 2);
  return { seconds: wall[mid] ?? 0, cpuSeconds: cpu[mid] ?? 0, checksum };
}

function assertAgreement(name: string, left: string[], right: string[], ours: (a: string, b: string) => number, theirs: (a: string, b: string) => number): void {
  let mismatches = 0;
  let first = '';
  const n = Math.min(SAMPLE, left.length);
  for (let i = 0; i < n; i++) {
    const a = left[i] ?? '';
    const b = right[i] ?? '';
    const x = ours(a, b);
    const y = theirs(a, b);
    if (Math.abs(x - y) > 1e-12) {
      mismatches++;
      if (first === '') first = `${a} / ${b}: ${x} vs ${y}`;
    }
  }
  if (mismatches > 0) throw new Error(`${name}: ${mismatches} of ${n} values differ from the baseline (first: ${first})`);
  console.log(`${name}: ${n.toLocaleString('en-US')} sampled values identical to the baseline`);
}

function main(): void {
  const [left, right] = namePairs(PAIRS);
  assertAgreement('jaroWinkler vs talisman', left, right, (a, b) => jaroWinkler(a, b), talismanJaroWinkler);
  assertAgreement('levenshtein vs fastest-levenshtein', left, right, (a, b) => levenshtein(a, b), fastestLevenshtein);

  const rows: Row[] = [];
  const kernel = (label: string, fn: (a: string, b: string) => number, baseline?: string): void => {
    const { seconds, cpuSeconds } = time(() => {
      let sum = 0;
      for (let i = 0; i < PAIRS; i++) sum += fn(left[i] ?? '', right[i] ?? '');
      return sum;
    });
    const row: Row = { label, perSecond: PAIRS / seconds, perCpuSecond: PAIRS / cpuSeconds };
    rows.push(baseline === undefined ? row : { ...row, baseline });
  };
  kernel('jaroWinkler (Concord)', jaroWinkler);
  kernel('talisman metrics/jaro-winkler', talismanJaroWinkler, 'jaroWinkler (Concord)');
  kernel('levenshtein (Concord)', (a, b) => levenshtein(a, b));
  kernel('fastest-levenshtein distance', fastestLevenshtein, 'levenshtein (Concord)');
  kernel('levenshtein (Concord), max = 1', (a, b) => levenshtein(a, b, 1));
  kernel('damerauLevenshtein OSA (Concord)', (a, b) => damerauLevenshtein(a, b));
  kernel('damerauLevenshtein OSA (Concord), max = 1', (a, b) => damerauLevenshtein(a, b, 1));

  // Feature building, then full comparison vectors.
  const bases = Array.from({ length: RECORDS / 2 }, personAttrs);
  const attrs = [...bases, ...bases.map(duplicate)];
  const t0 = process.hrtime.bigint();
  const records: IdentityRecord[] = attrs.map((a, i) => ({ id: String(i), features: buildPersonFeatures(a, { region: 'US' }) }));
  const buildSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const half = bases.length;
  const comparisons = defaultPersonComparisons();
  const nc = comparisons.length;
  const levels = new Int8Array(nc);

  // (a) Random pairs: half a record with its duplicate, half two random records — the cache-cold worst case.
  const randomLeft = new Int32Array(PAIRS);
  const randomRight = new Int32Array(PAIRS);
  for (let i = 0; i < PAIRS; i++) {
    const k = int(0, half - 1);
    randomLeft[i] = k;
    randomRight[i] = random() < 0.5 ? k + half : int(0, records.length - 1);
  }
  // (b) Blocked order: a sorted-neighbourhood pass (records sorted by last-name Soundex, then first name; each
  // paired with the next records in that order), as blocking hands pairs to scoring — mostly non-matches that
  // share a block key, with records reused from pair to pair.
  const order = records.map((_, i) => i);
  const key = (i: number): string => `${String(records[i]?.features['last_name_soundex'] ?? '')} ${String(records[i]?.features['first_name'] ?? '')}`;
  const keys = order.map(key);
  order.sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : x - y));
  const window = Math.max(1, Math.ceil(PAIRS / records.length));
  const blockedLeft = new Int32Array(PAIRS);
  const blockedRight = new Int32Array(PAIRS);
  let filled = 0;
  for (let p = 0; p < order.length && filled < PAIRS; p++) {
    for (let w = 1; w <= window && p + w < order.length && filled < PAIRS; w++) {
      blockedLeft[filled] = order[p]!;
      blockedRight[filled] = order[p + w]!;
      filled++;
    }
  }

  const vectors = (left: Int32Array, right: Int32Array, n: number) =>
    time(() => {
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const a = records[left[i]!]!;
        const b = records[right[i]!]!;
        for (let c = 0; c < nc; c++) levels[c] = comparisons[c]!.compare(a, b);
        sum += levels[0]! + levels[nc - 1]!;
      }
      return sum;
    });
  const randomRun = vectors(randomLeft, randomRight, PAIRS);
  const blockedRun = vectors(blockedLeft, blockedRight, filled);
  // The same pairs through the packed comparer (compare/packed.ts): one vector code a pair, as resolution uses it,
  // against the comparisons' own codes over the feature objects (checked equal on every pair first).
  const codec = vectorCodec(comparisons);
  const p0 = process.hrtime.bigint();
  const packed = packRecords(records, comparisons, codec, [], placeholderSet());
  const packSeconds = Number(process.hrtime.bigint() - p0) / 1e9;
  if (packed === undefined) throw new Error('the default person comparisons could not be packed');
  const codes = (encode: (a: number, b: number) => number, left: Int32Array, right: Int32Array, n: number) =>
    time(() => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum = (sum + encode(left[i]!, right[i]!)) | 0;
      return sum;
    });
  const onObjects = (a: number, b: number): number => codec.encodePair(records[a]!, records[b]!);
  for (const [left, right, n] of [[randomLeft, randomRight, PAIRS], [blockedLeft, blockedRight, filled]] as const) {
    for (let i = 0; i < n; i++) {
      if (packed.encode(left[i]!, right[i]!) !== onObjects(left[i]!, right[i]!)) throw new Error(`packed vector differs for pair ${left[i]} / ${right[i]}`);
    }
  }
  const codeRuns = [
    ['blocked order, vector codes over the feature objects', filled, codes(onObjects, blockedLeft, blockedRight, filled)],
    ['blocked order, vector codes over the packed copy', filled, codes(packed.encode, blockedLeft, blockedRight, filled)],
    ['random, vector codes over the feature objects', PAIRS, codes(onObjects, randomLeft, randomRight, PAIRS)],
    ['random, vector codes over the packed copy', PAIRS, codes(packed.encode, randomLeft, randomRight, PAIRS)],
  ] as const;
  const histogram = comparisons.map((c) => new Float64Array(c.levels.length + 1));
  for (let i = 0; i < PAIRS; i++) {
    for (let c = 0; c < nc; c++) {
      const level = comparisons[c]!.compare(records[randomLeft[i]!]!, records[randomRight[i]!]!);
      histogram[c]![level + 1]! += 1;
    }
  }

  const cpu = os.cpus()[0]?.model ?? 'unknown';
  console.log(`\nMachine: nproc ${os.availableParallelism()}, CPU ${cpu}, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`Pairs per run: ${PAIRS.toLocaleString('en-US')}; median of ${RUNS} runs after a warm-up run\n`);
  console.log('| kernel (name pairs) | calls/s (wall) | calls per CPU-second | vs baseline (wall) |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const row of rows) {
    const base = row.baseline === undefined ? undefined : rows.find((r) => r.label === row.baseline);
    const ratio = base === undefined ? '' : `Concord ${(base.perSecond / row.perSecond).toFixed(2)}×`;
    console.log(`| ${row.label} | ${Math.round(row.perSecond).toLocaleString('en-US')} | ${Math.round(row.perCpuSecond).toLocaleString('en-US')} | ${ratio} |`);
  }
  console.log(`\nFeatures built: ${records.length.toLocaleString('en-US')} person records in ${buildSeconds.toFixed(2)} s (${Math.round(records.length / buildSeconds).toLocaleString('en-US')} records/s, cold caches)`);
  console.log(`\nComparison vectors, all ${nc} default person comparisons per pair (one core):\n`);
  console.log('| pairs | pairs | pairs/s (wall) | pairs per CPU-second | comparisons/s (wall) |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [label, n, run] of [
    ['blocked order (sorted neighbourhood)', filled, blockedRun],
    ['random (50% duplicate pairs)', PAIRS, randomRun],
  ] as const) {
    console.log(`| ${label} | ${n.toLocaleString('en-US')} | ${Math.round(n / run.seconds).toLocaleString('en-US')} | ${Math.round(n / run.cpuSeconds).toLocaleString('en-US')} | ${Math.round((n * nc) / run.seconds).toLocaleString('en-US')} |`);
  }
  for (const [label, n, run] of codeRuns) {
    console.log(`| ${label} | ${n.toLocaleString('en-US')} | ${Math.round(n / run.seconds).toLocaleString('en-US')} | ${Math.round(n / run.cpuSeconds).toLocaleString('en-US')} | ${Math.round((n * nc) / run.seconds).toLocaleString('en-US')} |`);
  }
  const ratio = (k: number): string => (codeRuns[k]![2].seconds / codeRuns[k + 1]![2].seconds).toFixed(2);
  console.log(`\nPacked vs feature objects (same pairs, same codes, wall): blocked ${ratio(0)}×, random ${ratio(2)}×. Packing ${records.length.toLocaleString('en-US')} records took ${packSeconds.toFixed(2)} s (${Math.round(records.length / packSeconds).toLocaleString('en-US')} records/s; ${(packed.bytes / records.length).toFixed(0)} bytes a record; ${packed.unpacked} not packable).`);
  console.log('\nLevel distribution over the random pairs (NULL first):');
  comparisons.forEach((c, k) => {
    const h = histogram[k]!;
    const parts = [`NULL ${((h[0]! / PAIRS) * 100).toFixed(1)}%`, ...c.levels.map((l, j) => `${l} ${((h[j + 1]! / PAIRS) * 100).toFixed(1)}%`)];
    console.log(`  ${c.name}: ${parts.join(' · ')}`);
  });
  console.log(`\nPeak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

main();
