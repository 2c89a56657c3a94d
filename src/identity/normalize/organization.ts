/**
 * Organisation features for matching sites and accounts: `buildOrganizationFeatures` plus the keys a site
 * needs — the street number and street name apart ("1900 W. VanBuren" and "1900 West Van Buren Street 1608"
 * are one building), a US ZIP found at the end of a one-line address, and the site key (number + name) that
 * deterministic rules and chaining guards read.
 *
 * @example
 * const f = buildOrganizationMatchFeatures({ name: 'YMCA South Side', street: '6330 S. Stony Island Ave' }, { region: 'US' });
 * f.street_number; // '6330'
 * f.street_name; // 'stonyisland'
 * f.site; // '6330 stonyisland'
 */
import { buildOrganizationFeatures, type FeatureOptions, type OrganizationAttributes, type OrganizationFeatures } from './features.js';

/** Organisation features with the site keys. */
export type OrganizationMatchFeatures = OrganizationFeatures & {
  /** The house number leading the street line (`1900`, `12b`). */
  street_number: string | undefined;
  /**
   * The street's name without number, direction or street type, spaces removed (`van buren st` → `vanburen`),
   * so a split or joined name ("VanBuren") agrees.
   */
  street_name: string | undefined;
  /** Number and name: one building. Deterministic rules and the site-aware phone guard read it. */
  site: string | undefined;
  /** Number and the first three letters of the name: the blocking key that survives a truncated street name. */
  site_prefix: string | undefined;
};

const DIRECTIONS = new Set(['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw']);
// Normalized street types and unit markers (normalizeStreet's output): the street name ends before them.
const STREET_END = new Set([
  'st', 'rd', 'ave', 'blvd', 'dr', 'ln', 'ct', 'pl', 'cres', 'tce', 'hwy', 'pkwy', 'cir', 'cct', 'sq', 'cl', 'pde',
  'gr', 'esp', 'trl', 'way', 'gdns', 'unit', 'fl', 'bldg',
]);
const NUMBER = /^\d+[a-z]?$/;
// Up to 3 name words: "oak park il 60302" after "27 washington" is the town of a one-line address, not the street.
const MAX_NAME_WORDS = 3;

/**
 * The number and name of a normalized street line (see `normalizeStreet`); either may be missing.
 *
 * @example
 * siteAddress('1900 w van buren st unit 1608'); // { number: '1900', name: 'vanburen' }
 * siteAddress('po box 12'); // { number: undefined, name: undefined }
 */
export function siteAddress(street: string | undefined): { number: string | undefined; name: string | undefined } {
  if (street === undefined) return { number: undefined, name: undefined };
  const tokens = street.split(' ').filter((t) => t !== '');
  if (tokens[0] === 'po') return { number: undefined, name: undefined };
  let i = 0;
  const number = tokens[0] !== undefined && NUMBER.test(tokens[0]) ? tokens[0] : undefined;
  if (number !== undefined) i++;
  while (i < tokens.length && DIRECTIONS.has(tokens[i]!)) i++;
  const words: string[] = [];
  let ended = false;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (STREET_END.has(t) && words.length > 0) {
      ended = true;
      break;
    }
    if (/^\d{5}$/.test(t)) break;
    words.push(t);
  }
  // Without a street type the line may run on into the town ("27 washington oak park il"): keep the first word.
  const kept = ended ? words.slice(0, MAX_NAME_WORDS) : words.slice(0, 1);
  const name = kept.join('');
  return { number, name: name === '' ? undefined : name };
}

const TRAILING_ZIP = /(?:^|\s)(\d{5})(?:-\d{4})?\s*$/;

/**
 * Builds organisation features with the site keys. A US ZIP at the end of the street line stands in for a
 * missing postcode (scraped listings often keep the whole address in one column).
 *
 * @example
 * buildOrganizationMatchFeatures({ name: 'Acme Inc', street: '27 Washington Oak Park IL 60302' }, { region: 'US' }).postcode; // '60302'
 */
export function buildOrganizationMatchFeatures(attrs: OrganizationAttributes, options: FeatureOptions): OrganizationMatchFeatures {
  let postcode = attrs.postcode;
  if ((postcode === undefined || postcode.trim() === '') && attrs.street !== undefined && (attrs.country ?? options.region).toUpperCase() === 'US') {
    postcode = TRAILING_ZIP.exec(attrs.street)?.[1];
  }
  const base = buildOrganizationFeatures({ ...attrs, postcode }, options);
  const { number, name } = siteAddress(base.street);
  return {
    ...base,
    street_number: number,
    street_name: name,
    site: number !== undefined && name !== undefined ? `${number} ${name}` : undefined,
    site_prefix: number !== undefined && name !== undefined ? `${number} ${name.slice(0, 3)}` : undefined,
  };
}
