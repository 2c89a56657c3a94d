/**
 * The packed comparer: the factory comparisons (their `plan`) and the deterministic rules run over a compact copy
 * of every record's compared features — one contiguous region per record in one buffer (numbers, a table of
 * string ends, then the strings as bytes) — instead of over the feature objects.
 *
 * Why: among the candidate pairs of a million people nearly every pair meets two records that are not in the
 * processor's cache, and a feature object reaches its values through ~15 scattered heap objects (strings, token
 * and phonetic-code arrays), each a cache miss. Measured on 300,000 generated people, the same pairs compared
 * twice in a row took 0.95 µs a pair the second time against 2.6 µs the first: most of comparing was waiting
 * for memory. Here a record is ~300 bytes in a row.
 *
 * Every level is the one `Comparison.compare` returns (the kernels are ports over bytes of those in
 * `strings.ts`, and the string kernel itself for Jaro past 32 units; tested pair by pair against the comparisons
 * on the public data sets and generated records). A
 * record the packed form cannot hold exactly — not screened by a feature builder, a character above U+00FF, more
 * tokens or nickname groups than its slots, a value of an unexpected type — is marked, and every pair with it
 * runs through the comparisons themselves.
 *
 * @example
 * const codec = vectorCodec(comparisons);
 * const packed = packRecords(records, comparisons, codec, rules, placeholders); // undefined: a comparison has no plan
 * packed?.encode(0, 1); // the same number as codec.encodePair(records[0], records[1])
 */
import type { DeterministicRule } from '../score/deterministic.js';
import { matchingRule } from '../score/deterministic.js';
import type { VectorCodec } from '../score/comparison-vector.js';
import { NULL_LEVEL, type Comparison, type ComparisonPlan, type IdentityRecord } from '../types.js';
import { ROLE_LOCAL_PARTS } from './comparisons.js';
import { jaro } from './strings.js';

/** Compares records by index over the packed copy; pairs with a record it could not hold go to the comparisons. */
export interface PackedComparer {
  /** The comparison vector of records a and b (see `vectorCodec`). */
  encode(a: number, b: number): number;
  /** Index of the first deterministic rule the pair satisfies, or -1 (see `matchingRule`). */
  rule(a: number, b: number): number;
  /** Records the packed form could not hold (their pairs run through the comparisons). */
  readonly unpacked: number;
  /** Bytes of the packed copy. */
  readonly bytes: number;
}

type FieldKind = 'str' | 'arr' | 'num';

interface Field {
  readonly key: string;
  readonly kind: FieldKind;
  /** Element slots of an array field. */
  readonly max: number;
  /** First slot (strings, arrays) or number index (numbers). */
  index: number;
  /** A deterministic rule reads it. */
  rule: boolean;
}

/** Element slots for token sets and nickname groups; a record with more is compared unpacked. */
const MAX_TOKENS = 12;
const MAX_GROUPS = 4;
/** A record whose strings exceed this many bytes is compared unpacked (slot ends are 16-bit). */
const MAX_RECORD_BYTES = 0xffff;
const MAX_PACKED_BYTES = 0x7fff0000;
/** Bytes made free before each record: most people need ~200 for their strings. */
const RECORD_ROOM = 1024;
/** Records packed before the buffer is sized for all of them from their average. */
const SAMPLE_RECORDS = 10_000;

/** Packs records one at a time, in index order (see `createPacker`). */
export interface Packer {
  add(features: Readonly<Record<string, unknown>>): void;
  /** The comparer over the records added (all of `records`, in order); undefined when they outgrew 2 GB. */
  done(records: readonly IdentityRecord[]): PackedComparer | undefined;
}

/**
 * Packs the records for `comparisons` and `rules`; undefined when a comparison has no plan (a hand-written
 * one) or two need one key in different forms, so the caller compares with the comparisons themselves.
 *
 * @example
 * packRecords(records, comparisons, vectorCodec(comparisons), PERSON_DETERMINISTIC_RULES, placeholderSet())?.encode(3, 7);
 */
export function packRecords(
  records: readonly IdentityRecord[], comparisons: readonly Comparison[], codec: VectorCodec,
  rules: readonly DeterministicRule[], placeholders: ReadonlySet<string>,
): PackedComparer | undefined {
  const packer = createPacker(records.length, comparisons, codec, rules, placeholders);
  if (packer === undefined) return undefined;
  for (let i = 0; i < records.length; i++) packer.add(records[i]!.features);
  return packer.done(records);
}

