/**
 * A fast, allocation-light twin of `concordId` (src/core/ids.ts) for the mapping hot path. A Salesforce Contact
 * yields a dozen records, each needing a UUIDv5; `crypto.createHash` costs about a microsecond per call in object
 * set-up alone, which would cap mapping near 80k rows/s. This SHA-1 writes the name's bytes straight into a
 * preallocated buffer (ASCII fast path, UTF-8 otherwise) and hashes it with straight-line rounds; it is tested
 * to give byte-identical ids to `concordId` (fast-id.test.ts), so either may be used anywhere.
 *
 * @example
 * const id = createIdFunction();
 * id('salesforce', 'Contact', '0035g00000A1b2CAAR', 'Email') === concordId('salesforce', 'Contact', '0035g00000A1b2CAAR', 'Email');
 */
import { CONCORD_NAMESPACE } from '../core/ids.js';

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push(i.toString(16).padStart(2, '0'));

/** The Concord id function: `(…parts) → UUIDv5` equal to `concordId(…parts)`. */
export type IdFunction = (...parts: ReadonlyArray<string | number>) => string;

/** Escapes one id part exactly as `concordId` does, so joined names never collide. */
function escapePart(part: string): string {
  return part.replace(/\\/g, '\\\\').replace(/\u001f/g, '\\u001f');
}

/**
 * Returns an id function with its own buffers (one per compiled mapping; JavaScript does not share them across
 * threads).
 */
export function createIdFunction(): IdFunction {
  const ns = Buffer.from(CONCORD_NAMESPACE.replace(/-/g, ''), 'hex');
  let buf = new Uint8Array(512);
  buf.set(ns, 0);
  const w = new Int32Array(80);
  const encoder = new TextEncoder();

  /** Writes `part` at `at`; returns the new end, or -1 when the part needs the general path. */
  function writeAscii(part: string, at: number): number {
    const n = part.length;
    if (at + n + 72 > buf.length) return -1;
    for (let i = 0; i < n; i++) {
      const c = part.charCodeAt(i);
      if (c >= 0x80 || c === 0x5c || c === 0x1f) return -1;
      buf[at + i] = c;
    }
    return at + n;
  }

  function general(parts: ReadonlyArray<string | number>): string {
    let name = '';
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) name += '\u001f';
      name += escapePart(String(parts[i]));
    }
    const need = 16 + name.length * 3 + 72;
    if (need > buf.length) {
      const bigger = new Uint8Array(need * 2);
      bigger.set(ns, 0);
      buf = bigger;
    }
    const written = encoder.encodeInto(name, buf.subarray(16)).written;
    return sha1Uuid(buf, 16 + written, w);
  }

  return function concordIdFast(...parts: ReadonlyArray<string | number>): string {
    let at = 16;
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) buf[at++] = 0x1f;
      const p = parts[i]!;
      at = writeAscii(typeof p === 'string' ? p : String(p), at);
      if (at < 0) return general(parts);
    }
    return sha1Uuid(buf, at, w);
  };
}

/** SHA-1 of `buf[0..length)` (padding written in place), formatted as a version-5 UUID. */
function sha1Uuid(buf: Uint8Array, length: number, w: Int32Array): string {
  const blocks = ((length + 8) >>> 6) + 1;
  const total = blocks * 64;
  buf[length] = 0x80;
  for (let i = length + 1; i < total - 4; i++) buf[i] = 0;
  const bits = length * 8;
  buf[total - 4] = (bits >>> 24) & 0xff;
  buf[total - 3] = (bits >>> 16) & 0xff;
  buf[total - 2] = (bits >>> 8) & 0xff;
  buf[total - 1] = bits & 0xff;

  let h0 = 0x67452301, h1 = 0xefcdab89 | 0, h2 = 0x98badcfe | 0, h3 = 0x10325476, h4 = 0xc3d2e1f0 | 0;
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) {
      const p = off + i * 4;
      w[i] = (buf[p]! << 24) | (buf[p + 1]! << 16) | (buf[p + 2]! << 8) | buf[p + 3]!;
    }
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, t = 0;
    // Four round groups without a per-round branch.
    for (let i = 0; i < 20; i++) {
      t = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + w[i]!) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    }
    for (let i = 20; i < 40; i++) {
      t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + w[i]!) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    }
    for (let i = 40; i < 60; i++) {
      t = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e - 0x70e44324 + w[i]!) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    }
    for (let i = 60; i < 80; i++) {
      t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e - 0x359d3e2a + w[i]!) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0; h4 = (h4 + e) | 0;
  }
  // Bytes 0..15 of the digest, with the version (5) and RFC 4122 variant bits set.
  const b6 = ((h1 >>> 8) & 0x0f) | 0x50;
  const b8 = ((h2 >>> 24) & 0x3f) | 0x80;
  return (
    HEX[(h0 >>> 24) & 0xff]! + HEX[(h0 >>> 16) & 0xff]! + HEX[(h0 >>> 8) & 0xff]! + HEX[h0 & 0xff]! + '-' +
    HEX[(h1 >>> 24) & 0xff]! + HEX[(h1 >>> 16) & 0xff]! + '-' +
    HEX[b6]! + HEX[h1 & 0xff]! + '-' +
    HEX[b8]! + HEX[(h2 >>> 16) & 0xff]! + '-' +
    HEX[(h2 >>> 8) & 0xff]! + HEX[h2 & 0xff]! +
    HEX[(h3 >>> 24) & 0xff]! + HEX[(h3 >>> 16) & 0xff]! + HEX[(h3 >>> 8) & 0xff]! + HEX[h3 & 0xff]!
  );
}
