/**
 * Customer search: type a name, email, phone or id; the query runs on the server 250 ms after the last
 * keystroke and answers one page at a time (Previous / Next follow the server's cursors), so it stays fast
 * with 100,000 profiles. The query is kept in the address (`#/search?q=…`) so a search can be shared.
 *
 * @example
 * <Search initial="ada" />
 */
import { useEffect, useState } from 'preact/hooks';
import { useApi, useDebounced } from '../hooks.js';
import { formatCount, formatDate, shortId } from '../format.js';
import { href } from '../router.js';
import type { Page, ProfileSummary } from '../types.js';
import { ErrorBox, TableFrame } from '../components/status.js';
import { SystemChip } from '../components/badges.js';

const PAGE_SIZE = 25;

export function Search({ initial }: { initial: string }) {
  const [text, setText] = useState(initial);
  const q = useDebounced(text.trim(), 250);
  // Cursors of the pages before the current one, so Previous works with forward-only server cursors.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;

  useEffect(() => {
    setCursors([null]);
    const target = href('search', {}, { q: q || undefined });
    if (window.location.hash !== target) window.history.replaceState(null, '', target);
  }, [q]);

  const results = useApi<Page<ProfileSummary>>('/api/profiles', { q: q || undefined, limit: PAGE_SIZE, cursor: cursor ?? undefined });
  const page = results.data;
  const pageNumber = cursors.length;

  return (
    <>
      <h1>Customers</h1>
      <form role="search" class="search-form" onSubmit={(e) => e.preventDefault()}>
        <label for="search-q">Search customers</label>
        <input id="search-q" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder="Name, email, phone or id" aria-describedby="search-help" autoComplete="off" />
        <p id="search-help" class="muted">
          Matches a name (prefixes of each word), an email, a phone number, a unified id or a record id.
        </p>
      </form>
      <div aria-live="polite" class="result-status">
        {results.loading ? 'Searching…' : page ? `${page.total !== undefined ? `${formatCount(page.total)} profiles` : `${page.items.length} on this page`}${q ? ` for “${q}”` : ''}` : ''}
      </div>
      {results.error && <ErrorBox error={results.error} retry={results.reload} />}
      {page && (
        <>
          <TableFrame label="Search results">
            <table class="results">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
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
                      {p.status !== 'active' && <span class="tag">{p.status}</span>}
                    </th>
                    <td>{p.email ?? '–'}</td>
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
