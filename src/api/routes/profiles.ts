/**
 * Profiles: search with paging, the 360 view, history, merge and split.
 *
 *   GET  /api/profiles?q=&email=&phone=&name=&kind=&limit=&cursor= → { items: ProfileSummary[], nextCursor }
 *   GET  /api/profiles/:unifiedId                              → Profile360
 *   GET  /api/profiles/:unifiedId/history                      → { items: ProfileHistoryEvent[] }
 *   POST /api/profiles/merge { unifiedIds: [a, b], reason? }   → { decisions, resolve, profile }
 *   POST /api/profiles/:unifiedId/split { recordIds, reason? } → { decisions, resolve, profiles: [{ unifiedId, members }] }
 *
 * Search reads the `profile_search` index (one seek for an email, phone or id); a store whose profiles predate
 * the index is indexed once when the routes are registered.
 *
 * @example
 * GET /api/profiles?q=ada%40example.com → { items: [{ unifiedId, kind: 'person', name: 'Ada Lovelace', systems: ['dataverse', 'salesforce'], … }], nextCursor: null }
 * GET /api/profiles?kind=organization&q=acme → { items: [{ unifiedId, kind: 'organization', name: 'Acme Corp', website: 'acme.com', … }], … }
 */
import type { FastifyRequest } from 'fastify';
import type { ResolveStoreOptions } from '../../identity/resolve.js';
import type { ProfileKind } from '../../identity/store/types.js';
import { searchTermsOf } from '../../store/profile-search/keys.js';
import type { ApiContext, RegisterRoutes } from '../context.js';
import { decodeCursor, encodeCursor, pagingQuery } from '../paging.js';
import { decideAndResolve, mergePairs, splitAndResolve } from '../profiles/decisions.js';
import { loadProfile360, PROFILE_LIMITS, requireProfile } from '../profiles/profile-360.js';
import { addProfileSchemas, idParam } from '../profiles/schemas.js';
import { summaryOf } from '../profiles/view.js';
import { errorResponses } from '../schemas.js';

/** The resolution settings of the configuration (what `concord resolve` uses). */
export function resolveOptionsOf(ctx: ApiContext): ResolveStoreOptions {
  const { identity, defaults } = ctx.loaded.config;
  return { threshold: identity.threshold, sourcePriority: identity.sourcePriority, survivorship: identity.survivorship, region: defaults.region };
}

/** Who made a decision: the name of the API token of the request. */
export function whoOf(request: FastifyRequest): string {
  return request.apiTokenName ? `api:${request.apiTokenName}` : 'api';
}

const isPosition = (v: unknown): v is { u: string } => typeof v === 'object' && v !== null && typeof (v as { u?: unknown }).u === 'string';

const text = (description: string) => ({ type: 'string', maxLength: 200, description }) as const;
const reason = { type: 'string', maxLength: 1000, description: 'Why (kept with the decisions).' } as const;
const unifiedIdParams = { type: 'object', required: ['unifiedId'], properties: { unifiedId: { ...idParam, description: 'Unified profile id.' } } } as const;

/** `kind` of a search: people (the default, what the list always was), organisations, or both. */
export type KindFilter = 'person' | 'organization' | 'any';
const KINDS: Record<KindFilter, ProfileKind[]> = { person: ['person'], organization: ['organization'], any: ['person', 'organization'] };

interface SearchQuery { q?: string; email?: string; phone?: string; name?: string; kind: KindFilter; limit: number; cursor?: string }

