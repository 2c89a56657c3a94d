/**
 * The dashboard: profile and match statistics, records per system and their overlap, systems with their
 * streams, and the last runs with their counts and errors.
 *
 * @example
 * <Dashboard />
 */
import { useApi } from '../hooks.js';
import { formatCount, formatDate, shortId } from '../format.js';
import { href } from '../router.js';
import type { Stats, SystemInfo } from '../types.js';
import { ErrorBox, Loading, TableFrame } from '../components/status.js';
import { OverlapChart, RecordsChart } from '../components/dashboard-charts.js';
import { SystemChip } from '../components/badges.js';
import { RunsTable } from './runs.js';

export function Dashboard() {
  const stats = useApi<Stats>('/api/stats');
  const systems = useApi<{ items: SystemInfo[] }>('/api/systems');
  if (stats.error) return <ErrorBox error={stats.error} retry={stats.reload} />;
  if (!stats.data) return <Loading what="the dashboard" />;
  const s = stats.data;
  const matchRate = s.profiles.active > 0 ? s.profiles.multiSystem / s.profiles.active : 0;
  return (
    <>
      <h1>Dashboard</h1>
      <section aria-labelledby="stats-title">
        <h2 id="stats-title" class="visually-hidden">
          Profiles and matches
        </h2>
        <dl class="cards">
          <div class="card">
            <dt>People (unified profiles)</dt>
            <dd>{formatCount(s.profiles.active)}</dd>
          </div>
          <div class="card">
            <dt>Person records</dt>
            <dd>{formatCount(s.profiles.records)}</dd>
          </div>
          <div class="card">
            <dt>In two or more systems</dt>
            <dd>
              {formatCount(s.profiles.multiSystem)} <small>({(matchRate * 100).toFixed(1)}%)</small>
            </dd>
          </div>
          <div class="card">
            <dt>Organisations</dt>
            <dd>
              <a href={href('search', {}, { kind: 'organization' })}>{formatCount(s.profiles.organizations)}</a>
            </dd>
          </div>
          <div class="card">
            <dt>Merged away</dt>
            <dd>{formatCount(s.profiles.merged)}</dd>
          </div>
          <div class="card">
            <dt>Dead letters</dt>
            <dd>{formatCount(s.deadLetters)}</dd>
          </div>
        </dl>
      </section>
      <div class="two-col">
        <section aria-labelledby="records-title" class="panel">
          <h2 id="records-title">Records per system</h2>
          <RecordsChart systems={s.systems} />
        </section>
        <section aria-labelledby="overlap-title" class="panel">
          <h2 id="overlap-title">Profiles across systems</h2>
          <OverlapChart overlap={s.overlap} systems={s.systems.map((x) => x.system)} />
        </section>
      </div>
      <section aria-labelledby="systems-title" class="panel">
        <h2 id="systems-title">Systems and streams</h2>
        {systems.error && <ErrorBox error={systems.error} retry={systems.reload} />}
        {!systems.data && !systems.error && <Loading what="systems" />}
        {systems.data && (
          <TableFrame label="Systems and streams">
            <table class="nowrap">
              <thead>
                <tr>
                  <th scope="col">System</th>
                  <th scope="col">Connector</th>
                  <th scope="col">Stream</th>
                  <th scope="col">Entity</th>
                  <th scope="col" class="num">Records</th>
                  <th scope="col">Cursor updated</th>
                  <th scope="col">Last run</th>
                </tr>
              </thead>
              <tbody>
                {systems.data.items.flatMap((sys) =>
                  sys.streams.map((st, i) => (
                    <tr key={`${sys.system}/${st.stream}`}>
                      {i === 0 && (
                        <th scope="rowgroup" rowSpan={sys.streams.length}>
                          <SystemChip system={sys.system} />
                        </th>
                      )}
                      {i === 0 && <td rowSpan={sys.streams.length}>{sys.connector}</td>}
                      <td>
                        <a href={href('mapping', { system: sys.system, stream: st.stream })}>{st.stream}</a>
                      </td>
                      <td>{st.entity ?? '–'}</td>
                      <td class="num">{formatCount(st.records)}</td>
                      <td>{formatDate(st.cursorUpdatedAt)}</td>
                      <td>
                        {st.lastRun ? (
                          <a href={href('run', { id: st.lastRun.runId })} class={`status status-${st.lastRun.status}`} title={st.lastRun.error}>
                            {st.lastRun.status} {shortId(st.lastRun.runId)}
                          </a>
                        ) : (
                          '–'
                        )}
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </TableFrame>
        )}
      </section>
      <section aria-labelledby="last-runs-title" class="panel">
        <h2 id="last-runs-title">Last runs</h2>
        <RunsTable runs={s.lastRuns} label="Last runs" />
        <p>
          <a href={href('runs')}>All runs</a>
        </p>
      </section>
    </>
  );
}