/**
 * A packer for `count` records, fed one record at a time — so a pass that reads every record anyway (the block
 * index) can pack it while its features are in cache. Undefined when the comparisons cannot be packed.
 *
 * @example
 * const packer = createPacker(records.length, comparisons, codec, rules, placeholders);
 * for (const r of records) packer?.add(r.features);
 * const packed = packer?.done(records);
 */
export function createPacker(
  count: number, comparisons: readonly Comparison[], codec: VectorCodec,
  rules: readonly DeterministicRule[], placeholders: ReadonlySet<string>,
): Packer | undefined {
  const fields = new Map<string, Field>();
  const need = (key: string, kind: FieldKind, max = 0): boolean => {
    const known = fields.get(key);
    if (known !== undefined) return known.kind === kind && known.max === max;
    fields.set(key, { key, kind, max, index: -1, rule: false });
    return true;
  };
  for (const c of comparisons) {
    const plan = c.plan;
    if (plan === undefined || !planFields(plan, need)) return undefined;
  }
  for (const rule of rules) {
    for (const key of rule.keys) {
      if (!need(key, 'str')) return undefined;
      fields.get(key)!.rule = true;
    }
  }
  let slots = 0;
  let numbers = 0;
  for (const f of fields.values()) {
    if (f.kind === 'num') f.index = numbers++;
    else {
      f.index = slots;
      slots += f.kind === 'arr' ? f.max + 1 : 1;
    }
  }
  if (numbers > 16) return undefined;
  const store = new PackedStore(new Layout(numbers, slots), count);
  const list = [...fields.values()];
  let oversize = false;
  return {
    add(features) {
      if (oversize) return;
      store.add(features, list);
      // Offsets are 32-bit: past 2 GB (some 6 million people) the comparisons read the objects instead.
      if (store.size > MAX_PACKED_BYTES) oversize = true;
    },
    done(records) {
      if (oversize) return undefined;
      if (records.length !== store.count) throw new Error(`packed ${store.count} records, asked to compare ${records.length}`);
      store.finish();
      return comparer(store, fields, comparisons, codec, rules, placeholders, records);
    },
  };
}

function comparer(
  store: PackedStore, fields: ReadonlyMap<string, Field>, comparisons: readonly Comparison[],
  codec: VectorCodec, rules: readonly DeterministicRule[], placeholders: ReadonlySet<string>, records: readonly IdentityRecord[],
): PackedComparer {
  const slot = (key: string): number => fields.get(key)!.index;
  const comparers = comparisons.map((c) => planComparer(c.plan!, store, slot));
  const count = comparers.length;
  const strides = codec.strides;
  const ruleSlots = rules.map((r) => r.keys.map(slot));
  return {
    unpacked: store.unpacked,
    bytes: store.size,
    encode(a, b) {
      const ra = store.base[a]!;
      const rb = store.base[b]!;
      if (store.unpackedAt(ra) || store.unpackedAt(rb)) return codec.encodePair(records[a]!, records[b]!);
      let code = 0;
      for (let c = 0; c < count; c++) {
        const level = comparers[c]!(ra, rb);
        if (level !== NULL_LEVEL) code += (level + 1) * strides[c]!;
      }
      return code;
    },
    rule(a, b) {
      const ra = store.base[a]!;
      const rb = store.base[b]!;
      if (store.unpackedAt(ra) || store.unpackedAt(rb)) return matchingRule(records[a]!, records[b]!, rules, placeholders);
      outer: for (let r = 0; r < ruleSlots.length; r++) {
        const keys = ruleSlots[r]!;
        for (let k = 0; k < keys.length; k++) {
          const s = keys[k]!;
          if (store.len(ra, s) === 0 || !store.equal(ra, s, rb, s)) continue outer;
          // Equal values are rare: read the placeholder test's input only then.
          if (placeholders.has(store.text(ra, s).trim().toLowerCase())) continue outer;
        }
        if (keys.length > 0) return r;
      }
      return -1;
    },
  };
}

