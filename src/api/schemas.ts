/**
 * JSON schemas shared by several routes, added to the app once (`app.addSchema`) and referenced as
 * `{ $ref: 'Run#' }`. They validate nothing the routes build themselves; they serialize responses fast and
 * describe them in the OpenAPI document.
 *
 * @example
 * app.get('/api/runs/:runId', { schema: { response: { 200: { $ref: 'Run#' } } } }, handler);
 */
const counts = {
  read: { type: 'integer' },
  loaded: { type: 'integer' },
  unchanged: { type: 'integer' },
  deleted: { type: 'integer' },
  deadLettered: { type: 'integer' },
} as const;

export const problemSchema = {
  $id: 'Problem',
  type: 'object',
  description: 'An error (RFC 9457 problem details), served as application/problem+json.',
  required: ['type', 'title', 'status', 'detail', 'code', 'instance'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'What went wrong and what to do.' },
    code: { type: 'string', description: 'Stable error code, e.g. PROFILE_NOT_FOUND.' },
    instance: { type: 'string' },
    hint: { type: 'string' },
  },
} as const;

export const runSchema = {
  $id: 'Run',
  type: 'object',
  description: 'One sync run with its counts per stream.',
  required: ['id', 'startedAt', 'status', 'request', 'counts', 'streams'],
  properties: {
    id: { type: 'string' },
    startedAt: { type: 'string', format: 'date-time' },
    finishedAt: { type: 'string', format: 'date-time' },
    status: { type: 'string', enum: ['running', 'succeeded', 'failed', 'paused'] },
    request: { type: 'object', additionalProperties: true, description: 'What was asked: streams, full, config file.' },
    counts: { type: 'object', properties: counts },
    streams: { type: 'array', items: { type: 'object', properties: { system: { type: 'string' }, stream: { type: 'string' }, ...counts } } },
    error: { type: 'string' },
  },
} as const;

export const deadLetterSchema = {
  $id: 'DeadLetter',
  type: 'object',
  description: 'A row a run could not load, with the stage and the reason.',
  properties: {
    id: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' },
    runId: { type: 'string' },
    system: { type: 'string' },
    stream: { type: 'string' },
    recordId: { type: 'string' },
    line: { type: 'integer' },
    stage: { type: 'string', enum: ['extract', 'map', 'validate', 'load', 'write'] },
    entity: { type: 'string' },
    field: { type: 'string' },
    code: { type: 'string' },
    reason: { type: 'string' },
    payload: { description: 'The offending input (bounded in size).' },
  },
} as const;

export const SHARED_SCHEMAS = [problemSchema, runSchema, deadLetterSchema] as const;

/** Error answers every protected route may give, for its `response` schema. */
export const errorResponses = {
  '4xx': { description: 'Bad input, missing or invalid token, unknown resource (problem+json).', content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } } },
  '5xx': { description: 'Server error (problem+json).', content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } } },
} as const;
