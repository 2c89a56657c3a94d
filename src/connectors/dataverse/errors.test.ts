import { describe, expect, it } from 'vitest';
import { dataverseError, isExpiredDeltaToken, parseErrorBody } from './errors.js';

describe('dataverseError', () => {
  it.each([
    [429, '{"error":{"code":"0x80072322","message":"Number of requests exceeded the limit of 6000 over time window of 300 seconds."}}', 'DATAVERSE_0X80072322', 'transient', 'service protection'],
    [503, '', 'DATAVERSE_HTTP_503', 'transient', 'retried'],
    [401, '', 'DATAVERSE_HTTP_401', 'auth', 'application user'],
    [403, '{"error":{"code":"0x80040220","message":"Principal user is missing prvReadContact privilege"}}', 'DATAVERSE_0X80040220', 'config', 'security role'],
    [404, '{"error":{"code":"0x80060888","message":"Resource not found for the segment \'contactz\'."}}', 'DATAVERSE_0X80060888', 'config', 'discover'],
    [401, '{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}', 'DATAVERSE_INVALID_CLIENT', 'auth', 'client secret'],
  ])('%i %s → %s (%s)', (status, body, code, kind, hint) => {
    const error = dataverseError(status, body, { system: 'dv' }, status === 429 ? 5000 : undefined);
    expect(error.code).toBe(code);
    expect(error.kind).toBe(kind);
    expect(error.hint).toContain(hint);
    if (status === 429) expect(error.context['retryAfterMs']).toBe(5000);
  });

  it('reads an empty code as absent', () => {
    expect(parseErrorBody('{"error":{"code":"","message":"contact With Id = 1 Does Not Exist"}}')).toEqual({ code: undefined, message: 'contact With Id = 1 Does Not Exist' });
  });

  it.each([
    ['{"error":{"code":"0x80044352","message":"Version stamp associated with the client has expired. Please perform a full sync."}}', true],
    ['{"error":{"code":"","message":"The delta token is invalid or has expired."}}', true],
    ['{"error":{"code":"0x80060888","message":"Resource not found"}}', false],
  ])('knows an expired delta token: %s', (body, expired) => {
    expect(isExpiredDeltaToken(dataverseError(400, body, {}))).toBe(expired);
  });
});
