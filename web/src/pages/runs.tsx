/**
 * Run history (paged) and one run's detail: counts per stream, row-level dead letters (paged) and
 * write-back outcomes; with a button that asks the scheduler for a sync.
 *
 * @example
 * <Runs />
 * <RunDetailPage id="0b7c…" />
 */
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { useApi } from '../hooks.js';
import { formatCount, formatDate, formatValue, shortId } from '../format.js';
import { href } from '../router.js';
import type { Page, Run, RunDetail } from '../types.js';
import { ErrorBox, Loading, TableFrame } from '../components/status.js';
import { SystemChip } from '../components/badges.js';

function duration(run: Run): string {
  if (!run.finishedAt) return '–';
  const ms = Date.parse(run.finishedAt) - Date.parse(run.startedAt);
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '–';
}

export function RunsTable({ runs, label }: { runs: readonly Run[]; label: string }) {
  if (runs.length === 0) return <p class="muted">No runs yet.</p>;
  return (
    <TableFrame label={label}>
      <table class="nowrap">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
            <th scope="col">Took</th>
            <th scope="col" class="num">Read</th>
            <th scope="col" class="num">Loaded</th>
            <th scope="col" class="num">Unchanged</th>
            <th scope="col" class="num">Deleted</th>
            <th scope="col" class="num">Dead letters</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <a href={href('run', { id: r.id })} class="mono">
                  {shortId(r.id)}
                </a>
              </th>
              <td>
                <span class={`status status-${r.status}`}>{r.status}</span>
                {r.error && <div class="small error-text">{r.error}</div>}
              </td>
              <td>{formatDate(r.startedAt)}</td>
              <td>{duration(r)}</td>
              <td class="num">{formatCount(r.counts.read)}</td>
              <td class="num">{formatCount(r.counts.loaded)}</td>
              <td class="num">{formatCount(r.counts.unchanged)}</td>
              <td class="num">{formatCount(r.counts.deleted)}</td>
              <td class={`num ${r.counts.deadLettered > 0 ? 'neg' : ''}`}>{formatCount(r.counts.deadLettered)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}

export function Runs() {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const runs = useApi<Page<Run>>('/api/runs', { limit: 25, cursor: cursor ?? undefined });
  const [syncState, setSyncState] = useState<string | null>(null);
  const [syncError, setSyncError] = useState<Error | null>(null);

  const sync = async (): Promise<void> => {
    setSyncError(null);
    setSyncState('Asking for a sync…');
    try {
      const answer = await api.post<{ runId?: string; queued: boolean }>('/api/runs', {});
      setSyncState(answer.runId ? `Sync queued as run ${shortId(answer.runId)}.` : 'Sync queued.');
      setCursors([null]);
      runs.reload();
    } catch (e: unknown) {
      setSyncState(null);
      setSyncError(e instanceof Error ? e : new Error(String(e)));
    }
  };

  return (
    <>
      <header class="page-head">
        <h1>Runs</h1>
        <div class="actions">
          <button type="button" onClick={() => void sync()}>
            Sync now
          </button>
          <button type="button" onClick={runs.reload}>
            Refresh
          </button>
        </div>
      </header>
      <p role="status" aria-live="polite" class="muted">
        {syncState}
      </p>
      {syncError && <ErrorBox error={syncError} />}
      {runs.error && <ErrorBox error={runs.error} retry={runs.reload} />}
      {runs.loading && !runs.data && <Loading what="runs" />}
      {runs.data && (
        <>
          <RunsTable runs={runs.data.items} label="Runs" />
          <nav class="pager" aria-label="Run pages">
            <button type="button" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
              Newer
            </button>
            <span>Page {cursors.length}</span>
            <button type="button" disabled={!runs.data.nextCursor} onClick={() => runs.data?.nextCursor && setCursors((c) => [...c, runs.data?.nextCursor ?? null])}>
              Older
            </button>
          </nav>
        </>
      )}
    </>
  );
}

export function RunDetailPage({ id }: { id: string }) {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const detail = useApi<RunDetail>(`/api/runs/${encodeURIComponent(id)}`, { limit: 50, cursor: cursor ?? undefined });
  if (detail.error) return <ErrorBox error={detail.error} retry={detail.reload} />;
  if (!detail.data) return <Loading what="the run" />;
  const { run, deadLetters, writeBack } = detail.data;
  return (
    <>
      <h1>
        Run <span class="mono">{shortId(run.id)}</span> <span class={`status status-${run.status}`}>{run.status}</span>
      </h1>
      <dl class="kv inline">
        <div>
          <dt>Id</dt>
          <dd class="mono">{run.id}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{formatDate(run.startedAt)}</dd>
        </div>
        <div>
          <dt>Finished</dt>
          <dd>{formatDate(run.finishedAt)}</dd>
        </div>
        <div>
          <dt>Took</dt>
          <dd>{duration(run)}</dd>
        </div>
        <div>
          <dt>Request</dt>
          <dd class="mono small">{JSON.stringify(run.request)}</dd>
        </div>
      </dl>
      {run.error && (
        <p class="error" role="alert">
          {run.error}
        </p>
      )}
      <section class="panel" aria-labelledby="streams-h">
        <h2 id="streams-h">Streams</h2>
        <TableFrame label="Counts per stream">
          <table>
            <thead>
              <tr>
                <th scope="col">System</th>
                <th scope="col">Stream</th>
                <th scope="col" class="num">Read</th>
                <th scope="col" class="num">Loaded</th>
                <th scope="col" class="num">Unchanged</th>
                <th scope="col" class="num">Deleted</th>
                <th scope="col" class="num">Dead letters</th>
              </tr>
            </thead>
            <tbody>
              {run.streams.map((s) => (
                <tr key={`${s.system}/${s.stream}`}>
                  <td>
                    <SystemChip system={s.system} />
                  </td>
                  <th scope="row">{s.stream}</th>
                  <td class="num">{formatCount(s.read)}</td>
                  <td class="num">{formatCount(s.loaded)}</td>
                  <td class="num">{formatCount(s.unchanged)}</td>
                  <td class="num">{formatCount(s.deleted)}</td>
                  <td class={`num ${s.deadLettered > 0 ? 'neg' : ''}`}>{formatCount(s.deadLettered)}</td>
                </tr>
              ))}
              <tr class="total">
                <td />
                <th scope="row">All streams</th>
                <td class="num">{formatCount(run.counts.read)}</td>
                <td class="num">{formatCount(run.counts.loaded)}</td>
                <td class="num">{formatCount(run.counts.unchanged)}</td>
                <td class="num">{formatCount(run.counts.deleted)}</td>
                <td class="num">{formatCount(run.counts.deadLettered)}</td>
              </tr>
            </tbody>
          </table>
        </TableFrame>
      </section>
      <section class="panel" aria-labelledby="dead-h">
        <h2 id="dead-h">Dead letters</h2>
        {deadLetters.items.length === 0 && cursors.length === 1 ? (
          <p class="muted">No rows were rejected.</p>
        ) : (
          <>
            <TableFrame label="Dead letter rows">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Stream</th>
                    <th scope="col">Record</th>
                    <th scope="col">Line</th>
                    <th scope="col">Stage</th>
                    <th scope="col">Field</th>
                    <th scope="col">Code</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Input</th>
                  </tr>
                </thead>
                <tbody>
                  {deadLetters.items.map((d, i) => (
                    <tr key={`${d.system}/${d.stream}/${d.recordId ?? ''}/${d.line ?? i}/${i}`}>
                      <td>
                        {d.system}/{d.stream}
                      </td>
                      <td class="mono">{d.recordId ?? '–'}</td>
                      <td class="num">{d.line ?? '–'}</td>
                      <td>{d.stage}</td>
                      <td>{d.entity && d.field ? `${d.entity}.${d.field}` : (d.field ?? '–')}</td>
                      <td class="mono">{d.code}</td>
                      <td>{d.reason}</td>
                      <td class="mono small payload">{d.payload === undefined ? '–' : formatValue(d.payload).slice(0, 160)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableFrame>
            <nav class="pager" aria-label="Dead letter pages">
              <button type="button" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
                Previous
              </button>
              <span>Page {cursors.length}</span>
              <button type="button" disabled={!deadLetters.nextCursor} onClick={() => setCursors((c) => [...c, deadLetters.nextCursor])}>
                Next
              </button>
            </nav>
          </>
        )}
      </section>
      <section class="panel" aria-labelledby="wb-h">
        <h2 id="wb-h">Write-back</h2>
        {writeBack.items.length === 0 ? (
          <p class="muted">Nothing was written back to a system in this run.</p>
        ) : (
          <TableFrame label="Write-back outcomes">
            <table>
              <thead>
                <tr>
                  <th scope="col">System</th>
                  <th scope="col">Stream</th>
                  <th scope="col">Record</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Message</th>
                </tr>
              </thead>
              <tbody>
                {writeBack.items.map((w, i) => (
                  <tr key={`${w.recordId}-${i}`}>
                    <td>
                      <SystemChip system={w.system} />
                    </td>
                    <td>{w.stream}</td>
                    <td class="mono">{w.recordId}</td>
                    <td class={w.outcome === 'rejected' ? 'neg' : ''}>{w.outcome}</td>
                    <td>{w.message ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </section>
    </>
  );
}
