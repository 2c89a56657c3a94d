/**
 * Candidate profiles for a person described by a few attributes: `GET /api/match?email=&name=&phone=&birthDate=`
 * scores the stored records that share a blocking key with it under the saved model (`matchPerson`, through the
 * blocking index) and groups them by profile, strongest first.
 *
 * @example
 * GET /api/match?email=ada%40example.com&name=Ada%20Lovelace → { items: [{ unifiedId, probability: 0.998, records: [{ recordId, probability, rules: ['email'] }] }] }
 */
import { ConcordError } from '../../core/errors.js';
import type { RegisterRoutes } from '../context.js';
import { matchProfiles } from '../../identity/store/match-profiles.js';
import { errorResponses } from '../schemas.js';

interface MatchQuery { email?: string; name?: string; phone?: string; birthDate?: string; limit: number }

const text = (description: string) => ({ type: 'string', minLength: 1, maxLength: 200, description }) as const;

export const registerMatchRoutes: RegisterRoutes = async (app, ctx) => {
  const region = ctx.loaded.config.defaults.region;

  app.get<{ Querystring: MatchQuery }>('/api/match', {
    schema: {
      tags: ['identity'],
      summary: 'Match a person',
      description: 'Profiles that a person with these attributes would join, with the probability of the best member record. Give at least one of email, name, phone.',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          email: text('Email address.'),
          name: text('Full name.'),
          phone: text('Phone number.'),
          birthDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Date of birth, YYYY-MM-DD.' },
          limit: { type: 'integer', minimum: 1, maximum: 50, default: 10, description: 'Most profiles to answer.' },
        },
      },
      response: {
        200: {
          type: 'object',
          required: ['items'],
          properties: {
            items: {
              type: 'array',
              items: {
                type: 'object',
                required: ['unifiedId', 'probability', 'records'],
                properties: {
                  unifiedId: { type: ['string', 'null'], description: 'null for a record not resolved into a profile yet.' },
                  probability: { type: 'number' },
                  records: { type: 'array', items: { type: 'object', required: ['recordId', 'probability', 'rules'], properties: { recordId: { type: 'string' }, probability: { type: 'number' }, rules: { type: 'array', items: { type: 'string' } } } } },
                },
              },
            },
          },
        },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const { email, name, phone, birthDate, limit } = request.query;
    if (email === undefined && name === undefined && phone === undefined) {
      throw new ConcordError('BAD_REQUEST', 'query: give at least one of email, name, phone', { kind: 'usage', context: { field: 'email' } });
    }
    const candidates = await matchProfiles(ctx.store, { email, name, phone, dob: birthDate }, { region });
    return { items: candidates.slice(0, limit).map((c) => ({ unifiedId: c.unifiedId ?? null, probability: c.probability, records: c.records })) };
  });
};