/** Declares the fields a plan reads; false when a key is already needed in another form. */
function planFields(plan: ComparisonPlan, need: (key: string, kind: FieldKind, max?: number) => boolean): boolean {
  switch (plan.type) {
    case 'name':
      return need(plan.key, 'str')
        && (!plan.nicknames || need(`${plan.key}_nick`, 'arr', MAX_GROUPS))
        && (!plan.phonetic || (need(`${plan.key}_dm`, 'arr', 2) && need(`${plan.key}_nysiis`, 'str')))
        && (plan.swappedWith === undefined || need(plan.swappedWith, 'str'));
    case 'dob':
      return need('dob', 'str') && need('dob_digits', 'str') && need('dob_year', 'num') && need('dob_month', 'num')
        && need('dob_day', 'num') && need('dob_days', 'num');
    case 'email':
      return need('email', 'str') && need('email_provider', 'str') && need('email_local', 'str');
    case 'phone':
      return need('phone', 'str') && need('phone_last7', 'str') && need('phone_digits', 'str');
    case 'address':
      return need('street', 'str') && need('street_tokens', 'arr', MAX_TOKENS) && need('postcode', 'str');
    case 'postcode':
    case 'exact':
    case 'string':
    case 'identifier':
      return need(plan.key, 'str');
  }
}

/**
 * Byte layout of one record, from its 8-byte-aligned base: the numbers (float64), a flags word (bit 0: not
 * packed; bit 1 + n: number n present), `slots + 1` 16-bit string ends
 * (relative to the first string byte; slot s spans ends[s] … ends[s + 1]), then the string bytes. An absent
 * string is empty (the comparisons treat '' as absent too); an array field is a marker slot (length = elements
 * + 1, or 0 when the array is absent) and one slot per element.
 */
class Layout {
  readonly flagsAt: number;
  readonly endsAt: number;
  readonly bytesAt: number;
  constructor(readonly numbers: number, readonly slots: number) {
    this.flagsAt = numbers * 8;
    this.endsAt = this.flagsAt + 4;
    this.bytesAt = this.endsAt + (slots + 1) * 2;
  }
}

class PackedStore {
  buffer: ArrayBuffer;
  u8: Uint8Array;
  u16: Uint16Array;
  u32: Uint32Array;
  f64: Float64Array;
  /** Byte offset of each record's region. */
  readonly base: Int32Array;
  size = 0;
  unpacked = 0;
  /** Records added. */
  count = 0;
  private readonly flagsAt: number;
  private readonly endsAt: number;
  private readonly bytesAt: number;

  constructor(readonly layout: Layout, private readonly expected: number) {
    this.flagsAt = layout.flagsAt;
    this.endsAt = layout.endsAt;
    this.bytesAt = layout.bytesAt;
    this.buffer = new ArrayBuffer(roundUp8(Math.min(expected, SAMPLE_RECORDS) * (layout.bytesAt + 256) + RECORD_ROOM));
    this.u8 = new Uint8Array(this.buffer);
    this.u16 = new Uint16Array(this.buffer);
    this.u32 = new Uint32Array(this.buffer);
    this.f64 = new Float64Array(this.buffer);
    this.base = new Int32Array(expected);
  }

  unpackedAt(r: number): boolean {
    return (this.u32[(r + this.flagsAt) >> 2]! & 1) !== 0;
  }

  has(r: number, n: number): boolean {
    return (this.u32[(r + this.flagsAt) >> 2]! & (2 << n)) !== 0;
  }

  number(r: number, n: number): number {
    return this.f64[(r >> 3) + n]!;
  }

  /** Absolute offset of slot s's first byte. */
  start(r: number, s: number): number {
    return r + this.bytesAt + this.u16[((r + this.endsAt) >> 1) + s]!;
  }

  len(r: number, s: number): number {
    const e = ((r + this.endsAt) >> 1) + s;
    return this.u16[e + 1]! - this.u16[e]!;
  }

  equal(ra: number, sa: number, rb: number, sb: number): boolean {
    const ea = ((ra + this.endsAt) >> 1) + sa;
    const eb = ((rb + this.endsAt) >> 1) + sb;
    const u16 = this.u16;
    const len = u16[ea + 1]! - u16[ea]!;
    if (len !== u16[eb + 1]! - u16[eb]!) return false;
    const x = ra + this.bytesAt + u16[ea]!;
    const y = rb + this.bytesAt + u16[eb]!;
    const u8 = this.u8;
    for (let i = 0; i < len; i++) if (u8[x + i] !== u8[y + i]) return false;
    return true;
  }

  text(r: number, s: number): string {
    return latin1(this.u8, this.start(r, s), this.len(r, s));
  }

