/**
 * Sign-in: paste a token made with `concord token create --name <you>`. It is checked against
 * `/api/stats` before it is kept, so a typo says so here rather than on the next page.
 *
 * @example
 * <SignIn next="/profiles/abc" />
 */
import { useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import { clearToken, saveToken } from '../token.js';

export function SignIn({ next }: { next: string | null }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const value = token.trim();
    if (!value) {
      setError('Paste a token first.');
      return;
    }
    setBusy(true);
    setError(null);
    saveToken(sessionStorage, value);
    try {
      await api.get('/api/stats');
      window.location.hash = next && next.startsWith('/') ? next : '/';
    } catch (e: unknown) {
      clearToken(sessionStorage);
      setError(e instanceof ApiError && e.status === 401 ? 'That token was not accepted. Check it was copied whole and has not been revoked (concord token list).' : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to Concord</h1>
      <p>
        Paste an API token. Create one on the server with <code>concord token create --name &lt;your name&gt;</code>; it is shown once and kept
        only in this browser tab.
      </p>
      <form onSubmit={submit}>
        <label for="token">API token</label>
        <input id="token" name="token" type="password" autoComplete="off" spellcheck={false} value={token} onInput={(e) => setToken(e.currentTarget.value)} aria-describedby={error ? 'token-error' : undefined} aria-invalid={error ? true : undefined} required />
        {error && (
          <p id="token-error" class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </section>
  );
}
