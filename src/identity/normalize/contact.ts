/**
 * Email and phone keys for matching, built on the mapping normalizers (`normalizeEmail`,
 * `createPhoneNormalizer`).
 */
import { normalizeEmail } from '../../mapping/normalize/email.js';
import { createPhoneNormalizer } from '../../mapping/normalize/phone.js';
import type { PhoneNormalizer } from '../../mapping/normalize/phone.js';

export interface EmailKeys {
  /** Lower-cased address (`normalizeEmail(...).canonical`). */
  readonly canonical: string;
  readonly local: string;
  readonly domain: string;
  /**
   * Provider canonical form: for gmail.com / googlemail.com, dots and a `+tag` removed from the local part and
   * the domain set to gmail.com (Gmail delivers all of these to one mailbox); otherwise equal to `canonical`.
   */
  readonly provider: string;
  /** True when `provider` differs from `canonical` because of the Gmail folding. */
  readonly providerFolded: boolean;
  readonly valid: boolean;
}

const GMAIL = new Set(['gmail.com', 'googlemail.com']);

/**
 * Email keys; `undefined` for blank input.
 *
 * @example
 * emailKeys('J.Smith+news@GoogleMail.com');
 * // { canonical: 'j.smith+news@googlemail.com', local: 'j.smith+news', domain: 'googlemail.com',
 * //   provider: 'jsmith@gmail.com', providerFolded: true, valid: true }
 */
export function emailKeys(raw: string): EmailKeys | undefined {
  const email = normalizeEmail(raw);
  if (email === undefined) return undefined;
  const canonical = email.canonical;
  const at = canonical.lastIndexOf('@');
  const local = at < 0 ? canonical : canonical.slice(0, at);
  const domain = at < 0 ? '' : canonical.slice(at + 1);
  let provider = canonical;
  if (GMAIL.has(domain)) {
    const plus = local.indexOf('+');
    provider = `${(plus < 0 ? local : local.slice(0, plus)).replace(/\./g, '')}@gmail.com`;
  }
  return { canonical, local, domain, provider, providerFolded: provider !== canonical, valid: email.valid };
}

export interface PhoneKeys {
  /** E.164 when the number is valid for its region. */
  readonly e164?: string;
  /** National significant digits when valid; otherwise every digit of the input. */
  readonly digits: string;
  /** The last 7 and last 9 digits (or all, when shorter): blocking and "same local number" keys. */
  readonly last7: string;
  readonly last9: string;
}

const normalizers = new Map<string, PhoneNormalizer>();

function normalizerFor(region: string): PhoneNormalizer {
  const key = region.toUpperCase();
  let normalizer = normalizers.get(key);
  if (normalizer === undefined) {
    normalizer = createPhoneNormalizer({ defaultRegion: key });
    normalizers.set(key, normalizer);
  }
  return normalizer;
}

/**
 * Phone keys; `undefined` when the input has fewer than 5 digits. `region` is the default region for numbers
 * without a `+` (ISO alpha-2; an unknown region throws the phone normalizer's ConcordError).
 *
 * @example
 * phoneKeys('(415) 555-2671', 'US'); // { e164: '+14155552671', digits: '4155552671', last7: '5552671', last9: '155552671' }
 */
export function phoneKeys(raw: string, region: string): PhoneKeys | undefined {
  const parsed = normalizerFor(region)(raw);
  let digits: string;
  let e164: string | undefined;
  if (parsed?.valid === true && parsed.e164 !== undefined) {
    e164 = parsed.e164;
    digits = e164.slice(1 + (parsed.countryCode?.length ?? 0));
  } else {
    digits = raw.replace(/\D/g, '');
  }
  if (digits.length < 5) return undefined;
  const keys = { digits, last7: digits.slice(-7), last9: digits.slice(-9) };
  return e164 === undefined ? keys : { e164, ...keys };
}
