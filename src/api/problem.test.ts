import { describe, expect, it } from 'vitest';
import { ConcordError, type ErrorKind } from '../core/errors.js';
import { problem, problemOf, statusOf } from './problem.js';

describe('problem details', () => {
  it.each<[string, ErrorKind, boolean, number]>([
    ['ANY_USAGE', 'usage', false, 400],
    ['ANY_DATA', 'data', false, 422],
    ['ANY_AUTH', 'auth', false, 401],
    ['CONFIG_INVALID', 'config', false, 400],
    ['CONFIG_INVALID', 'config', true, 500],
    ['QUOTA', 'quota', false, 429],
    ['NETWORK', 'transient', false, 503],
    ['INTERNAL', 'bug', false, 500],
    ['PROFILE_NOT_FOUND', 'usage', false, 404],
    ['SYNC_RUNNING', 'usage', false, 409],
  ])('%s (%s, server side %s) → %i', (code, kind, serverSide, status) => {
    expect(statusOf({ code, kind }, serverSide)).toBe(status);
  });

  it('builds the RFC 9457 body with a type per code and a hint', () => {
    const error = new ConcordError('RUN_NOT_FOUND', 'no run r1', { kind: 'usage', hint: 'list runs with GET /api/runs' });
    expect(problemOf(error, '/api/runs/r1')).toEqual({
      type: 'https://concord.dev/problems/run_not_found',
      title: 'Not Found',
      status: 404,
      detail: 'no run r1',
      code: 'RUN_NOT_FOUND',
      instance: '/api/runs/r1',
      hint: 'list runs with GET /api/runs',
    });
  });

  it('redacts secrets from what it says', () => {
    const body = problem(400, 'BAD_REQUEST', 'cannot reach postgres://app:hunter2@db/concord', '/api/x?token=abcdefgh');
    expect(JSON.stringify(body)).not.toMatch(/hunter2|abcdefgh/);
    expect(body).not.toHaveProperty('hint');
  });
});
