/**
 * One source record as its system sent it, beside the CIM records Concord made of it, and the profile it
 * belongs to: what a steward checks when a surviving value looks wrong.
 *
 * @example
 * <RecordPage system="salesforce" stream="Contact" externalId="0033c00000GuAR3AAN" />
 */
import { useApi } from '../hooks.js';
import { formatDate, formatValue, shortId } from '../format.js';
import { href } from '../router.js';
import type { SourceRecordView } from '../types.js';
import { ErrorBox, Loading, TableFrame } from '../components/status.js';
import { SystemChip } from '../components/badges.js';

function KeyValues({ data, label }: { data: Record<string, unknown>; label: string }) {
  const entries = Object.entries(data).filter(([, v]) => v !== null && v !== undefined && v !== '');
  return (
    <TableFrame label={label}>
      <table>
        <tbody>
          {entries.map(([k, v]) => (
            <tr key={k}>
              <th scope="row" class="mono">
                {k}
              </th>
              <td class="mono small">{formatValue(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}

export function RecordPage({ system, stream, externalId }: { system: string; stream: string; externalId: string }) {
  const view = useApi<SourceRecordView>(`/api/records/${[system, stream, externalId].map(encodeURIComponent).join('/')}`);
  if (view.error) return <ErrorBox error={view.error} retry={view.reload} />;
  if (!view.data) return <Loading what="the record" />;
  const { source, cim, profile } = view.data;
  return (
    <>
      <h1>
        <SystemChip system={source.system} /> {source.stream} <span class="mono">{source.recordId}</span>
      </h1>
      <p>
        Modified {formatDate(source.modstamp)}
        {source.deleted && (
          <>
            {' '}
            · <strong class="neg">deleted in {source.system}</strong>
          </>
        )}
        {profile && (
          <>
            {' '}
            · profile <a href={href('profile', { id: profile.unifiedId })}>{shortId(profile.unifiedId)}</a>
          </>
        )}
      </p>
      <div class="two-col">
        <section class="panel" aria-labelledby="source-h">
          <h2 id="source-h">As read from {source.system}</h2>
          <KeyValues data={source.data} label={`Fields of the ${source.system} record`} />
        </section>
        <section class="panel" aria-labelledby="cim-h">
          <h2 id="cim-h">CIM records ({cim.length})</h2>
          {cim.map((r) => (
            <section key={r.id} class="cim-record" aria-label={`${r.entity} ${r.id}`}>
              <h3>
                {r.entity} <span class="mono small muted">{shortId(r.id)}</span>
                {r.deleted && <span class="tag">deleted</span>}
              </h3>
              <KeyValues data={r.data} label={`${r.entity} fields`} />
            </section>
          ))}
        </section>
      </div>
    </>
  );
}
