/**
 * Why two records match (or not): both records side by side, the waterfall of evidence and the steps as a
 * table (the same numbers, readable by a screen reader and copyable).
 *
 * @example
 * <Explain a="rec-1" b="rec-2" />
 */
import { useApi } from '../hooks.js';
import { formatDate, formatProbability, formatValue, formatWeight } from '../format.js';
import { href } from '../router.js';
import type { Explanation, MemberRecord } from '../types.js';
import { ErrorBox, Loading, TableFrame } from '../components/status.js';
import { SystemChip } from '../components/badges.js';
import { Waterfall } from '../components/waterfall.js';

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
      <h1>Why these records match</h1>
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
