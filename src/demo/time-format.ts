/**
 * Timestamps as each system writes them, from epoch milliseconds. The demo never reads the clock: all times
 * are offsets from a reference date drawn from the seed.
 *
 * @example
 * salesforceDateTime(Date.UTC(2024, 4, 1, 12));  // '2024-05-01T12:00:00.000Z'
 * dataverseDateTime(Date.UTC(2024, 4, 1, 12));   // '2024-05-01T12:00:00Z'
 * marketingCloudDate(Date.UTC(2024, 4, 1, 12));  // '5/1/2024 6:00:00 AM' (CST, no DST)
 */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** ISO-8601 UTC with milliseconds, as Salesforce exports datetimes. */
export function salesforceDateTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** YYYY-MM-DD in UTC. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** ISO-8601 UTC without fractional seconds, the model.json default for dateTime. */
export function dataverseDateTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** A date-only value in a dateTime column: midnight UTC, never shifted (crosswalk T11). */
export function dataverseDateOnly(date: string): string {
  return `${date}T00:00:00Z`;
}

/** Marketing Cloud system times are US Central Standard Time all year round (UTC−6, no daylight saving). */
export const MC_OFFSET_MS = -6 * 3_600_000;

/** 'M/D/YYYY h:mm:ss AM' in Marketing Cloud's fixed CST. */
export function marketingCloudDate(ms: number): string {
  const d = new Date(ms + MC_OFFSET_MS);
  const h24 = d.getUTCHours();
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const ss = String(d.getUTCSeconds()).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h12}:${mm}:${ss} ${h24 < 12 ? 'AM' : 'PM'}`;
}

/**
 * The fixed "now" of a demo world: noon UTC on a day in 2025 chosen by the seed. Data spans the years before it.
 *
 * @example
 * new Date(referenceDateMs(hash32('reference:42'))); // a day in 2025, the same for every run with seed 42
 */
export function referenceDateMs(seedHash: number): number {
  return Date.UTC(2025, 0, 1, 12) + (seedHash % 365) * DAY_MS;
}
