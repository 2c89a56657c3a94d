/**
 * `GET /api/stats`: the dashboard in one answer — records per system, profile counts and which systems the
 * profiles span, the last ten runs and the number of dead letters.
 *
 * @example
 * GET /api/stats → { systems: [{ system: 'salesforce', records: 1200, deleted: 3 }], profiles: { active: 900, … }, overlap: [...], lastRuns: [...], deadLetters: 4 }
 */
import type { RegisterRoutes } from '../context.js';
import { errorResponses } from '../schemas.js';

const LAST_RUNS = 10;

export const registerStatsRoutes: RegisterRoutes = async (app, ctx) => {
  app.get('/api/stats', {
    schema: {
      tags: ['dashboard'],
      summary: 'Dashboard counts',
      description: 'Live and deleted source records per system, person profiles (active, merged, member records, spanning two systems or more), the overlap of systems per profile, the last 10 runs and the stored dead letters.',
      response: {
        200: {
          type: 'object',
          required: ['systems', 'profiles', 'overlap', 'lastRuns', 'deadLetters'],
          properties: {
            systems: { type: 'array', items: { type: 'object', properties: { system: { type: 'string' }, records: { type: 'integer' }, deleted: { type: 'integer' } } } },
            profiles: { type: 'object', properties: { active: { type: 'integer' }, merged: { type: 'integer' }, records: { type: 'integer' }, multiSystem: { type: 'integer' } } },
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
      ctx.store.apiProfileStats(),
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