  add(features: Readonly<Record<string, unknown>>, fields: readonly Field[]): void {
    const i = this.count++;
    const r = this.size;
    this.base[i] = r;
    // Room for the header and a typical record; a longer one grows the buffer as its strings come.
    if (r + this.bytesAt + RECORD_ROOM > this.u8.length) this.ensure(r + this.bytesAt + RECORD_ROOM);
    let u8 = this.u8;
    let u16 = this.u16;
    const ends = (r + this.endsAt) >> 1;
    const bytes = r + this.bytesAt;
    let at = 0;
    // OR of every code unit: above 0xff when one does not fit a byte.
    let units = 0;
    let flags = features['screened'] === true ? 0 : 1;
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f]!;
      const v = features[field.key];
      const kind = field.kind;
      if (kind === 'num') {
        if (typeof v === 'number') {
          this.f64[(r >> 3) + field.index] = v;
          flags |= 2 << field.index;
        }
        continue;
      }
      u16[ends + field.index] = at;
      if (kind === 'str') {
        if (typeof v === 'string') {
          const n = v.length;
          if (bytes + at + n > u8.length) {
            this.ensure(bytes + at + n);
            u8 = this.u8;
            u16 = this.u16;
          }
          const to = bytes + at;
          for (let k = 0; k < n; k++) {
            const c = v.charCodeAt(k);
            units |= c;
            u8[to + k] = c;
          }
          at += n;
        } else if (v !== undefined && v !== null && field.rule) flags |= 1; // a rule compares any value; only strings are packed
        continue;
      }
      // Array: a marker slot of elements + 1 bytes, then the elements.
      const max = field.max;
      const list = Array.isArray(v) ? (v as readonly unknown[]) : undefined;
      const n = list === undefined ? -1 : list.length;
      if (n > max) flags |= 1;
      let room = max + 1;
      for (let k = 0; k < n && k < max; k++) {
        const e = list![k];
        if (typeof e === 'string') room += e.length;
        else flags |= 1;
      }
      if (bytes + at + room > u8.length) {
        this.ensure(bytes + at + room);
        u8 = this.u8;
        u16 = this.u16;
      }
      if (n >= 0) for (let k = 0; k <= (n < max ? n : max); k++) u8[bytes + at++] = 0;
      for (let k = 0; k < max; k++) {
        u16[ends + field.index + 1 + k] = at;
        if (k >= n) continue;
        const e = list![k];
        if (typeof e !== 'string') continue;
        const to = bytes + at;
        for (let j = 0; j < e.length; j++) {
          const c = e.charCodeAt(j);
          units |= c;
          u8[to + j] = c;
        }
        at += e.length;
      }
    }
    u16[ends + this.layout.slots] = at;
    if (units > 0xff || at > MAX_RECORD_BYTES) flags |= 1;
    this.u32[(r + this.flagsAt) >> 2] = flags;
    if ((flags & 1) !== 0) this.unpacked++;
    this.size = r + ((this.bytesAt + at + 7) & ~7);
    // Once the first records show the average size, size the buffer for all of them in one step: growing by
    // half again (and trimming at the end) held ~2.2 times the final size at a million people.
    if (this.count === SAMPLE_RECORDS && this.expected > this.count) {
      const projected = (this.size / this.count) * this.expected * 1.05 + RECORD_ROOM;
      if (projected > this.buffer.byteLength) this.resize(Math.min(projected, MAX_PACKED_BYTES + RECORD_ROOM));
    }
  }

  finish(): void {
    // Trim only real slack: a trim is a copy, and for that moment both buffers are held.
    if (this.buffer.byteLength > this.size * 1.1 + RECORD_ROOM) this.resize(this.size);
  }

  private ensure(bytes: number): void {
    if (bytes > this.buffer.byteLength) this.resize(Math.max(bytes, Math.ceil(this.buffer.byteLength * (this.count < SAMPLE_RECORDS ? 2 : 1.1))));
  }

  private resize(bytes: number): void {
    const next = new ArrayBuffer(roundUp8(bytes));
    new Uint8Array(next).set(this.u8.subarray(0, Math.min(this.size, bytes)));
    this.buffer = next;
    this.u8 = new Uint8Array(next);
    this.u16 = new Uint16Array(next);
    this.u32 = new Uint32Array(next);
    this.f64 = new Float64Array(next);
  }
}