export const registerProfileRoutes: RegisterRoutes = async (app, ctx) => {
  addProfileSchemas(app);
  if (await ctx.store.profileSearchNeedsRebuild()) await ctx.store.rebuildProfileSearch();
  const region = ctx.loaded.config.defaults.region;

  app.get<{ Querystring: SearchQuery }>('/api/profiles', {
    schema: {
      tags: ['profiles'],
      summary: 'Search profiles',
      description: 'Active profiles of `kind` (default `person`; `organization`, or `any` for both) matching every filter given, by unified id. `q` is free text: a unified or record id, an email, a phone, or name words (each matches the start of a word of a person\'s or organisation\'s name: "ada lov", "acme"). An email also finds a profile by a member record\'s older address. No filter lists every active profile of the kind. Each item carries its `kind`. Paged: pass `nextCursor` back as `cursor`.',
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          q: text('Free text: id, email, phone or name words.'),
          email: text('Email address (case and Gmail dots/+tags ignored).'),
          phone: text('Phone number, any format; without +country code the server\'s default region applies.'),
          name: text('Name words; each matches the start of a word of a name.'),
          kind: { type: 'string', enum: ['person', 'organization', 'any'], default: 'person', description: 'Which profiles: people (default), organisations, or any.' },
          ...pagingQuery,
        },
      },
      response: {
        200: {
          type: 'object',
          required: ['items', 'nextCursor'],
          properties: { items: { type: 'array', items: { $ref: 'ProfileSummary#' } }, nextCursor: { type: ['string', 'null'] } },
        },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const { limit, cursor, kind, ...filters } = request.query;
    const terms = searchTermsOf(filters, region);
    const after = decodeCursor(cursor, isPosition)?.u;
    const ids = await ctx.store.searchProfiles(terms, { limit: limit + 1, after, kind: KINDS[kind] });
    const page = ids.slice(0, limit);
    const items = (await ctx.store.profileSummaries(page)).map(summaryOf);
    return { items, nextCursor: ids.length > limit ? encodeCursor({ u: page[page.length - 1]! }) : null };
  });

  app.get<{ Params: { unifiedId: string } }>('/api/profiles/:unifiedId', {
    schema: {
      tags: ['profiles'],
      summary: 'Profile 360',
      description: `A person or an organisation (\`kind\`): golden values with provenance, member records per system with their values (Individuals or Organizations), history, and the match graph of the members. A person has related accounts (with the organisation profile of each company), cases, opportunities, campaign engagement and consent; an organisation its CIM accounts, its people (person profiles with contacts at its accounts, with their titles), their cases and its opportunities. A merged profile answers with \`status: "merged"\` and \`mergedInto\`. Lists are bounded (members ${PROFILE_LIMITS.members}, people ${PROFILE_LIMITS.people}, engagement ${PROFILE_LIMITS.engagement}).`,
      params: unifiedIdParams,
      response: { 200: { $ref: 'Profile360#' }, ...errorResponses },
    },
  }, async (request) => loadProfile360(ctx.store, request.params.unifiedId, { region }));

  app.get<{ Params: { unifiedId: string } }>('/api/profiles/:unifiedId/history', {
    schema: {
      tags: ['profiles'],
      summary: 'Profile history',
      description: 'Every change of the profile\'s membership, oldest first: created, grew, merged, split, member_moved.',
      params: unifiedIdParams,
      response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: 'ProfileHistoryEvent#' } } } }, ...errorResponses },
    },
  }, async (request) => {
    await requireProfile(ctx.store, request.params.unifiedId);
    return { items: await ctx.store.profileHistory(request.params.unifiedId) };
  });

  app.post<{ Body: { unifiedIds: string[]; reason?: string } }>('/api/profiles/merge', {
    schema: {
      tags: ['profiles'],
      summary: 'Merge profiles',
      description: 'Saves always-match decisions between the profiles (one member of the first with one member of each other) and resolves again; answers with the profile they became.',
      body: {
        type: 'object',
        required: ['unifiedIds'],
        additionalProperties: false,
        properties: { unifiedIds: { type: 'array', items: idParam, minItems: 2, maxItems: 10, description: 'The profiles that are one person.' }, reason },
      },
      response: {
        200: {
          type: 'object',
          required: ['decisions', 'resolve', 'profile'],
          properties: { decisions: { type: 'array', items: { $ref: 'IdentityDecision#' } }, resolve: { $ref: 'ResolveSummary#' }, profile: { $ref: 'Profile360#' } },
        },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const pairs = await mergePairs(ctx.store, request.body.unifiedIds);
    const result = await decideAndResolve(ctx.store, 'always-match', pairs, { who: whoOf(request), reason: request.body.reason, resolve: resolveOptionsOf(ctx), syncBusy: () => ctx.syncs.busy });
    const survivor = (await ctx.store.profileOfRecord(pairs[0]![0]))?.unifiedId ?? request.body.unifiedIds[0]!;
    return { ...result, profile: await loadProfile360(ctx.store, survivor, { region }) };
  });

  app.post<{ Params: { unifiedId: string }; Body: { recordIds: string[]; reason?: string; keepTogether?: boolean } }>('/api/profiles/:unifiedId/split', {
    schema: {
      tags: ['profiles'],
      summary: 'Split a profile',
      description: 'The listed member records leave the profile: never-match decisions between each of them and every member that stays, then a new resolution. The members that stay remain one profile: where the leaving records were their only link, always-match decisions keep them together (`keepTogether: false` lets them fall apart instead). Answers with the profiles the former members belong to now.',
      params: unifiedIdParams,
      body: {
        type: 'object',
        required: ['recordIds'],
        additionalProperties: false,
        properties: {
          recordIds: { type: 'array', items: idParam, minItems: 1, maxItems: 100, description: 'Concord ids of the members that leave.' },
          reason,
          keepTogether: { type: 'boolean', default: true, description: 'Keep the members that stay one profile (always-match decisions where the leaving records were their only link).' },
        },
      },
      response: {
        200: {
          type: 'object',
          required: ['decisions', 'resolve', 'profiles'],
          properties: {
            decisions: { type: 'array', items: { $ref: 'IdentityDecision#' } },
            resolve: { $ref: 'ResolveSummary#' },
            profiles: { type: 'array', items: { type: 'object', required: ['unifiedId', 'members'], properties: { unifiedId: { type: 'string' }, members: { type: 'array', items: { type: 'string' } } } } },
          },
        },
        ...errorResponses,
      },
    },
  }, async (request) => {
    const { unifiedId } = request.params;
    const former = (await ctx.store.profileMembers(unifiedId)).map((m) => m.recordId);
    const result = await splitAndResolve(ctx.store, unifiedId, request.body.recordIds, {
      who: whoOf(request), reason: request.body.reason, keepTogether: request.body.keepTogether, resolve: resolveOptionsOf(ctx), syncBusy: () => ctx.syncs.busy,
    });
    const byProfile = new Map<string, string[]>();
    for (const recordId of former) {
      const now = (await ctx.store.profileOfRecord(recordId))?.unifiedId;
      if (now === undefined) continue;
      byProfile.set(now, [...(byProfile.get(now) ?? []), recordId]);
    }
    return { ...result, profiles: [...byProfile].map(([id, members]) => ({ unifiedId: id, members })) };
  });
};
