/**
 * JSON schemas of the profile, record and identity routes, added to the app once (`addProfileSchemas`) and
 * referenced as `{ $ref: 'Profile360#' }`. They describe the answers in the OpenAPI document and make
 * serialization fast; request schemas live with their routes.
 *
 * @example
 * addProfileSchemas(app);
 * app.get('/api/profiles/:unifiedId', { schema: { response: { 200: { $ref: 'Profile360#' } } } }, handler);
 */
import type { FastifyInstance } from 'fastify';

const stamp = { type: 'string', description: 'ISO-8601 timestamp' } as const;

const provenance = {
  $id: 'Provenance',
  type: 'object',
  description: 'Where a golden value came from: the member record that won.',
  required: ['system', 'recordId', 'externalRecordId'],
  properties: {
    system: { type: 'string' },
    recordId: { type: 'string', description: 'Concord id of the member record (an Individual, or an Organization for an organisation profile).' },
    externalRecordId: { type: 'string', description: 'The record\'s id in its system.' },
    modstamp: stamp,
  },
} as const;

const goldenValue = {
  $id: 'GoldenValue',
  type: 'object',
  description: 'A surviving value with its provenance, the survivorship rule that chose it and how many members had a value.',
  required: ['value', 'provenance', 'rule', 'candidates'],
  properties: { value: { type: 'string' }, provenance: { $ref: 'Provenance#' }, rule: { type: 'string' }, candidates: { type: 'integer' } },
} as const;

const memberRecord = {
  $id: 'MemberRecord',
  type: 'object',
  description: 'A member record — a person (CIM Individual) or a company (CIM Organization) — with the values survivorship chooses among.',
  required: ['recordId', 'system', 'stream', 'externalRecordId', 'entity', 'values'],
  properties: {
    recordId: { type: 'string' },
    system: { type: 'string' },
    stream: { type: 'string' },
    externalRecordId: { type: 'string' },
    entity: { type: 'string', enum: ['Individual', 'Organization'] },
    since: { ...stamp, description: 'When the record joined its profile.' },
    modstamp: stamp,
    values: {
      type: 'object',
      properties: {
        personName: { type: 'string' }, firstName: { type: 'string' }, lastName: { type: 'string' }, birthDate: { type: 'string' },
        email: { type: 'string' }, phone: { type: 'string' }, address: { type: 'string' },
        organizationName: { type: 'string' }, website: { type: 'string' }, identifier: { type: 'string', description: 'DUNS or another registration number.' },
      },
    },
  },
} as const;

const historyEvent = {
  $id: 'ProfileHistoryEvent',
  type: 'object',
  description: 'A change of a profile\'s membership: created, grew, merged, split, member_moved.',
  required: ['event', 'unifiedIds', 'recordIds', 'at'],
  properties: {
    event: { type: 'string', enum: ['created', 'grew', 'merged', 'split', 'member_moved'] },
    unifiedIds: { type: 'array', items: { type: 'string' }, description: 'The profile the event is about first.' },
    recordIds: { type: 'array', items: { type: 'string' } },
    at: stamp,
    run: { type: 'string' },
    reason: { type: 'string' },
  },
} as const;

const profileSummary = {
  $id: 'ProfileSummary',
  type: 'object',
  description: 'A profile in a search result: its kind, golden name (a person\'s or an organisation\'s), email, phone, address and website, and its members\' systems.',
  required: ['unifiedId', 'kind', 'status', 'systems', 'members', 'updatedAt'],
  properties: {
    unifiedId: { type: 'string' },
    kind: { type: 'string', enum: ['person', 'organization'] },
    status: { type: 'string', enum: ['active', 'merged', 'retired'] },
    name: { type: 'string', description: 'personName (else first and last name) of a person; organizationName of an organisation.' },
    email: { type: 'string' },
    phone: { type: 'string' },
    address: { type: 'string' },
    website: { type: 'string', description: 'An organisation\'s website.' },
    systems: { type: 'array', items: { type: 'string' } },
    members: { type: 'integer' },
    updatedAt: stamp,
  },
} as const;

