/**
 * Native record ids as each system mints them: Salesforce 15+3-character ids with key prefixes, Dataverse
 * lower-case GUIDs, Marketing Cloud integer subscriber ids.
 *
 * @example
 * const ids = new SalesforceIdMinter(new Rng(1));
 * ids.next('003'); // '0035g00000Bx1QaAAJ' — Contact key prefix, valid case-safe suffix
 */
import { salesforceId18 } from '../core/ids.js';
import type { Rng } from './prng.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Salesforce key prefixes of the objects the demo writes. */
export const KEY_PREFIX = {
  Account: '001',
  Contact: '003',
  Lead: '00Q',
  Opportunity: '006',
  Case: '500',
  Campaign: '701',
  CampaignMember: '00v',
  User: '005',
  Organization: '00D',
} as const;

export type KeyPrefix = (typeof KEY_PREFIX)[keyof typeof KEY_PREFIX];

function base62(n: number, width: number): string {
  let s = '';
  let v = Math.floor(n);
  for (let i = 0; i < width; i++) {
    s = BASE62[v % 62] + s;
    v = Math.floor(v / 62);
  }
  return s;
}

/**
 * Mints increasing ids per key prefix, as one org does: prefix, a two-character pod ("5g"), zero padding, a
 * base-62 serial. Serials start at a random point so two seeds do not share ids.
 */
export class SalesforceIdMinter {
  private readonly serials = new Map<string, number>();
  private readonly pod: string;
  private readonly rng: Rng;

  constructor(rng: Rng) {
    this.rng = rng;
    this.pod = `${rng.int(1, 9)}${BASE62[rng.int(10, 61)] ?? 'g'}`;
  }

  /** The next 18-character id for a key prefix. */
  next(prefix: KeyPrefix): string {
    let serial = this.serials.get(prefix);
    if (serial === undefined) serial = this.rng.int(1_000_000, 900_000_000);
    // Real serials are not dense (other objects, deleted rows, other pods): step by a small random gap.
    serial += this.rng.int(1, 40);
    this.serials.set(prefix, serial);
    return salesforceId18(`${prefix}${this.pod}0000${base62(serial, 6)}`);
  }
}

/**
 * A random (version 4 layout) GUID in lower case, drawn from the seeded generator.
 *
 * @example
 * guid(new Rng(5)); // 'c1f0…-…-4…-…'
 */
export function guid(rng: Rng): string {
  let hex = '';
  for (let i = 0; i < 8; i++) hex += rng.int(0, 0xffff).toString(16).padStart(4, '0');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** True for an 18-character Salesforce id whose last three characters are the correct case-safe suffix. */
export function isValidSalesforceId18(id: string): boolean {
  return /^[0-9A-Za-z]{18}$/.test(id) && salesforceId18(id.slice(0, 15)) === id;
}
