/**
 * The mapping viewer: every mapped stream with the CIM entities it feeds, and one stream's mapping as a
 * table of source column → CIM target, with its transform and whether it can be written back.
 *
 * @example
 * <Mappings />
 * <MappingPage system="salesforce" stream="Contact" />
 */
import { useState } from 'preact/hooks';
import { useApi } from '../hooks.js';
import { href } from '../router.js';
import type { MappingSummary, MappingTable } from '../types.js';
import { ErrorBox, Loading, TableFrame } from '../components/status.js';
import { SystemChip } from '../components/badges.js';

export function Mappings() {
  const list = useApi<{ items: MappingSummary[] }>('/api/mappings');
  if (list.error) return <ErrorBox error={list.error} retry={list.reload} />;
  if (!list.data) return <Loading what="mappings" />;
  return (
    <>
      <h1>Mappings</h1>
      <TableFrame label="Mapped streams">
        <table>
          <thead>
            <tr>
              <th scope="col">System</th>
              <th scope="col">Stream</th>
              <th scope="col">CIM entities</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((m) => (
              <tr key={`${m.system}/${m.stream}`}>
                <td>
                  <SystemChip system={m.system} />
                </td>
                <th scope="row">
                  <a href={href('mapping', { system: m.system, stream: m.stream })}>{m.stream}</a>
                </th>
                <td>{m.entities.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </>
  );
}

export function MappingPage({ system, stream }: { system: string; stream: string }) {
  const table = useApi<MappingTable>(`/api/mappings/${encodeURIComponent(system)}/${encodeURIComponent(stream)}`);
  const [filter, setFilter] = useState('');
  if (table.error) return <ErrorBox error={table.error} retry={table.reload} />;
  if (!table.data) return <Loading what="the mapping" />;
  const needle = filter.trim().toLowerCase();
  const rows = needle ? table.data.rows.filter((r) => `${r.source} ${r.target} ${r.transform}`.toLowerCase().includes(needle)) : table.data.rows;
  return (
    <>
      <p>
        <a href={href('mappings')}>All mappings</a>
      </p>
      <h1>
        <SystemChip system={system} /> {stream}
      </h1>
      <div class="filter">
        <label for="mapping-filter">Filter columns</label>
        <input id="mapping-filter" type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
      </div>
      <TableFrame label={`Mapping of ${system} ${stream}`}>
        <table>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">CIM target</th>
              <th scope="col">Transform</th>
              <th scope="col">Written back</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.source}-${r.target}-${i}`}>
                <th scope="row" class="mono">
                  {r.source}
                </th>
                <td class="mono">{r.target}</td>
                <td class="mono small">{r.transform}</td>
                <td>{r.reversible ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
    </>
  );
}