const obj = (required: readonly string[], properties: Record<string, unknown>) => ({ type: 'object', required, properties }) as const;

const profile360 = {
  $id: 'Profile360',
  type: 'object',
  description: 'One profile, a person or an organisation: golden values with provenance, member records, history, related accounts, people (organisations), cases, opportunities, engagement and consent (people), and the match graph of its members. Lists are bounded (members 200, history 200 latest, accounts/cases/opportunities 50, people/engagement/consent 100 newest).',
  required: ['unifiedId', 'kind', 'status', 'createdAt', 'updatedAt', 'attributes', 'members', 'memberCount', 'history', 'accounts', 'people', 'cases', 'opportunities', 'engagement', 'consent', 'graph'],
  properties: {
    unifiedId: { type: 'string' },
    kind: { type: 'string', enum: ['person', 'organization'] },
    status: { type: 'string', enum: ['active', 'merged', 'retired'] },
    mergedInto: { type: 'string', description: 'For a merged profile: the profile it became part of.' },
    createdAt: stamp,
    updatedAt: stamp,
    attributes: {
      type: 'object', additionalProperties: { $ref: 'GoldenValue#' },
      description: 'Golden values by attribute: a person\'s personName, firstName, middleName, lastName, birthDate, email, phone, address; an organisation\'s organizationName, phone, website, address, identifier (DUNS).',
    },
    members: { type: 'array', items: { $ref: 'MemberRecord#' } },
    memberCount: { type: 'integer', description: 'All members; `members` shows the first 200.' },
    history: { type: 'array', items: { $ref: 'ProfileHistoryEvent#' } },
    accounts: {
      type: 'array',
      description: 'A person\'s accounts (with the title as role and the organisation profile of the company); an organisation\'s own CIM Account records.',
      items: obj(['recordId', 'system', 'name'], { recordId: { type: 'string' }, system: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, organizationId: { type: 'string', description: 'Unified id of the company\'s organisation profile.' } }),
    },
    people: {
      type: 'array',
      description: 'An organisation\'s people: the person profiles with contact records at its accounts, with their titles there (empty for a person).',
      items: obj(['unifiedId', 'roles', 'systems'], { unifiedId: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, roles: { type: 'array', items: { type: 'string' } }, systems: { type: 'array', items: { type: 'string' } } }),
    },
    cases: { type: 'array', items: obj(['recordId', 'system', 'subject', 'status'], { recordId: { type: 'string' }, system: { type: 'string' }, subject: { type: 'string' }, status: { type: 'string' }, createdAt: stamp }) },
    opportunities: {
      type: 'array',
      items: obj(['recordId', 'system', 'name', 'stage'], { recordId: { type: 'string' }, system: { type: 'string' }, name: { type: 'string' }, stage: { type: 'string' }, amount: { type: 'number' }, closeDate: { type: 'string' } }),
    },
    engagement: { type: 'array', items: obj(['recordId', 'system', 'type', 'at'], { recordId: { type: 'string' }, system: { type: 'string' }, type: { type: 'string' }, at: stamp, campaign: { type: 'string' } }) },
    consent: {
      type: 'array',
      items: obj(['recordId', 'system', 'channel', 'status'], { recordId: { type: 'string' }, system: { type: 'string' }, channel: { type: 'string' }, purpose: { type: 'string' }, status: { type: 'string' }, at: stamp }),
    },
    graph: obj(['nodes', 'edges'], {
      nodes: { type: 'array', items: obj(['recordId', 'system', 'label'], { recordId: { type: 'string' }, system: { type: 'string' }, label: { type: 'string' } }) },
      edges: { type: 'array', items: obj(['a', 'b', 'probability'], { a: { type: 'string' }, b: { type: 'string' }, probability: { type: 'number' } }), description: 'Match probability of every pair of the first 30 members under the saved model.' },
    }),
  },
} as const;

