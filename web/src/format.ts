/**
 * Formatting shared by the pages: counts, dates, probabilities, short ids and a colour per system that keeps
 * white text at WCAG AA contrast (≥ 4.5:1).
 *
 * @example
 * formatCount(100000)          // '100,000'
 * systemColor('salesforce')    // '#0b5cab'
 */

export const formatCount = (n: number | undefined): string => (n === undefined ? '–' : n.toLocaleString('en-US'));

export function formatDate(iso: string | undefined | null): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace(/:\d\dZ$/, ' UTC');
}

/** The date part only (`2026-11-27`), for lists where the time of day is noise. */
export function formatDay(iso: string | undefined | null): string {
  if (!iso) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
}

export function formatProbability(p: number): string {
  if (p >= 0.9995 && p < 1) return '>99.9%';
  if (p > 0 && p < 0.001) return '<0.1%';
  return `${(p * 100).toFixed(1)}%`;
}

export const formatWeight = (w: number): string => `${w >= 0 ? '+' : '−'}${Math.abs(w).toFixed(2)}`;

export const shortId = (id: string): string => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

export function formatValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const KNOWN: Record<string, string> = {
  salesforce: '#0b5cab',
  dataverse: '#6b2fa3',
  'marketing-cloud': '#a14a00',
};
// Dark enough for white text; the first three are taken by the demo's systems above.
const PALETTE = ['#1b6e3a', '#9c1f4a', '#355070', '#7a5200', '#0f6b6b', '#5b3a8c'];

export function systemColor(system: string): string {
  const known = KNOWN[system];
  if (known) return known;
  let h = 0;
  for (const ch of system) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length] ?? '#355070';
}

/** Attributes whose key does not read well as words: an organisation's name and registration number. */
const ATTRIBUTE_LABELS: Readonly<Record<string, string>> = { organizationName: 'Name', identifier: 'DUNS number' };

/** A readable label for a golden attribute key (`birthDate` → `Birth date`, `identifier` → `DUNS number`). */
export function attributeLabel(key: string): string {
  const named = ATTRIBUTE_LABELS[key];
  if (named !== undefined) return named;
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
