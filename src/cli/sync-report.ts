/** The summary a user sees at the end of `concord sync` / `concord demo`. */
import type { RunReport } from '../pipeline/run-sync.js';
import { formatTable } from './output.js';

export function renderRunReport(report: RunReport): string {
  const rows = report.streams.map((s) => [
    `${s.system}/${s.stream}`,
    s.counts.read,
    s.counts.loaded,
    s.counts.unchanged,
    s.counts.deleted,
    s.counts.deadLettered,
    s.error ? `failed: ${s.error}` : `${s.seconds.toFixed(1)}s`,
  ]);
  rows.push([
    'total',
    report.totals.read,
    report.totals.loaded,
    report.totals.unchanged,
    report.totals.deleted,
    report.totals.deadLettered,
    `${report.seconds.toFixed(1)}s`,
  ]);
  const lines = [formatTable(['stream', 'read', 'loaded', 'unchanged', 'deleted', 'dead-lettered', 'status'], rows)];
  const t = report.totals;
  lines.push(
    '',
    `read ${t.read} = loaded ${t.loaded} + unchanged ${t.unchanged} + dead-lettered ${t.deadLettered}: ${report.balanced ? 'balanced' : 'NOT BALANCED — please report this as a bug'}`,
  );
  for (const skip of report.skipped) lines.push(`skipped ${skip.system}/${skip.stream}: ${skip.reason}`);
  for (const s of report.streams) if (s.reconcileSkipped) lines.push(`${s.system}/${s.stream}: deletions not reconciled — ${s.reconcileSkipped}`);
  const warnings = report.streams.flatMap((s) => s.warnings.map((w) => ({ ...w, stream: `${s.system}/${s.stream}` })));
  if (warnings.length > 0) {
    lines.push('', 'warnings (values kept, see the mapping docs):');
    for (const w of warnings.slice(0, 15)) lines.push(`  ${w.stream} ${w.field} ${w.code} ×${w.count} — e.g. ${w.example}`);
    if (warnings.length > 15) lines.push(`  … and ${warnings.length - 15} more kinds (--json lists all)`);
  }
  if (t.deadLettered > 0) lines.push('', `${t.deadLettered} record(s) dead-lettered: \`concord runs show ${report.runId}\` lists them with the reason.`);
  if (report.status === 'paused') lines.push('', 'paused: a system ran low on API quota; its cursors are saved — run `concord sync` again later to resume.');
  lines.push(`run ${report.runId}: ${report.status}`);
  return lines.join('\n');
}
