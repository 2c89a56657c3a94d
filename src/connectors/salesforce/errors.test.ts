import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseErrorBody, retryAfterMs, salesforceError } from './errors.js';

const fixtures = JSON.parse(readFileSync(new URL('./fixtures/errors.json', import.meta.url), 'utf8')) as Record<string, { status: number; body: unknown }>;

function fixture(name: string): [number, string] {
  const f = fixtures[name]!;
  return [f.status, typeof f.body === 'string' ? f.body : JSON.stringify(f.body)];
}

describe('salesforceError', () => {
  it.each([
    ['invalidSession', 'SALESFORCE_INVALID_SESSION_ID', 'auth', /re-authenticates/],
    ['requestLimit', 'SALESFORCE_REQUEST_LIMIT_EXCEEDED', 'quota', /checkpoint kept/],
    ['concurrentLimit', 'SALESFORCE_REQUEST_LIMIT_EXCEEDED', 'transient', /checkpoint kept/],
    ['malformedQuery', 'SALESFORCE_MALFORMED_QUERY', 'bug', /report it/],
    ['invalidField', 'SALESFORCE_INVALID_FIELD', 'config', /field-level security/],
    ['invalidGrant', 'SALESFORCE_INVALID_GRANT', 'auth', /My Domain/],
    ['uriTooLong', 'SALESFORCE_URI_TOO_LONG', 'data', /Bulk API 2.0/],
    ['serverBusy', 'SALESFORCE_HTTP_503', 'transient', /retried/],
  ])('%s → %s (%s) with a hint that names the fix', (name, code, kind, hint) => {
    const [status, body] = fixture(name);
    const error = salesforceError(status, body, { system: 'crm', stream: 'Contact' });
    expect(error).toMatchObject({ code, kind, context: { system: 'crm', stream: 'Contact', status } });
    expect(error.hint).toMatch(hint);
  });

  it('reads the REST array and the OAuth object shapes', () => {
    expect(parseErrorBody('[{"message":"m","errorCode":"E"}]')).toEqual({ errorCode: 'E', message: 'm' });
    expect(parseErrorBody('{"error":"invalid_client","error_description":"d"}')).toEqual({ errorCode: 'invalid_client', message: 'd' });
    expect(parseErrorBody('<html>')).toEqual({ errorCode: undefined, message: undefined });
  });
});

describe('retryAfterMs', () => {
  it.each([
    ['2', 2000],
    ['0.5', 500],
    ['Fri, 27 Nov 2026 10:00:05 GMT', 5000],
    ['', undefined],
    ['soon', undefined],
  ])('%j → %j', (header, expected) => {
    expect(retryAfterMs(header, Date.parse('2026-11-27T10:00:00Z'))).toBe(expected);
  });
});