/** The string of `length` one-byte units at `at`. */
function latin1(u8: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...u8.subarray(at, at + length));
}

/** Sizes past 2 GB overflow 32-bit masks: round with arithmetic. */
function roundUp8(bytes: number): number {
  return Math.ceil(bytes / 8) * 8;
}

type PackedCompare = (ra: number, rb: number) => number;

/** `slot(key)`: a string or array field's first slot, or a number field's index. */
function planComparer(plan: ComparisonPlan, p: PackedStore, slot: (key: string) => number): PackedCompare {
  switch (plan.type) {
    case 'name': return nameComparer(plan, p, slot);
    case 'dob': return dobComparer(p, slot);
    case 'email': return emailComparer(plan.localThreshold, p, slot);
    case 'phone': return phoneComparer(p, slot);
    case 'address': return addressComparer(plan, p, slot);
    case 'postcode': return postcodeComparer(slot(plan.key), p);
    case 'exact': return exactComparer(slot(plan.key), p);
    case 'string': return stringComparer(slot(plan.key), plan.thresholds, p);
    case 'identifier': return identifierComparer(slot(plan.key), p);
  }
}

function nameComparer(plan: Extract<ComparisonPlan, { type: 'name' }>, p: PackedStore, slot: (key: string) => number): PackedCompare {
  const key = slot(plan.key);
  const nick = plan.nicknames ? slot(`${plan.key}_nick`) : -1;
  const dm = plan.phonetic ? slot(`${plan.key}_dm`) : -1;
  const nysiis = plan.phonetic ? slot(`${plan.key}_nysiis`) : -1;
  const other = plan.swappedWith === undefined ? -1 : slot(plan.swappedWith);
  const thresholds = plan.thresholds;
  const swapThreshold = plan.swapThreshold;
  let level = 1;
  const swapLevel = plan.swappedWith !== undefined ? level++ : -1;
  const nickLevel = plan.nicknames ? level++ : -1;
  const firstJw = level;
  level += thresholds.length;
  const dlLevel = level++;
  const phoneticLevel = plan.phonetic ? level++ : -1;
  const elseLevel = level;
  const lowest = thresholds.length > 0 ? thresholds[thresholds.length - 1]! : 2;
  return (ra, rb) => {
    const lx = p.len(ra, key);
    if (lx === 0) return NULL_LEVEL;
    const ly = p.len(rb, key);
    if (ly === 0) return NULL_LEVEL;
    if (p.equal(ra, key, rb, key)) return 0;
    const swapped = other >= 0 && p.len(ra, other) > 0 && p.len(rb, other) > 0;
    if (swapped && p.equal(ra, key, rb, other) && p.equal(rb, key, ra, other)) return swapLevel;
    if (nick >= 0 && sharesElement(p, ra, rb, nick)) return nickLevel;
    const x = p.start(ra, key);
    const y = p.start(rb, key);
    const jw = jaroWinklerAtLeastBytes(p.u8, x, lx, y, ly, lowest);
    if (jw >= lowest) {
      for (let i = 0; i < thresholds.length; i++) if (jw >= thresholds[i]!) return firstJw + i;
    }
    if (swapped
      && jaroWinklerAtLeastBytes(p.u8, x, lx, p.start(rb, other), p.len(rb, other), swapThreshold) >= swapThreshold
      && jaroWinklerAtLeastBytes(p.u8, y, ly, p.start(ra, other), p.len(ra, other), swapThreshold) >= swapThreshold) return swapLevel;
    if (withinOneEdit(p.u8, x, lx, y, ly)) return dlLevel;
    if (phoneticLevel >= 0) {
      if (p.len(ra, nysiis) > 0 && p.equal(ra, nysiis, rb, nysiis)) return phoneticLevel;
      if (sharesCode(p, ra, rb, dm)) return phoneticLevel;
    }
    return elseLevel;
  };
}

