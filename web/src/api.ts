/**
 * The browser's client of the Concord API: sends the stored bearer token, turns problem+json answers into
 * `ApiError`s, and on 401 forgets the token and returns to the sign-in page.
 *
 * @example
 * const stats = await api.get<Stats>('/api/stats');
 * await api.post('/api/profiles/p1/split', { recordIds: ['r2'] });
 */
import { clearToken, readToken } from './token.js';
import { href } from './router.js';
import type { Problem } from './types.js';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly hint: string | undefined;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.hint = problem.hint;
  }
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    return { status: response.status, code: body.code ?? `HTTP_${response.status}`, ...(body.title ? { title: body.title } : {}), ...(body.detail ? { detail: body.detail } : {}), ...(body.hint ? { hint: body.hint } : {}) };
  } catch {
    return { status: response.status, code: `HTTP_${response.status}`, detail: text.slice(0, 200) || response.statusText };
  }
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = readToken(sessionStorage);
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), ...(signal ? { signal } : {}) });
  if (response.status === 401) {
    clearToken(sessionStorage);
    // Back to sign-in, remembering where we were; on the sign-in page itself the page shows the error.
    if (!window.location.hash.startsWith('#/sign-in')) {
      const back = window.location.hash.replace(/^#/, '');
      window.location.hash = href('sign-in', {}, { next: back || undefined }).slice(1);
    }
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> => request<T>('GET', withQuery(path, query), undefined, signal),
  post: <T>(path: string, body: unknown): Promise<T> => request<T>('POST', path, body),
};
