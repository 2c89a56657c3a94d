import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './email.js';

describe('normalizeEmail', () => {
  it.each([
    // [raw, address, mailbox, domain, canonical]
    ['ada@example.com', 'ada@example.com', 'ada', 'example.com', 'ada@example.com'],
    ['  Ada.King+crm@Example.COM ', 'Ada.King+crm@example.com', 'Ada.King+crm', 'example.com', 'ada.king+crm@example.com'],
    ['JOHN.SMITH@EXAMPLE.CO.UK', 'JOHN.SMITH@example.co.uk', 'JOHN.SMITH', 'example.co.uk', 'john.smith@example.co.uk'],
    ['mailto:Bob@Example.org', 'Bob@example.org', 'Bob', 'example.org', 'bob@example.org'],
    ['MAILTO:Info%2Bsales@Example.org?subject=Hi', 'Info+sales@example.org', 'Info+sales', 'example.org', 'info+sales@example.org'],
    ['Ada King <ada@example.com>', 'ada@example.com', 'ada', 'example.com', 'ada@example.com'],
    ['"King, Ada" <Ada@Example.com>', 'Ada@example.com', 'Ada', 'example.com', 'ada@example.com'],
    ['<ada@example.com>', 'ada@example.com', 'ada', 'example.com', 'ada@example.com'],
    ['user@bücher.de', 'user@bücher.de', 'user', 'bücher.de', 'user@bücher.de'],
    ['user@BÜCHER.DE', 'user@bücher.de', 'user', 'bücher.de', 'user@bücher.de'],
    ['müller@example.de', 'müller@example.de', 'müller', 'example.de', 'müller@example.de'],
    ['info@日本.jp', 'info@日本.jp', 'info', '日本.jp', 'info@日本.jp'],
    ['a@xn--bcher-kva.de', 'a@xn--bcher-kva.de', 'a', 'xn--bcher-kva.de', 'a@xn--bcher-kva.de'],
    ["o'brien@example.ie", "o'brien@example.ie", "o'brien", 'example.ie', "o'brien@example.ie"],
    ['"quoted.local"@example.com', '"quoted.local"@example.com', '"quoted.local"', 'example.com', '"quoted.local"@example.com'],
    ['x@[192.168.0.1]', 'x@[192.168.0.1]', 'x', '[192.168.0.1]', 'x@[192.168.0.1]'],
    ['first_last-1@sub.mail.example.travel', 'first_last-1@sub.mail.example.travel', 'first_last-1', 'sub.mail.example.travel', 'first_last-1@sub.mail.example.travel'],
  ])('accepts %j', (raw, address, mailbox, domain, canonical) => {
    expect(normalizeEmail(raw)).toEqual({ address, mailbox, domain, valid: true, canonical });
  });

  it.each([
    ['no-at-sign.example.com', 'missing "@"'],
    ['@example.com', 'empty local part'],
    ['ada@', 'empty domain'],
    ['ada king@example.com', 'local part contains whitespace'],
    ['ada@exa mple.com', 'domain contains whitespace'],
    ['ada@localhost', 'domain has no "."'],
    ['ada@example..com', 'domain has an empty label'],
    ['ada@example.com.', 'domain has an empty label'],
    ['ada@-example.com', 'domain label "-example" is not letters, digits and inner hyphens'],
    ['ada@exa_mple.com', 'domain label "exa_mple" is not letters, digits and inner hyphens'],
    ['ada@1.2.3.4', 'top-level domain is numeric'],
    ['.ada@example.com', 'local part starts or ends with "."'],
    ['ada.@example.com', 'local part starts or ends with "."'],
    ['ad..a@example.com', 'local part contains ".."'],
    ['a@b@example.com', 'local part contains a character not allowed unquoted'],
    ['ada(x)@example.com', 'local part contains a character not allowed unquoted'],
    [`${'a'.repeat(65)}@example.com`, 'local part longer than 64 octets'],
    [`${'ü'.repeat(33)}@example.com`, 'local part longer than 64 octets'],
    [`ada@${'a'.repeat(64)}.com`, 'domain label longer than 63 characters'],
    [`ada@${Array.from({ length: 64 }, () => 'abc').join('.')}`, 'domain longer than 253 characters'],
    ['x@[300.1.1.1]', 'address literal is not an IPv4 address'],
  ])('rejects %j: %s', (raw, reason) => {
    const result = normalizeEmail(raw);
    expect(result?.valid).toBe(false);
    expect(result?.reason).toBe(reason);
  });

  it('splits at the last @ and keeps invalid addresses whole', () => {
    expect(normalizeEmail('a@b@Example.COM')).toMatchObject({ mailbox: 'a@b', domain: 'example.com', address: 'a@b@example.com' });
    expect(normalizeEmail('Not An Email')).toMatchObject({ address: 'Not An Email', canonical: 'not an email', valid: false });
  });

  it.each(['', '   ', 'mailto:', '<>'])('returns undefined for blank %j', (raw) => {
    expect(normalizeEmail(raw)).toBeUndefined();
  });
});