function dobComparer(p: PackedStore, slot: (key: string) => number): PackedCompare {
  const dob = slot('dob');
  const digits = slot('dob_digits');
  const year = slot('dob_year');
  const month = slot('dob_month');
  const day = slot('dob_day');
  const days = slot('dob_days');
  // asNum: a missing number is undefined, and undefined === undefined.
  const same = (ra: number, na: number, rb: number, nb: number): boolean => {
    const ha = p.has(ra, na);
    const hb = p.has(rb, nb);
    return ha && hb ? p.number(ra, na) === p.number(rb, nb) : ha === hb;
  };
  return (ra, rb) => {
    if (p.len(ra, dob) === 0 || p.len(rb, dob) === 0) return NULL_LEVEL;
    if (p.equal(ra, dob, rb, dob)) return 0;
    if (same(ra, year, rb, year) && same(ra, month, rb, day) && same(ra, day, rb, month)) return 1;
    const agree = (same(ra, year, rb, year) ? 1 : 0) + (same(ra, month, rb, month) ? 1 : 0) + (same(ra, day, rb, day) ? 1 : 0);
    if (agree === 2) return 2;
    if (oneEditApart(p, ra, rb, digits)) return 2;
    if (p.has(ra, days) && p.has(rb, days)) {
      const apart = Math.abs(p.number(ra, days) - p.number(rb, days));
      if (apart <= 365) return 3;
      if (apart <= 3653) return 4;
    }
    return 5;
  };
}

function emailComparer(threshold: number, p: PackedStore, slot: (key: string) => number): PackedCompare {
  const email = slot('email');
  const provider = slot('email_provider');
  const local = slot('email_local');
  return (ra, rb) => {
    if (p.len(ra, email) === 0 || p.len(rb, email) === 0) return NULL_LEVEL;
    if (p.equal(ra, email, rb, email)) return 0;
    if (p.len(ra, provider) > 0 && p.equal(ra, provider, rb, provider)) return 1;
    const la = p.len(ra, local);
    const lb = p.len(rb, local);
    if (la === 0 || lb === 0) return 4;
    if (p.equal(ra, local, rb, local)) return ROLE_LOCAL_PARTS.has(p.text(ra, local)) ? 4 : 2;
    return jaroWinklerAtLeastBytes(p.u8, p.start(ra, local), la, p.start(rb, local), lb, threshold) >= threshold ? 3 : 4;
  };
}

function phoneComparer(p: PackedStore, slot: (key: string) => number): PackedCompare {
  const phone = slot('phone');
  const last7 = slot('phone_last7');
  const digits = slot('phone_digits');
  return (ra, rb) => {
    if (p.len(ra, phone) === 0 || p.len(rb, phone) === 0) return NULL_LEVEL;
    if (p.equal(ra, phone, rb, phone)) return 0;
    if (p.len(ra, last7) > 0 && p.equal(ra, last7, rb, last7)) return 1;
    return oneEditApart(p, ra, rb, digits) ? 1 : 2;
  };
}

function addressComparer(plan: Extract<ComparisonPlan, { type: 'address' }>, p: PackedStore, slot: (key: string) => number): PackedCompare {
  const street = slot('street');
  const tokens = slot('street_tokens');
  const postcode = slot('postcode');
  const { tokenThreshold, tokenFloor, jaroWinklerThreshold } = plan;
  return (ra, rb) => {
    const lx = p.len(ra, street);
    if (lx === 0) return NULL_LEVEL;
    const ly = p.len(rb, street);
    if (ly === 0) return NULL_LEVEL;
    if (p.equal(ra, street, rb, street)) return 0;
    const na = p.len(ra, tokens) - 1;
    const nb = p.len(rb, tokens) - 1;
    let overlap = 0;
    if (na >= 0 && nb >= 0) {
      if (na === 0 && nb === 0) overlap = 1;
      else {
        const common = sortedCommonBytes(p, ra, rb, tokens + 1, na, nb);
        overlap = common / (na + nb - common);
      }
    }
    if (overlap >= tokenThreshold) return 1;
    if (overlap >= tokenFloor && jaroWinklerAtLeastBytes(p.u8, p.start(ra, street), lx, p.start(rb, street), ly, jaroWinklerThreshold) >= jaroWinklerThreshold) return 2;
    if (p.len(ra, postcode) > 0 && p.equal(ra, postcode, rb, postcode)) return 3;
    return 4;
  };
}

function postcodeComparer(key: number, p: PackedStore): PackedCompare {
  return (ra, rb) => {
    const lx = p.len(ra, key);
    if (lx === 0) return NULL_LEVEL;
    const ly = p.len(rb, key);
    if (ly === 0) return NULL_LEVEL;
    if (p.equal(ra, key, rb, key)) return 0;
    const x = p.start(ra, key);
    const y = p.start(rb, key);
    const u8 = p.u8;
    if (withinOneEdit(u8, x, lx, y, ly)) return 1;
    if (lx >= 3 && ly >= 3 && u8[x] === u8[y] && u8[x + 1] === u8[y + 1] && u8[x + 2] === u8[y + 2]) return 2;
    return 3;
  };
}

