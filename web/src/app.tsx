/**
 * The application shell: skip link, header with navigation, the page for the current hash route, and the
 * sign-in gate (no token, no page but sign-in).
 *
 * @example
 * render(<App />, document.getElementById('app')!);
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { useRoute } from './hooks.js';
import { href, kindFilterOf, type Route } from './router.js';
import { clearToken, readToken } from './token.js';
import { SignIn } from './pages/sign-in.js';
import { Dashboard } from './pages/dashboard.js';
import { Search } from './pages/search.js';
import { Profile } from './pages/profile.js';
import { RecordPage } from './pages/record.js';
import { Explain } from './pages/explain.js';
import { RunDetailPage, Runs } from './pages/runs.js';
import { MappingPage, Mappings } from './pages/mappings.js';
import { Decisions } from './pages/decisions.js';

const NAV: ReadonlyArray<[string, Route['name'][], string]> = [
  ['Dashboard', ['dashboard'], href('dashboard')],
  ['Customers', ['search', 'profile', 'record', 'explain'], href('search')],
  ['Decisions', ['decisions'], href('decisions')],
  ['Runs', ['runs', 'run'], href('runs')],
  ['Mappings', ['mappings', 'mapping'], href('mappings')],
];

function Page({ route }: { route: Route }) {
  const p = route.params;
  switch (route.name) {
    case 'dashboard':
      return <Dashboard />;
    case 'search':
      return <Search initial={route.query.get('q') ?? ''} kind={kindFilterOf(route.query.get('kind'))} />;
    case 'profile':
      return <Profile key={p['id']} id={p['id'] ?? ''} />;
    case 'record':
      return <RecordPage key={`${p['system']}/${p['stream']}/${p['externalId']}`} system={p['system'] ?? ''} stream={p['stream'] ?? ''} externalId={p['externalId'] ?? ''} />;
    case 'explain':
      return <Explain a={route.query.get('a') ?? ''} b={route.query.get('b') ?? ''} {...(route.query.get('profile') ? { profile: route.query.get('profile') ?? '' } : {})} />;
    case 'runs':
      return <Runs />;
    case 'run':
      return <RunDetailPage key={p['id']} id={p['id'] ?? ''} />;
    case 'mappings':
      return <Mappings />;
    case 'mapping':
      return <MappingPage key={`${p['system']}/${p['stream']}`} system={p['system'] ?? ''} stream={p['stream'] ?? ''} />;
    case 'decisions':
      return <Decisions />;
    case 'sign-in':
      return <SignIn next={route.query.get('next')} />;
    case 'not-found':
      return (
        <>
          <h1>Not found</h1>
          <p>
            There is no page at <code>{p['path']}</code>. <a href={href('dashboard')}>Go to the dashboard</a>.
          </p>
        </>
      );
  }
}

const TITLES: Record<Route['name'], string> = {
  dashboard: 'Dashboard',
  'sign-in': 'Sign in',
  search: 'Customers',
  profile: 'Profile',
  record: 'Record',
  explain: 'Match explanation',
  runs: 'Runs',
  run: 'Run',
  mappings: 'Mappings',
  mapping: 'Mapping',
  decisions: 'Decisions',
  'not-found': 'Not found',
};

export function App() {
  const route = useRoute();
  const signedIn = readToken(sessionStorage) !== null;
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const effective: Route = signedIn || route.name === 'sign-in' ? route : { name: 'sign-in', params: {}, query: new URLSearchParams(route.name === 'dashboard' ? '' : `next=${encodeURIComponent(window.location.hash.slice(1))}`) };

  // A layout effect, so focus has moved before the next keystroke is handled.
  useLayoutEffect(() => {
    document.title = `${TITLES[effective.name]} · Concord`;
    // On navigation, move focus to the new page so screen readers announce it and keyboard users start at
    // the top; on first load the browser's own start (skip link first) is kept.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [effective.name, route.params['id'], route.params['externalId']]);

  const signOut = (): void => {
    clearToken(sessionStorage);
    window.location.hash = '/sign-in';
  };

  return (
    <>
      <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href={href('dashboard')}>
          Concord
        </a>
        {signedIn && (
          <nav aria-label="Main">
            <ul>
              {NAV.map(([label, names, link]) => (
                <li key={label}>
                  <a href={link} aria-current={names.includes(effective.name) ? 'page' : undefined}>
                    {label}
                  </a>
                </li>
              ))}
              <li>
                <button type="button" class="link-button" onClick={signOut}>
                  Sign out
                </button>
              </li>
            </ul>
          </nav>
        )}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Page route={effective} />
      </main>
      <footer class="foot">
        <span>Concord — customer data through the Cloud Information Model.</span> <a href="/api/docs">API documentation</a>
      </footer>
    </>
  );
}
