/**
 * Secret redaction for anything that may be printed or logged. Two mechanisms: values of environment variables
 * whose names look secret are replaced wherever they appear, and well-known secret shapes (bearer tokens,
 * passwords in URLs, `password=`/`secret=` pairs) are masked.
 *
 * @example
 * redact('postgres://app:hunter2@db/concord') // 'postgres://app:***@db/concord'
 */
const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|APIKEY|PRIVATE_KEY|CLIENT_KEY|CREDENTIAL)/i;
const MIN_SECRET_LENGTH = 6;

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#\s@]*:)([^@/?#\s]+)(@)/gi, '$1***$3'],
  [/(\bBearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1***'],
  [/(\b(?:password|passwd|secret|client_secret|token|access_token|refresh_token|api_key)\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s&,;]+)/gi, '$1***'],
];

let envSecrets: string[] | undefined;

function secretValuesFromEnv(): string[] {
  if (envSecrets === undefined) {
    envSecrets = Object.entries(process.env)
      .filter(([name, value]) => SECRET_NAME.test(name) && typeof value === 'string' && value.length >= MIN_SECRET_LENGTH)
      .map(([, value]) => value as string)
      .sort((a, b) => b.length - a.length);
  }
  return envSecrets;
}

/** Forget the cached environment secrets (tests change the environment). */
export function resetRedaction(): void {
  envSecrets = undefined;
}

export function redact(text: string): string {
  let out = text;
  for (const secret of secretValuesFromEnv()) {
    if (out.includes(secret)) out = out.split(secret).join('***');
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