function exactComparer(key: number, p: PackedStore): PackedCompare {
  return (ra, rb) => {
    if (p.len(ra, key) === 0 || p.len(rb, key) === 0) return NULL_LEVEL;
    return p.equal(ra, key, rb, key) ? 0 : 1;
  };
}

function stringComparer(key: number, thresholds: readonly number[], p: PackedStore): PackedCompare {
  const lowest = Math.min(...thresholds);
  const elseLevel = thresholds.length + 1;
  return (ra, rb) => {
    const lx = p.len(ra, key);
    if (lx === 0) return NULL_LEVEL;
    const ly = p.len(rb, key);
    if (ly === 0) return NULL_LEVEL;
    if (p.equal(ra, key, rb, key)) return 0;
    const jw = jaroWinklerAtLeastBytes(p.u8, p.start(ra, key), lx, p.start(rb, key), ly, lowest);
    for (let i = 0; i < thresholds.length; i++) if (jw >= thresholds[i]!) return 1 + i;
    return elseLevel;
  };
}

function identifierComparer(key: number, p: PackedStore): PackedCompare {
  return (ra, rb) => {
    const lx = p.len(ra, key);
    if (lx === 0) return NULL_LEVEL;
    const ly = p.len(rb, key);
    if (ly === 0) return NULL_LEVEL;
    if (p.equal(ra, key, rb, key)) return 0;
    return oneEditApart(p, ra, rb, key) ? 1 : 2;
  };
}

/** Both records hold slot s and its values are at most one edit apart (`damerauLevenshtein(x, y, 1) <= 1`). */
function oneEditApart(p: PackedStore, ra: number, rb: number, s: number): boolean {
  const la = p.len(ra, s);
  const lb = p.len(rb, s);
  return la > 0 && lb > 0 && withinOneEdit(p.u8, p.start(ra, s), la, p.start(rb, s), lb);
}

/** `sharesAny` over two array fields: any element of one equal to any of the other; false when either is absent. */
function sharesElement(p: PackedStore, ra: number, rb: number, s: number): boolean {
  const na = p.len(ra, s) - 1;
  const nb = p.len(rb, s) - 1;
  if (na < 0 || nb < 0) return false;
  for (let i = 1; i <= na; i++) for (let j = 1; j <= nb; j++) if (p.equal(ra, s + i, rb, s + j)) return true;
  return false;
}

/** `sharesCode` over [primary, alternate] code arrays (a missing element is ''). */
function sharesCode(p: PackedStore, ra: number, rb: number, s: number): boolean {
  const na = p.len(ra, s) - 1;
  const nb = p.len(rb, s) - 1;
  if (na < 0 || nb < 0) return false;
  // Slots past an array's length are empty, as the destructuring defaults make them.
  const xp = p.len(ra, s + 1) > 0;
  const xa = p.len(ra, s + 2) > 0;
  return (xp && (p.equal(ra, s + 1, rb, s + 1) || p.equal(ra, s + 1, rb, s + 2)))
    || (xa && (p.equal(ra, s + 2, rb, s + 1) || p.equal(ra, s + 2, rb, s + 2)));
}

/** Byte-wise `<` of two strings of one-byte units: JavaScript's string order. */
function lessBytes(u8: Uint8Array, x: number, lx: number, y: number, ly: number): boolean {
  const n = lx < ly ? lx : ly;
  for (let i = 0; i < n; i++) {
    const d = u8[x + i]! - u8[y + i]!;
    if (d !== 0) return d < 0;
  }
  return lx < ly;
}

/** `sortedCommon` over the element slots first … first + n - 1 of two records. */
function sortedCommonBytes(p: PackedStore, ra: number, rb: number, first: number, na: number, nb: number): number {
  let i = 0;
  let j = 0;
  let common = 0;
  const u8 = p.u8;
  while (i < na && j < nb) {
    if (p.equal(ra, first + i, rb, first + j)) {
      common++;
      i++;
      j++;
    } else if (lessBytes(u8, p.start(ra, first + i), p.len(ra, first + i), p.start(rb, first + j), p.len(rb, first + j))) i++;
    else j++;
  }
  return common;
}

