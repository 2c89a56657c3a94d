/**
 * Customer search: type a name, email, phone or id; the query runs on the server 250 ms after the last
 * keystroke and answers one page at a time (Previous / Next follow the server's cursors), so it stays fast
 * with 100,000 profiles. A switch shows people, organisations (companies) or both. The query and the switch are
 * kept in the address (`#/search?q=…&kind=organization`) so a search can be shared.
 *
 * @example
 * <Search initial="ada" kind="person" />
 */
import { useEffect, useState } from 'preact/hooks';
import { useApi, useDebounced } from '../hooks.js';
import { formatCount, formatDate, shortId } from '../format.js';
import { href } from '../router.js';
import type { KindFilter } from '../router.js';
import type { Page, ProfileSummary } from '../types.js';

const KIND_CHOICES: ReadonlyArray<[KindFilter, string]> = [
  ['person', 'People'],
  ['organization', 'Organisations'],
  ['any', 'All'],
];

import { ErrorBox, TableFrame } from '../components/status.js';
import { SystemChip } from '../components/badges.js';

const PAGE_SIZE = 25;

export function Search({ initial, kind: initialKind = 'person' }: { initial: string; kind?: KindFilter }) {
  const [text, setText] = useState(initial);
  const [kind, setKind] = useState<KindFilter>(initialKind);
  const q = useDebounced(text.trim(), 250);
  // Cursors of the pages before the current one, so Previous works with forward-only server cursors.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;

  useEffect(() => {
    setCursors([null]);
    const target = href('search', {}, { q: q || undefined, kind: kind === 'person' ? undefined : kind });
    if (window.location.hash !== target) window.history.replaceState(null, '', target);
  }, [q, kind]);

  const results = useApi<Page<ProfileSummary>>('/api/profiles', { q: q || undefined, kind: kind === 'person' ? undefined : kind, limit: PAGE_SIZE, cursor: cursor ?? undefined });
  // A page from before the switch is not shown under the new heading.
  const page = results.data && (kind === 'any' || results.data.items.every((p) => p.kind === kind)) ? results.data : undefined;
  const pageNumber = cursors.length;
  const noun = kind === 'organization' ? 'organisations' : kind === 'any' ? 'profiles' : 'people';

  return (
    <>
      <h1>Customers</h1>
      <form role="search" class="search-form" onSubmit={(e) => e.preventDefault()}>
        <label for="search-q">Search customers</label>
        <input id="search-q" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder="Name, email, phone or id" aria-describedby="search-help" autoComplete="off" />
        <p id="search-help" class="muted">
          Matches a name (prefixes of each word), an email, a phone number, a unified id or a record id.
        </p>
        <fieldset class="segmented">
          <legend>Show</legend>
          {KIND_CHOICES.map(([value, label]) => (
            <label key={value} class={kind === value ? 'selected' : undefined}>
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} />
              {label}
            </label>
          ))}
        </fieldset>
      </form>
      <div aria-live="polite" class="result-status">
        {results.loading ? 'Searching…' : page ? `${page.total !== undefined ? `${formatCount(page.total)} ${noun}` : `${page.items.length} ${noun} on this page`}${q ? ` for “${q}”` : ''}` : ''}
      </div>
      {results.error && <ErrorBox error={results.error} retry={results.reload} />}
      {page && (
        <>
          <TableFrame label="Search results">
            <table class="results">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">{kind === 'organization' ? 'Website' : kind === 'any' ? 'Email or website' : 'Email'}</th>
                  <th scope="col">Phone</th>
                  <th scope="col">Systems</th>
                  <th scope="col" class="num">Records</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {page.items.length === 0 && (
                  <tr>
                    <td colSpan={6}>No profiles match.</td>
                  </tr>
                )}
                {page.items.map((p) => (
                  <tr key={p.unifiedId}>
                    <th scope="row">
                      <a href={href('profile', { id: p.unifiedId })}>{p.name ?? shortId(p.unifiedId)}</a>
                      {kind === 'any' && p.kind === 'organization' && <span class="tag tag-organization">organisation</span>}
                      {p.status !== 'active' && <span class="tag">{p.status}</span>}
                    </th>
                    <td>{(p.kind === 'organization' ? p.website : p.email) ?? '–'}</td>
                    <td>{p.phone ?? '–'}</td>
                    <td>
                      <span class="chips">
                        {p.systems.map((s) => (
                          <SystemChip key={s} system={s} />
                        ))}
                      </span>
                    </td>
                    <td class="num">{p.members}</td>
                    <td>{formatDate(p.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
          <nav class="pager" aria-label="Result pages">
            <button type="button" disabled={pageNumber <= 1 || results.loading} onClick={() => setCursors((c) => c.slice(0, -1))}>
              Previous
            </button>
            <span>Page {pageNumber}</span>
            <button type="button" disabled={!page.nextCursor || results.loading} onClick={() => page.nextCursor && setCursors((c) => [...c, page.nextCursor])}>
              Next
            </button>
          </nav>
        </>
      )}
    </>
  );
}
