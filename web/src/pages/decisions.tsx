/**
 * The stewards' decisions, newest first: merges (always-match) and splits or never-match, who made them and
 * why; each pair links to its explanation.
 *
 * @example
 * <Decisions />
 */
import { useApi } from '../hooks.js';
import { formatDate, shortId } from '../format.js';
import { href } from '../router.js';
import type { IdentityDecision } from '../types.js';
import { ErrorBox, Loading, TableFrame } from '../components/status.js';

export function Decisions() {
  const list = useApi<{ items: IdentityDecision[] }>('/api/decisions');
  if (list.error) return <ErrorBox error={list.error} retry={list.reload} />;
  if (!list.data) return <Loading what="decisions" />;
  const items = [...list.data.items].sort((x, y) => y.at.localeCompare(x.at) || y.id - x.id);
  return (
    <>
      <h1>Decisions</h1>
      <p class="muted">Manual match decisions, kept for every later resolution. The latest decision on a pair of records wins.</p>
      {items.length === 0 ? (
        <p>No decisions yet. Merge, split or never-match from a profile or an explanation.</p>
      ) : (
        <TableFrame label="Decisions">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Decision</th>
                <th scope="col">Records</th>
                <th scope="col">Who</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td class="nowrap-cell">{formatDate(d.at)}</td>
                  <td>
                    <span class={`tag ${d.kind === 'never-match' ? 'tag-split' : 'tag-merged'}`}>{d.kind}</span>
                  </td>
                  <td>
                    <a href={href('explain', {}, { a: d.recordA, b: d.recordB })} aria-label={`Explain records ${d.recordA} and ${d.recordB}`}>
                      <span class="mono">{shortId(d.recordA)}</span> ↔ <span class="mono">{shortId(d.recordB)}</span>
                    </a>
                  </td>
                  <td>{d.who}</td>
                  <td>{d.reason ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </>
  );
}