/** `damerauLevenshtein(x, y, 1) <= 1` over byte ranges (the same trimming and cases). */
export function withinOneEdit(u8: Uint8Array, a: number, la: number, b: number, lb: number): boolean {
  let s = a;
  let ls = la;
  let l = b;
  let ll = lb;
  if (la > lb) {
    s = b;
    ls = lb;
    l = a;
    ll = la;
  }
  if (ll - ls > 1) return false;
  let start = 0;
  let endS = ls;
  let endL = ll;
  while (start < endS && u8[s + start] === u8[l + start]) start++;
  while (endS > start && u8[s + endS - 1] === u8[l + endL - 1]) {
    endS--;
    endL--;
  }
  const n = endS - start;
  const m = endL - start;
  if (n === 0) return m <= 1;
  if (m === 1) return true;
  return n === 2 && m === 2 && u8[s + start] === u8[l + start + 1] && u8[s + start + 1] === u8[l + start];
}

// Position masks per byte value for the bit-parallel Jaro (zero between calls), as in strings.ts.
const peq = new Uint32Array(256);

/** `jaroWinklerAtLeast` over byte ranges: the same bound, the same Jaro, the same floating-point steps. */
export function jaroWinklerAtLeastBytes(u8: Uint8Array, a: number, la: number, b: number, lb: number, min: number): number {
  if (la === lb) {
    let same = true;
    for (let i = 0; i < la; i++) {
      if (u8[a + i] !== u8[b + i]) {
        same = false;
        break;
      }
    }
    if (same) return 1;
  }
  if (la === 0 || lb === 0) return 0;
  let maskA = 0;
  for (let i = 0; i < la; i++) maskA |= 1 << (u8[a + i]! & 31);
  let inA = 0;
  for (let j = 0; j < lb; j++) if ((maskA & (1 << (u8[b + j]! & 31))) !== 0) inA++;
  const bound = Math.min(inA, la, lb);
  if (bound === 0) return 0;
  const upper = (bound / la + bound / lb + 1) / 3;
  const limit = Math.min(la, lb, 4);
  let prefix = 0;
  while (prefix < limit && u8[a + prefix] === u8[b + prefix]) prefix++;
  if (upper + prefix * 0.1 * (1 - upper) < min - 1e-9) return -1;
  // jaroWinkler (the strings differ, checked above).
  const j = jaroBytes(u8, a, la, b, lb);
  if (j < 0.7) return j;
  return j + prefix * 0.1 * (1 - j);
}

function jaroBytes(u8: Uint8Array, a: number, la: number, b: number, lb: number): number {
  let s = a;
  let ls = la;
  let l = b;
  let ll = lb;
  if (la > lb || (la === lb && lessBytes(u8, b, lb, a, la))) {
    s = b;
    ls = lb;
    l = a;
    ll = la;
  }
  if (ls === 0) return 0;
  const range = Math.max((ll >> 1) - 1, 0);
  if (ll <= 32) return jaroBitsBytes(u8, s, ls, l, ll, range);
  // Past 32 units (long street lines, rarely reached past the bound) the string kernel, on the decoded bytes.
  return jaro(latin1(u8, a, la), latin1(u8, b, lb));
}

function jaroBitsBytes(u8: Uint8Array, s: number, ls: number, l: number, ll: number, range: number): number {
  for (let j = 0; j < ll; j++) {
    const c = u8[l + j]!;
    peq[c] = peq[c]! | (1 << j);
  }
  const all = ll === 32 ? -1 : (1 << ll) - 1;
  let fl = 0;
  let fs = 0;
  let matches = 0;
  for (let i = 0; i < ls; i++) {
    const lo = i - range > 0 ? i - range : 0;
    const hi = i + range + 1;
    const window = (hi >= ll ? all : (1 << hi) - 1) & ~((1 << lo) - 1);
    const free = peq[u8[s + i]!]! & window & ~fl;
    if (free !== 0) {
      fl |= free & -free;
      fs |= 1 << i;
      matches++;
    }
  }
  for (let j = 0; j < ll; j++) peq[u8[l + j]!] = 0;
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < ls; i++) {
    if ((fs & (1 << i)) === 0) continue;
    while ((fl & (1 << k)) === 0) k++;
    if (u8[s + i] !== u8[l + k]) transpositions++;
    k++;
  }
  const t = transpositions >> 1;
  return (matches / ls + matches / ll + (matches - t) / matches) / 3;
}

