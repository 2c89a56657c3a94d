/**
 * Why two records match (or not): both records side by side, the waterfall of evidence and the steps as a
 * table (the same numbers, readable by a screen reader and copyable).
 *
 * @example
 * <Explain a="rec-1" b="rec-2" />
 */
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { useApi } from '../hooks.js';
import { formatDate, formatProbability, formatValue, formatWeight } from '../format.js';
import { href } from '../router.js';
import type { Explanation, MemberRecord } from '../types.js';
import { ErrorBox, Loading, TableFrame } from '../components/status.js';
import { SystemChip } from '../components/badges.js';
import { Waterfall } from '../components/waterfall.js';
import { ConfirmDialog } from '../components/dialog.js';

function RecordCard({ record, side }: { record: MemberRecord; side: string }) {
  return (
    <section class="panel record-card" aria-label={`Record ${side}`}>
      <h2>
        <SystemChip system={record.system} /> <span class="mono">{record.externalRecordId}</span>
      </h2>
      <dl class="kv">
        {Object.entries(record.values).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{formatValue(v)}</dd>
          </div>
        ))}
        <div>
          <dt>modified</dt>
          <dd>{formatDate(record.modstamp)}</dd>
        </div>
      </dl>
    </section>
  );
}

/** "Never match": two records that are different people, kept apart from now on (a decision, then a new resolution). */
function NeverMatch({ a, b }: { a: string; b: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState(false);
  const confirm = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/decisions', { kind: 'never-match', recordA: a, recordB: b, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setOpen(false);
      setDone(true);
    } catch (e: unknown) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {done ? (
        <p class="notice" role="status">
          Saved: these two records will never be matched again; the profiles were resolved anew.
        </p>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          Never match these two…
        </button>
      )}
      <ConfirmDialog open={open} title="Never match these records?" confirmLabel="Never match" danger busy={busy} onConfirm={() => void confirm()} onClose={() => setOpen(false)}>
        <p>Concord will keep these two records in different profiles from now on, whatever their scores say. A later merge can undo it.</p>
        <label for="never-reason">Reason (kept with the decision)</label>
        <input id="never-reason" type="text" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        {error && <ErrorBox error={error} />}
      </ConfirmDialog>
    </>
  );
}

export function Explain({ a, b, profile }: { a: string; b: string; profile?: string }) {
  const result = useApi<Explanation>(a && b ? '/api/explain' : null, { a, b });
  if (!a || !b) return <ErrorBox error={new Error('An explanation needs two record ids: #/explain?a=<record>&b=<record>.')} />;
  if (result.error) return <ErrorBox error={result.error} retry={result.reload} />;
  if (!result.data) return <Loading what="the explanation" />;
  const x = result.data;
  return (
    <>
      {profile && (
        <p>
          <a href={href('profile', { id: profile })}>Back to the profile</a>
        </p>
      )}
      <header class="page-head">
        <h1>Why these records match</h1>
        <div class="actions">
          <NeverMatch a={x.records.a.recordId} b={x.records.b.recordId} />
        </div>
      </header>
      <p class="verdict">
        Match probability <strong data-testid="probability">{formatProbability(x.probability)}</strong>
        {x.deterministicRule ? (
          <>
            {' '}
            — decided by the rule <code>{x.deterministicRule}</code> (model alone: {formatProbability(x.modelProbability)})
          </>
        ) : null}
        ; total weight {formatWeight(x.finalWeight)} (prior {formatWeight(x.priorWeight)}, λ = {x.lambda.toPrecision(3)}).
      </p>
      <div class="two-col">
        <RecordCard record={x.records.a} side="A" />
        <RecordCard record={x.records.b} side="B" />
      </div>
      <section class="panel" aria-labelledby="waterfall-h">
        <h2 id="waterfall-h">Evidence, step by step</h2>
        <Waterfall explanation={x} />
      </section>
      <section class="panel" aria-labelledby="steps-h">
        <h2 id="steps-h">Comparisons</h2>
        <TableFrame label="Comparisons">
          <table data-testid="steps">
            <thead>
              <tr>
                <th scope="col">Comparison</th>
                <th scope="col">Outcome</th>
                <th scope="col">Record A</th>
                <th scope="col">Record B</th>
                <th scope="col" class="num">m</th>
                <th scope="col" class="num">u</th>
                <th scope="col" class="num">Weight</th>
                <th scope="col" class="num">Running total</th>
              </tr>
            </thead>
            <tbody>
              {x.steps.map((s) => (
                <tr key={s.comparison}>
                  <th scope="row">{s.comparison}</th>
                  <td>{s.label}</td>
                  <td>{formatValue(s.left)}</td>
                  <td>{formatValue(s.right)}</td>
                  <td class="num">{s.m === undefined ? '–' : s.m.toPrecision(3)}</td>
                  <td class="num">{s.u === undefined ? '–' : s.u.toPrecision(3)}</td>
                  <td class={`num ${s.weight > 0 ? 'pos' : s.weight < 0 ? 'neg' : ''}`}>{formatWeight(s.weight)}</td>
                  <td class="num">{formatWeight(s.cumulative)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      </section>
    </>
  );
}
