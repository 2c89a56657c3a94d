/**
 * `GET /api/stats`: the dashboard in one answer — records per system, profile counts and which systems the
 * profiles span, the last ten runs and the number of dead letters.
 *
 * @example
 * GET /api/stats → { systems: [{ system: 'salesforce', records: 1200, deleted: 3 }], profiles: { active: 900, … }, overlap: [...], lastRuns: [...], deadLetters: 4 }
 */
import type { RegisterRoutes } from '../context.js';
import type { ProfileStats } from '../store/types.js';
import { errorResponses } from '../schemas.js';

const LAST_RUNS = 10;
/**
 * The profile and overlap counts read every member of every profile (about a second at 100,000 people, and
 * SQLite answers on the server's only thread), so they are reused for this long.
 */
const PROFILE_STATS_MS = 10_000;

export const registerStatsRoutes: RegisterRoutes = async (app, ctx) => {
  let cached: { at: number; value: Promise<ProfileStats> } | undefined;
  const profileStats = (): Promise<ProfileStats> => {
    const now = Date.now();
    if (!cached || now - cached.at > PROFILE_STATS_MS) {
      const value = ctx.store.apiProfileStats();
      cached = { at: now, value };
      // A failed read is not kept.
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
    }
    return cached.value;
  };
  app.get('/api/stats', {
    schema: {
      tags: ['dashboard'],
      summary: 'Dashboard counts',
      description: 'Live and deleted source records per system, person profiles (active, merged, member records, spanning two systems or more), active organisation profiles, the overlap of systems per profile, the last 10 runs and the stored dead letters. Profile counts may be up to 10 seconds old.',
      response: {
        200: {
          type: 'object',
          required: ['systems', 'profiles', 'overlap', 'lastRuns', 'deadLetters'],
          properties: {
            systems: { type: 'array', items: { type: 'object', properties: { system: { type: 'string' }, records: { type: 'integer' }, deleted: { type: 'integer' } } } },
            profiles: {
              type: 'object',
              properties: {
                active: { type: 'integer' }, merged: { type: 'integer' }, records: { type: 'integer' }, multiSystem: { type: 'integer' },
                organizations: { type: 'integer', description: 'Active organisation profiles (the other counts are of person profiles).' },
              },
            },
            overlap: { type: 'array', items: { type: 'object', properties: { systems: { type: 'array', items: { type: 'string' } }, profiles: { type: 'integer' } } } },
            lastRuns: { type: 'array', items: { $ref: 'Run#' } },
            deadLetters: { type: 'integer' },
          },
        },
        ...errorResponses,
      },
    },
  }, async () => {
    const [streams, profiles, lastRuns, deadLetters] = await Promise.all([
      ctx.store.apiStreamRecordCounts(),
      profileStats(),
      ctx.store.listRuns({ limit: LAST_RUNS }),
      ctx.store.apiCountDeadLetters(),
    ]);
    const systems = new Map<string, { system: string; records: number; deleted: number }>();
    for (const s of streams) {
      const entry = systems.get(s.system) ?? { system: s.system, records: 0, deleted: 0 };
      entry.records += s.records;
      entry.deleted += s.deleted;
      systems.set(s.system, entry);
    }
    const { overlap, ...counts } = profiles;
    return { systems: [...systems.values()], profiles: counts, overlap, lastRuns, deadLetters };
  });
};
