/**
 * Candidate profiles for a person described by a few attributes: `GET /api/match?email=&name=&phone=&birthDate=`
 * scores the stored records that share a blocking key with it under the saved model (`matchPerson`, through the
 * blocking index) and groups them by profile, strongest first. With `kind=organization` the same for a company
 * (`name`, `website`, `phone`, `identifier`, and `street`, `city`, `postcode`, `country` to refine), under the
 * organisation model (`matchOrganizations`).
 *
 * @example
 * GET /api/match?email=ada%40example.com&name=Ada%20Lovelace → { items: [{ unifiedId, probability: 0.998, records: [{ recordId, probability, rules: ['email'] }] }] }
 */
import { ConcordError } from '../../core/errors.js';
import type { RegisterRoutes } from '../context.js';
import { matchProfiles } from '../../identity/store/match-profiles.js';
import { matchOrganizations, ORGANIZATION_QUERY_KEYS } from '../../identity/store/match-organizations.js';
import { errorResponses } from '../schemas.js';

interface MatchQuery {
  kind: 'person' | 'organization'; email?: string; name?: string; phone?: string; birthDate?: string; website?: string; identifier?: string;
  street?: string; city?: string; postcode?: string; country?: string; limit: number;
}

const PERSON_ONLY = ['email', 'birthDate'] as const;
const ORGANIZATION_ONLY = ['website', 'identifier', 'street', 'city', 'postcode', 'country'] as const;

const text = (description: string) => ({ type: 'string', minLength: 1, maxLength: 200, description }) as const;

export const registerMatchRoutes: RegisterRoutes = async (app, ctx) => {
  const region = ctx.loaded.config.defaults.region;

  app.get<{ Querystring: MatchQuery }>('/api/match', {
    schema: {
      tags: ['identity'],
      summary: 'Match a person or a company',
      description: 'Profiles that a person (or, with kind=organization, a company) with these attributes would join, with the probability of the best member record. A person: at least one of email, name, phone. A company: at least one of name, website, phone, identifier.',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          kind: { type: 'string', enum: ['person', 'organization'], default: 'person', description: 'What to look up.' },
          email: text('Email address (person).'),
          name: text('Full name, or the company name.'),
          phone: text('Phone number.'),
          birthDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Date of birth, YYYY-MM-DD (person).' },
          website: text('Website (organization).'),
          identifier: text('Registration, tax or DUNS number (organization).'),
          street: text('Street address (organization).'),
          city: text('City (organization).'),
          postcode: text('Postcode (organization).'),
          country: text('Country name or ISO code (organization; default: the configured region).'),
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
    const q = request.query;
    let candidates;
    if (q.kind === 'organization') {
      const misplaced = PERSON_ONLY.find((key) => q[key] !== undefined);
      if (misplaced !== undefined) throw new ConcordError('BAD_REQUEST', `query: ${misplaced} is for people, not kind=organization`, { kind: 'usage', context: { field: misplaced } });
      const query = { name: q.name, website: q.website, phone: q.phone, identifier: q.identifier, street: q.street, city: q.city, postcode: q.postcode, country: q.country };
      if (ORGANIZATION_QUERY_KEYS.every((key) => query[key] === undefined)) {
        throw new ConcordError('BAD_REQUEST', `query: give at least one of ${ORGANIZATION_QUERY_KEYS.join(', ')}`, { kind: 'usage', context: { field: 'name' } });
      }
      candidates = await matchOrganizations(ctx.store, query, { region });
    } else {
      const misplaced = ORGANIZATION_ONLY.find((key) => q[key] !== undefined);
      if (misplaced !== undefined) throw new ConcordError('BAD_REQUEST', `query: ${misplaced} is for kind=organization`, { kind: 'usage', context: { field: misplaced } });
      if (q.email === undefined && q.name === undefined && q.phone === undefined) {
        throw new ConcordError('BAD_REQUEST', 'query: give at least one of email, name, phone', { kind: 'usage', context: { field: 'email' } });
      }
      candidates = await matchProfiles(ctx.store, { email: q.email, name: q.name, phone: q.phone, dob: q.birthDate }, { region });
    }
    const limit = q.limit;
    return { items: candidates.slice(0, limit).map((c) => ({ unifiedId: c.unifiedId ?? null, probability: c.probability, records: c.records })) };
  });
};
