/**
 * The profile 360 of a person or an organisation: surviving values with their provenance, the member records
 * side by side (one column per record, grouped by system), the match graph, history and what is related — for a
 * person its accounts (linked to the company's organisation profile), cases, opportunities, engagement and
 * consent; for an organisation its people (linked to their profiles), accounts, their cases and its
 * opportunities; with merge and split actions behind a confirmation dialog.
 *
 * @example
 * <Profile id="7d1c…" />
 */
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { useApi } from '../hooks.js';
import { attributeLabel, formatDate, formatDay, formatValue, shortId, systemColor } from '../format.js';
import { href } from '../router.js';
import type { MemberValues, MergeResult, Profile360, RelatedPerson, SplitResult } from '../types.js';
import { bestPartner, groupBySystem } from '../members.js';
import { setFlash, takeFlash } from '../flash.js';
import { ErrorBox, Loading, TableFrame } from '../components/status.js';
import { ProvenanceBadge, SystemChip } from '../components/badges.js';
import { ConfirmDialog } from '../components/dialog.js';
import { MatchGraph } from '../components/match-graph.js';
import { ProfilePicker } from '../components/profile-picker.js';

const MEMBER_FIELDS: ReadonlyArray<[keyof MemberValues, string]> = [
  ['personName', 'Name'],
  ['firstName', 'First name'],
  ['lastName', 'Last name'],
  ['birthDate', 'Birth date'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['address', 'Address'],
];

const ORGANIZATION_FIELDS: ReadonlyArray<[keyof MemberValues, string]> = [
  ['organizationName', 'Name'],
  ['phone', 'Phone'],
  ['website', 'Website'],
  ['address', 'Address'],
  ['identifier', 'DUNS number'],
];

export function Profile({ id }: { id: string }) {
  const profile = useApi<Profile360>(`/api/profiles/${encodeURIComponent(id)}`);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'split' | 'merge' | null>(null);
  const [reason, setReason] = useState('');
  const [mergeWith, setMergeWith] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<Error | null>(null);
  const [notice, setNotice] = useState<preact.ComponentChildren>(() => takeFlash());

  if (profile.error) return <ErrorBox error={profile.error} retry={profile.reload} />;
  if (!profile.data) return <Loading what="the profile" />;
  const p = profile.data;
  if (p.unifiedId !== id) return <Loading what="the profile" />;
  const isOrganization = p.kind === 'organization';
  const name = p.attributes['personName']?.value ?? p.attributes['organizationName']?.value ?? [p.attributes['firstName']?.value, p.attributes['lastName']?.value].filter(Boolean).join(' ');
  const fields = isOrganization ? ORGANIZATION_FIELDS : MEMBER_FIELDS;
  const groups = groupBySystem(p.members);
  const ordered = groups.flatMap(([, ms]) => ms);

  const toggle = (recordId: string): void =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(recordId)) next.delete(recordId);
      else next.add(recordId);
      return next;
    });

  const closeDialog = (): void => {
    setDialog(null);
    setActionError(null);
  };

  const split = async (): Promise<void> => {
    setBusy(true);
    setActionError(null);
    try {
      const result = await api.post<SplitResult>(`/api/profiles/${encodeURIComponent(p.unifiedId)}/split`, { recordIds: [...selected], ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setDialog(null);
      setSelected(new Set());
      setReason('');
      const others = result.profiles.filter((x) => x.unifiedId !== p.unifiedId);
      setNotice(
        <>
          Split done.{' '}
          {others.map((x) => (
            <a key={x.unifiedId} href={href('profile', { id: x.unifiedId })}>
              Open profile {shortId(x.unifiedId)}
            </a>
          ))}
        </>,
      );
      profile.reload();
    } catch (e: unknown) {
      setActionError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  const merge = async (): Promise<void> => {
    const other = mergeWith.trim();
    if (!other) {
      setActionError(new Error('Find the other profile and choose it first.'));
      return;
    }
    setBusy(true);
    setActionError(null);
    try {
      const result = await api.post<MergeResult>('/api/profiles/merge', { unifiedIds: [p.unifiedId, other], ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setDialog(null);
      setMergeWith('');
      setReason('');
      const message = `Merged: the profile now has ${result.profile.members.length} records.`;
      if (result.profile.unifiedId !== p.unifiedId) {
        // The survivor is the other profile: its page shows the message.
        setFlash(message);
        window.location.hash = href('profile', { id: result.profile.unifiedId }).slice(1);
      } else {
        setNotice(message);
        profile.reload();
      }
    } catch (e: unknown) {
      setActionError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };

  const selectedMembers = ordered.filter((m) => selected.has(m.recordId));
  const canSplit = selected.size > 0 && selected.size < p.members.length;

  return (
    <>
      <header class="page-head">
        <div>
          <p class="muted">Unified profile · {isOrganization ? 'organisation' : 'person'}</p>
          <h1>{name || shortId(p.unifiedId)}</h1>
          <p class="mono small">{p.unifiedId}</p>
        </div>
        <div class="actions">
          <button type="button" onClick={() => setDialog('merge')} disabled={p.status !== 'active'}>
            Merge with…
          </button>
          <button type="button" onClick={() => setDialog('split')} disabled={!canSplit} aria-describedby="split-help">
            Split selected records
          </button>
        </div>
      </header>
      <p id="split-help" class="muted small">
        To split, tick the records that belong to {isOrganization ? 'another company' : 'someone else'} in the member records below.
      </p>
      {p.status === 'merged' && (
        <p class="notice" role="status">
          This profile was merged into {p.mergedInto ? <a href={href('profile', { id: p.mergedInto })}>{p.mergedInto}</a> : 'another profile'}.
        </p>
      )}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}

      <section aria-labelledby="golden-title" class="panel">
        <h2 id="golden-title">Surviving values</h2>
        <dl class="golden">
          {Object.entries(p.attributes).map(([key, v]) => (
            <div key={key} class="golden-row" data-testid="golden-value">
              <dt>{attributeLabel(key)}</dt>
              <dd>
                <span class="value">{v.value}</span> <ProvenanceBadge provenance={v.provenance} rule={v.rule} candidates={v.candidates} />
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="members-title" class="panel">
        <h2 id="members-title">Member records ({p.members.length})</h2>
        <TableFrame label="Member records side by side">
          <table class="members" data-testid="members">
            <thead>
              <tr>
                <td />
                {groups.map(([system, ms]) => (
                  <th key={system} scope="colgroup" colSpan={ms.length} class="system-head" style={{ borderTopColor: systemColor(system) }}>
                    <SystemChip system={system} />
                  </th>
                ))}
              </tr>
              <tr>
                <th scope="col">Record</th>
                {ordered.map((m) => (
                  <th key={m.recordId} scope="col" class="member-head" data-record-id={m.recordId}>
                    <a class="mono" href={href('record', { system: m.system, stream: m.stream, externalId: m.externalRecordId })} aria-label={`${m.system} record ${m.externalRecordId}`}>
                      {m.externalRecordId}
                    </a>
                    <span class="muted small">{m.stream}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {fields.map(([field, label]) => (
                <tr key={field}>
                  <th scope="row">{label}</th>
                  {ordered.map((m) => {
                    const value = m.values[field];
                    const golden = p.attributes[field];
                    const survived = golden !== undefined && golden.provenance.recordId === m.recordId && value !== undefined;
                    return (
                      <td key={m.recordId} class={survived ? 'survivor' : undefined}>
                        {formatValue(value)}
                        {survived && <span class="visually-hidden"> (surviving value)</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr>
                <th scope="row">Modified</th>
                {ordered.map((m) => (
                  <td key={m.recordId}>{formatDate(m.modstamp)}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">Member since</th>
                {ordered.map((m) => (
                  <td key={m.recordId}>{formatDate(m.since)}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">Why matched</th>
                {ordered.map((m) => {
                  const partner = bestPartner(m.recordId, p.members, p.graph.edges);
                  const partnerRecord = p.members.find((x) => x.recordId === partner);
                  return (
                    <td key={m.recordId}>
                      {partner ? (
                        <a href={href('explain', {}, { a: m.recordId, b: partner, profile: p.unifiedId })}>
                          Explain vs {partnerRecord ? `${partnerRecord.system} ${partnerRecord.externalRecordId}` : shortId(partner)}
                        </a>
                      ) : (
                        '–'
                      )}
                    </td>
                  );
                })}
              </tr>
              <tr>
                <th scope="row">Split out</th>
                {ordered.map((m) => (
                  <td key={m.recordId}>
                    <label class="check">
                      <input type="checkbox" checked={selected.has(m.recordId)} onChange={() => toggle(m.recordId)} disabled={p.members.length < 2} />
                      <span>
                        Select {m.system} {m.externalRecordId}
                      </span>
                    </label>
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </TableFrame>
      </section>

      <div class="two-col">
        <section aria-labelledby="graph-title" class="panel">
          <h2 id="graph-title">Match graph</h2>
          {p.graph.nodes.length > 0 ? <MatchGraph graph={p.graph} profileId={p.unifiedId} /> : <p class="muted">No records.</p>}
        </section>
        <section aria-labelledby="history-title" class="panel">
          <h2 id="history-title">History</h2>
          {p.history.length === 0 ? (
            <p class="muted">No events.</p>
          ) : (
            <ol class="timeline" aria-label="Newest first">
              {[...p.history].reverse().map((h, i) => (
                <li key={`${h.at}-${i}`}>
                  <span class={`tag tag-${h.event}`}>{h.event.replace('_', ' ')}</span> <time dateTime={h.at}>{formatDate(h.at)}</time>
                  <span class="muted small">
                    {' '}
                    {h.recordIds.length} record(s){h.unifiedIds.length > 1 ? `, profiles ${h.unifiedIds.map(shortId).join(', ')}` : ''}
                    {h.run ? (
                      <>
                        , run <a href={href('run', { id: h.run })}>{shortId(h.run)}</a>
                      </>
                    ) : null}
                  </span>
                  {h.reason && <div class="small">“{h.reason}”</div>}
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>

      <Related p={p} />

      <ConfirmDialog open={dialog === 'split'} title="Split this profile?" confirmLabel={`Split ${selected.size} record(s) out`} danger busy={busy} onConfirm={() => void split()} onClose={closeDialog}>
        <p>These records will leave the profile and never be matched with its other records again (until someone merges them back); the records that stay remain one profile:</p>
        <ul>
          {selectedMembers.map((m) => (
            <li key={m.recordId}>
              <SystemChip system={m.system} /> {m.externalRecordId} — {m.values.personName ?? m.values.organizationName ?? m.values.email ?? ''}
            </li>
          ))}
        </ul>
        <label for="split-reason">Reason (kept with the decision)</label>
        <input id="split-reason" type="text" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        {actionError && <ErrorBox error={actionError} />}
      </ConfirmDialog>

      <ConfirmDialog open={dialog === 'merge'} title="Merge two profiles?" confirmLabel="Merge" busy={busy} onConfirm={() => void merge()} onClose={closeDialog}>
        <p>The two profiles are matched together from now on: an always-match decision, kept for every later resolution.</p>
        {dialog === 'merge' && <ProfilePicker exclude={p.unifiedId} kind={p.kind} value={mergeWith} onChange={setMergeWith} />}
        <label for="merge-reason">Reason (kept with the decision)</label>
        <input id="merge-reason" type="text" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        {actionError && <ErrorBox error={actionError} />}
      </ConfirmDialog>
    </>
  );
}

function Related({ p }: { p: Profile360 }) {
  if (p.kind === 'organization') {
    return (
      <div class="related">
        <PeopleTable people={p.people} />
        <RelatedTable title="Accounts" rows={p.accounts} columns={[['Name', (r) => r.name]]} />
        <RelatedTable title="Cases of its people" rows={p.cases} columns={[['Subject', (r) => r.subject], ['Status', (r) => r.status], ['Created', (r) => formatDay(r.createdAt)]]} />
        <RelatedTable title="Opportunities" rows={p.opportunities} columns={[['Name', (r) => r.name], ['Stage', (r) => r.stage], ['Amount', (r) => (r.amount === undefined ? undefined : r.amount.toLocaleString('en-US'))], ['Close', (r) => r.closeDate]]} />
      </div>
    );
  }
  return (
    <div class="related">
      <RelatedTable
        title="Accounts"
        rows={p.accounts}
        columns={[['Name', (r) => (r.organizationId ? <a href={href('profile', { id: r.organizationId })}>{r.name}</a> : r.name)], ['Role', (r) => r.role]]}
      />
      <RelatedTable title="Cases" rows={p.cases} columns={[['Subject', (r) => r.subject], ['Status', (r) => r.status], ['Created', (r) => formatDay(r.createdAt)]]} />
      <RelatedTable title="Opportunities" rows={p.opportunities} columns={[['Name', (r) => r.name], ['Stage', (r) => r.stage], ['Amount', (r) => (r.amount === undefined ? undefined : r.amount.toLocaleString('en-US'))], ['Close', (r) => r.closeDate]]} />
      <RelatedTable title="Campaign engagement" rows={p.engagement} columns={[['Type', (r) => r.type], ['Campaign', (r) => r.campaign], ['At', (r) => formatDay(r.at)]]} />
      <RelatedTable title="Consent" rows={p.consent} columns={[['Channel', (r) => r.channel], ['Purpose', (r) => r.purpose], ['Status', (r) => r.status], ['At', (r) => formatDay(r.at)]]} />
    </div>
  );
}

const RELATED_SHOWN = 8;

/** An organisation's people: their profiles (linked), emails, titles at the company and systems. */
function PeopleTable({ people }: { people: readonly RelatedPerson[] }) {
  const [all, setAll] = useState(false);
  const shown = all ? people : people.slice(0, RELATED_SHOWN);
  return (
    <section aria-labelledby="people-title" class="panel" data-testid="organization-people">
      <h2 id="people-title">
        People <span class="count">{people.length}</span>
      </h2>
      {people.length === 0 ? (
        <p class="muted">No contacts at its accounts.</p>
      ) : (
        <>
          <TableFrame label="People">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Systems</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((person) => (
                  <tr key={person.unifiedId}>
                    <th scope="row">
                      <a href={href('profile', { id: person.unifiedId })}>{person.name ?? shortId(person.unifiedId)}</a>
                      {person.email && <div class="people-roles">{person.email}</div>}
                    </th>
                    <td>{person.roles.join(', ') || '–'}</td>
                    <td>
                      <span class="chips">
                        {person.systems.map((s) => (
                          <SystemChip key={s} system={s} />
                        ))}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
          {people.length > RELATED_SHOWN && (
            <button type="button" class="more" aria-expanded={all} onClick={() => setAll((a) => !a)}>
              {all ? `Show the first ${RELATED_SHOWN}` : `Show all ${people.length}`}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function RelatedTable<T extends { recordId: string; system: string }>({ title, rows, columns }: { title: string; rows: readonly T[]; columns: ReadonlyArray<[string, (row: T) => preact.ComponentChildren]> }) {
  const [all, setAll] = useState(false);
  const idBase = title.toLowerCase().replace(/\W+/g, '-');
  const shown = all ? rows : rows.slice(0, RELATED_SHOWN);
  return (
    <section aria-labelledby={`${idBase}-title`} class="panel">
      <h2 id={`${idBase}-title`}>
        {title} <span class="count">{rows.length}</span>
      </h2>
      {rows.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <>
          <TableFrame label={title}>
            <table>
              <thead>
                <tr>
                  <th scope="col">System</th>
                  {columns.map(([label]) => (
                    <th key={label} scope="col">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((row, i) => (
                  <tr key={`${row.recordId}-${i}`}>
                    <td>
                      <SystemChip system={row.system} />
                    </td>
                    {columns.map(([label, cell]) => (
                      <td key={label}>{cell(row) ?? '–'}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
          {rows.length > RELATED_SHOWN && (
            <button type="button" class="more" aria-expanded={all} onClick={() => setAll((a) => !a)}>
              {all ? `Show the first ${RELATED_SHOWN}` : `Show all ${rows.length}`}
            </button>
          )}
        </>
      )}
    </section>
  );
}
