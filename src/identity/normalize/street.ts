/**
 * Street-address normalization for matching: one spelling per street type, direction and unit marker, numbers
 * kept, so "12 Main Street, Apt. 4" and "12 main st #4" compare equal.
 */
import { normalizePersonName } from './person-name.js';

// Spelling → canonical token (USPS-style abbreviations, plus common UK/AU/DE forms).
const STREET_WORDS: Readonly<Record<string, string>> = {
  street: 'st', str: 'st', st: 'st', strasse: 'st', stre: 'st',
  road: 'rd', rd: 'rd',
  avenue: 'ave', ave: 'ave', av: 'ave', avn: 'ave', avenida: 'ave',
  boulevard: 'blvd', blvd: 'blvd', boul: 'blvd',
  drive: 'dr', dr: 'dr', drv: 'dr',
  lane: 'ln', ln: 'ln',
  court: 'ct', ct: 'ct', crt: 'ct',
  place: 'pl', pl: 'pl',
  crescent: 'cres', cres: 'cres', cresc: 'cres', cr: 'cres',
  terrace: 'tce', tce: 'tce', terr: 'tce', ter: 'tce',
  highway: 'hwy', hwy: 'hwy',
  parkway: 'pkwy', pkwy: 'pkwy', pky: 'pkwy',
  circle: 'cir', cir: 'cir', circuit: 'cct', cct: 'cct',
  square: 'sq', sq: 'sq',
  close: 'cl', cl: 'cl',
  parade: 'pde', pde: 'pde',
  grove: 'gr', gr: 'gr', gro: 'gr',
  mount: 'mt', mt: 'mt',
  esplanade: 'esp', esp: 'esp',
  trail: 'trl', trl: 'trl',
  way: 'way', wy: 'way',
  gardens: 'gdns', gdns: 'gdns',
  north: 'n', south: 's', east: 'e', west: 'w', n: 'n', s: 's', e: 'e', w: 'w',
  northeast: 'ne', northwest: 'nw', southeast: 'se', southwest: 'sw',
  apartment: 'unit', apt: 'unit', unit: 'unit', suite: 'unit', ste: 'unit', flat: 'unit', app: 'unit',
  floor: 'fl', fl: 'fl', flr: 'fl',
  building: 'bldg', bldg: 'bldg',
  po: 'po', box: 'box', pob: 'po box',
};

/**
 * Normalizes a street line: lower-case, accents stripped, '#' read as a unit marker, punctuation dropped,
 * street types / directions / unit markers abbreviated to one spelling, a German "…strasse" ending split off,
 * numbers kept.
 *
 * @example
 * normalizeStreet('12 Main Street, Apt. 4'); // '12 main st unit 4'
 * normalizeStreet('12 MAIN ST #4'); // '12 main st unit 4'
 * normalizeStreet('Hauptstraße 5'); // 'haupt st 5'
 */
export function normalizeStreet(raw: string): string {
  const text = normalizePersonName(raw.replace(/#/g, ' unit ')).replace(/([a-z])strasse\b/g, '$1 strasse');
  const out: string[] = [];
  for (const token of text.split(' ')) {
    if (token === '') continue;
    const word = STREET_WORDS[token] ?? token;
    // "Apt 4" and "Unit 4" are one marker; do not repeat it ("unit apt 4").
    if (word === 'unit' && out[out.length - 1] === 'unit') continue;
    out.push(word);
  }
  return out.join(' ');
}

/**
 * The sorted, distinct word tokens of a normalized street line (for token-set comparison).
 *
 * @example
 * addressTokens('Main Street 12, Main'); // ['12', 'main', 'st']
 */
export function addressTokens(raw: string): string[] {
  const tokens = [...new Set(normalizeStreet(raw).split(' ').filter((t) => t !== ''))];
  tokens.sort();
  return tokens;
}
