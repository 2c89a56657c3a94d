/**
 * Organization-name normalization: the name without its legal form, so "The Acme Corporation" and "ACME Corp."
 * compare equal, with the legal form kept aside for a level of its own.
 */
import { normalizePersonName } from './person-name.js';

export interface CompanyName {
  /** Normalized name without leading "The" or trailing legal forms; '&' spelled "and". */
  readonly name: string;
  /** Canonical legal form(s) removed from the end, e.g. `inc`, `gmbh and co kg`, `pty ltd`. */
  readonly legalForm?: string;
}

// Spelling (as tokens after normalization) → canonical legal form. Longest spellings are tried first.
const LEGAL_FORMS: ReadonlyArray<readonly [string, string]> = [
  ['inc', 'inc'], ['incorporated', 'inc'],
  ['corp', 'corp'], ['corporation', 'corp'],
  ['co', 'co'], ['company', 'co'], ['cos', 'co'],
  ['llc', 'llc'], ['l l c', 'llc'], ['limited liability company', 'llc'],
  ['llp', 'llp'], ['limited liability partnership', 'llp'], ['lp', 'lp'], ['limited partnership', 'lp'],
  ['ltd', 'ltd'], ['limited', 'ltd'], ['plc', 'plc'], ['public limited company', 'plc'],
  ['pty ltd', 'pty ltd'], ['pty limited', 'pty ltd'], ['proprietary limited', 'pty ltd'], ['pty', 'pty ltd'],
  ['pte ltd', 'pte ltd'], ['pte', 'pte ltd'], ['pvt ltd', 'pvt ltd'], ['private limited', 'pvt ltd'],
  ['gmbh', 'gmbh'], ['gesellschaft mit beschrankter haftung', 'gmbh'], ['ag', 'ag'], ['aktiengesellschaft', 'ag'],
  ['kg', 'kg'], ['kgaa', 'kgaa'], ['ohg', 'ohg'], ['ug', 'ug'], ['ev', 'ev'],
  ['sa', 'sa'], ['societe anonyme', 'sa'], ['sociedad anonima', 'sa'], ['sas', 'sas'], ['sasu', 'sasu'],
  ['sarl', 'sarl'], ['srl', 'srl'], ['spa', 'spa'], ['sl', 'sl'], ['sa de cv', 'sa de cv'], ['sca', 'sca'],
  ['bv', 'bv'], ['nv', 'nv'], ['vof', 'vof'], ['ab', 'ab'], ['asa', 'asa'], ['oy', 'oy'], ['oyj', 'oyj'],
  ['aps', 'aps'], ['se', 'se'], ['kk', 'kk'], ['kabushiki kaisha', 'kk'], ['sp z o o', 'sp z o o'],
  ['ltda', 'ltda'], ['s de rl', 's de rl'],
];
const FORMS = new Map(LEGAL_FORMS.map(([spelling, form]) => [spelling, form]));
const MAX_FORM_TOKENS = Math.max(...LEGAL_FORMS.map(([s]) => s.split(' ').length));

/**
 * Normalizes an organization name: lower-case, accents stripped, dots dropped ("S.A." → "sa"), '&' → "and",
 * punctuation to spaces, a leading "The" removed, then legal forms peeled off the end (repeatedly, so
 * "GmbH & Co. KG" and "Co., Ltd." go) together with a dangling "and". A name that is only a legal form keeps it.
 *
 * @example
 * normalizeCompanyName('The Acme Corporation'); // { name: 'acme', legalForm: 'corp' }
 * normalizeCompanyName('Müller GmbH & Co. KG'); // { name: 'muller', legalForm: 'gmbh and co kg' }
 * normalizeCompanyName('Johnson & Johnson'); // { name: 'johnson and johnson' }
 */
export function normalizeCompanyName(raw: string): CompanyName {
  const tokens = normalizePersonName(raw.replace(/&/g, ' and ').replace(/\+/g, ' and ')).split(' ').filter((t) => t !== '');
  if (tokens.length > 1 && tokens[0] === 'the') tokens.shift();
  const forms: string[] = [];
  let changed = true;
  while (changed && tokens.length > 1) {
    changed = false;
    for (let n = Math.min(MAX_FORM_TOKENS, tokens.length - 1); n >= 1; n--) {
      const form = FORMS.get(tokens.slice(tokens.length - n).join(' '));
      if (form === undefined) continue;
      tokens.splice(tokens.length - n, n);
      forms.unshift(form);
      if (tokens.length > 1 && tokens[tokens.length - 1] === 'and') {
        tokens.pop();
        forms.unshift('and');
      }
      changed = true;
      break;
    }
  }
  const name = tokens.join(' ');
  // "and" only joins two legal forms ("gmbh and co kg"); never leads the list.
  while (forms[0] === 'and') forms.shift();
  return forms.length > 0 ? { name, legalForm: forms.join(' ') } : { name };
}
