/**
 * Email normalization (crosswalk T3): strip wrappers ("mailto:", "Name <a@b>"), split at the last '@', lower-case
 * the domain, and judge validity with a practical RFC 5321/5322 check (RFC 6531 for non-ASCII local parts, IDNA
 * for domains). Invalid addresses are still returned — the caller decides whether to flag or drop them.
 */
import { domainToASCII } from 'node:url';

export interface EmailResult {
  /** Trimmed, wrappers removed, domain lower-cased; the local part keeps its case (RFC 5321 §2.4). */
  readonly address: string;
  /** Local part (CIM `emailMailBox`). */
  readonly mailbox: string;
  /** Lower-cased domain (CIM `emailDomain`). */
  readonly domain: string;
  readonly valid: boolean;
  /** Why the address is invalid. */
  readonly reason?: string;
  /** Fully lower-cased address, for matching. */
  readonly canonical: string;
}

// RFC 5322 atext plus '.', and any non-ASCII character (RFC 6531 UTF8-non-ascii).
const LOCAL_DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\u0080-\uFFFF-]+$/;
const QUOTED_LOCAL = /^"(?:[\x21\x23-\x5B\x5D-\x7E\u0080-\uFFFF]|\\[\x20-\x7E])*"$/;
const ASCII_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV4_LITERAL = /^\[(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\]$/;
const NON_ASCII = /[^\x00-\x7F]/;
const WHITESPACE = /\s/;
const MAILTO = /^mailto:/i;
const ANGLE = /<([^<>]*)>\s*$/;
const utf8 = new TextEncoder();

/**
 * Normalizes one email address; `undefined` for blank input.
 *
 * @example
 * normalizeEmail('Ada King <Ada.King+crm@Example.COM>');
 * // { address: 'Ada.King+crm@example.com', mailbox: 'Ada.King+crm', domain: 'example.com', valid: true,
 * //   canonical: 'ada.king+crm@example.com' }
 */
export function normalizeEmail(raw: string): EmailResult | undefined {
  let text = raw.trim();
  if (text === '') return undefined;
  const angle = ANGLE.exec(text);
  if (angle !== null) text = (angle[1] ?? '').trim();
  if (MAILTO.test(text)) {
    text = text.slice(7).trim();
    const query = text.indexOf('?');
    if (query >= 0) text = text.slice(0, query);
    text = safeDecode(text);
  }
  if (text === '') return undefined;

  const at = text.lastIndexOf('@');
  if (at < 0) return result(text, text, '', 'missing "@"');
  const mailbox = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase();
  const reason = checkMailbox(mailbox) ?? checkDomain(domain);
  return result(`${mailbox}@${domain}`, mailbox, domain, reason);
}

function result(address: string, mailbox: string, domain: string, reason: string | undefined): EmailResult {
  const out: { -readonly [K in keyof EmailResult]: EmailResult[K] } = {
    address,
    mailbox,
    domain,
    valid: reason === undefined,
    canonical: address.toLowerCase(),
  };
  if (reason !== undefined) out.reason = reason;
  return out;
}

function checkMailbox(mailbox: string): string | undefined {
  if (mailbox === '') return 'empty local part';
  if (WHITESPACE.test(mailbox)) return 'local part contains whitespace';
  if (byteLength(mailbox) > 64) return 'local part longer than 64 octets';
  if (mailbox.startsWith('"')) return QUOTED_LOCAL.test(mailbox) ? undefined : 'malformed quoted local part';
  if (!LOCAL_DOT_ATOM.test(mailbox)) return 'local part contains a character not allowed unquoted';
  if (mailbox.startsWith('.') || mailbox.endsWith('.')) return 'local part starts or ends with "."';
  if (mailbox.includes('..')) return 'local part contains ".."';
  return undefined;
}

function checkDomain(domain: string): string | undefined {
  if (domain === '') return 'empty domain';
  if (WHITESPACE.test(domain)) return 'domain contains whitespace';
  if (domain.startsWith('[')) return checkAddressLiteral(domain);
  let ascii = domain;
  if (NON_ASCII.test(domain)) {
    // IDN: validate the A-label form, which is what travels in DNS.
    ascii = domainToASCII(domain);
    if (ascii === '') return 'domain is not a valid internationalized domain name';
  }
  if (ascii.length > 253) return 'domain longer than 253 characters';
  const labels = ascii.split('.');
  if (labels.length < 2) return 'domain has no "."';
  for (const label of labels) {
    if (label === '') return 'domain has an empty label';
    if (label.length > 63) return 'domain label longer than 63 characters';
    if (!ASCII_LABEL.test(label)) return `domain label "${label}" is not letters, digits and inner hyphens`;
  }
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return 'top-level domain is numeric';
  return undefined;
}

function checkAddressLiteral(domain: string): string | undefined {
  const match = IPV4_LITERAL.exec(domain);
  if (match === null) return 'unsupported address literal';
  return match.slice(1).every((octet) => Number(octet) <= 255) ? undefined : 'address literal is not an IPv4 address';
}

function byteLength(text: string): number {
  return NON_ASCII.test(text) ? utf8.encode(text).length : text.length;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A stray '%' is data, not an encoding: keep it and let validation judge.
    return text;
  }
}