const decision = {
  $id: 'IdentityDecision',
  type: 'object',
  description: 'A manual decision that wins over the model: these two records are (always-match) or are not (never-match) one person.',
  required: ['id', 'kind', 'recordA', 'recordB', 'who', 'at'],
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string', enum: ['never-match', 'always-match'] },
    recordA: { type: 'string' },
    recordB: { type: 'string' },
    who: { type: 'string' },
    reason: { type: 'string' },
    at: stamp,
  },
} as const;

const resolveSummary = {
  $id: 'ResolveSummary',
  type: 'object',
  description: 'What the resolution that applied the decisions did.',
  additionalProperties: true,
  properties: {
    records: { type: 'integer' },
    candidatePairs: { type: 'integer' },
    matchedPairs: { type: 'integer' },
    trained: { type: 'boolean' },
    profiles: { type: 'object', additionalProperties: { type: 'integer' } },
    seconds: { type: 'number' },
  },
} as const;

const cimRecord = {
  $id: 'StoredCimRecord',
  type: 'object',
  description: 'A CIM record as stored, with the source record it came from.',
  required: ['entity', 'id', 'externalSourceId', 'externalRecordId', 'data', 'deleted', 'hash', 'sourceSystem', 'sourceStream', 'sourceRecordId', 'updatedAt'],
  properties: {
    entity: { type: 'string' },
    id: { type: 'string' },
    externalSourceId: { type: 'string' },
    externalRecordId: { type: 'string' },
    data: { type: 'object', additionalProperties: true },
    deleted: { type: 'boolean' },
    hash: { type: 'string' },
    sourceSystem: { type: 'string' },
    sourceStream: { type: 'string' },
    sourceRecordId: { type: 'string' },
    updatedAt: stamp,
  },
} as const;

const explanation = {
  $id: 'Explanation',
  type: 'object',
  description: 'Why two person records match or not: per comparison the level, the two values, m, u and the weight; the steps add up to the final weight.',
  required: ['left', 'right', 'lambda', 'priorWeight', 'steps', 'finalWeight', 'modelProbability', 'probability', 'records'],
  properties: {
    left: { type: 'string' },
    right: { type: 'string' },
    lambda: { type: 'number' },
    priorWeight: { type: 'number' },
    steps: {
      type: 'array',
      items: obj(['comparison', 'level', 'label', 'weight', 'cumulative'], {
        comparison: { type: 'string' }, level: { type: 'integer', description: '-1 when a value is missing' }, label: { type: 'string' },
        left: { description: 'The left record\'s value as compared' }, right: { description: 'The right record\'s value as compared' },
        m: { type: 'number' }, u: { type: 'number' }, bayesFactor: { type: 'number' }, weight: { type: 'number' }, cumulative: { type: 'number' },
        termFrequency: {
          description: 'On a term-frequency step (the step after the comparison it adjusts): the shared value, how many of the records the model was trained on hold it, its frequency (the u used), the level\'s average u, and the weight added.',
          ...obj(['value', 'count', 'records', 'frequency', 'averageU', 'weight'], {
            value: { type: 'string' }, count: { type: 'integer' }, records: { type: 'integer' }, frequency: { type: 'number' }, averageU: { type: 'number' }, weight: { type: 'number' },
          }),
        },
      }),
    },
    finalWeight: { type: 'number' },
    modelProbability: { type: 'number' },
    probability: { type: 'number' },
    deterministicRule: { type: 'string' },
    records: obj(['a', 'b'], { a: { $ref: 'MemberRecord#' }, b: { $ref: 'MemberRecord#' } }),
  },
} as const;

export const PROFILE_SCHEMAS = [provenance, goldenValue, memberRecord, historyEvent, profileSummary, profile360, decision, resolveSummary, cimRecord, explanation] as const;

/** Adds the schemas once per app (every route module of this family calls it). */
export function addProfileSchemas(app: FastifyInstance): void {
  for (const schema of PROFILE_SCHEMAS) if (app.getSchema(schema.$id) === undefined) app.addSchema(schema);
}

/** A path parameter that is an id. */
export const idParam = { type: 'string', minLength: 1, maxLength: 300 } as const;
